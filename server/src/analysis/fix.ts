import type { Finding } from './analyze';
import { entriesOverlapping } from './analyzeRange';
import type { K8sObject } from '../kubernetes/model';
import type { FileModel, PlacedChunk } from '../kubernetes/manifest';
import type { AnalysisSettings } from './settings';
import type { WorkspaceIndex } from '../kubernetes/workspace';
import type { TextEdit } from '../document/edits';

/** One way to repair a finding. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix VS Code applies with the quick-fix shortcut, and the one fix-all uses. */
  preferred?: boolean;
  /** Deterministic and behaviour-preserving enough to apply unseen in "fix all" / on save. */
  safe: boolean;
}

export interface FixContext {
  file: FileModel;
  workspace: WorkspaceIndex;
  settings: AnalysisSettings;
  finding: Finding;
  /** The object the finding sits in, and its chunk. */
  object: K8sObject;
  chunk: PlacedChunk;
}

/** Fixes for one rule, keyed on the finding's rule id and `data`, never on its message. */
export type FixProvider = (ctx: FixContext) => Fix[];

/** The object (and its chunk) whose mapping contains an absolute offset. */
export function objectAt(file: FileModel, offset: number): { object: K8sObject; chunk: PlacedChunk } | undefined {
  let found: { object: K8sObject; chunk: PlacedChunk } | undefined;
  // Only the documents at the offset can contain it; fix-all asks once per finding of a file of thousands.
  for (const entry of entriesOverlapping(file, offset, offset)) {
    const range = entry.object.root.range;
    if (!range) continue;
    const start = entry.chunk.start + range[0];
    const end = entry.chunk.start + range[2];
    // Inner objects (List items) come after their container, so the last match is the innermost.
    if (offset >= start && offset <= end) found = entry;
  }
  return found;
}
