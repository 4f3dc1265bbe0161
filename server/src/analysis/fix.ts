import type { Finding } from './finding';
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

/** The finding to repair, where it sits, and what the fix may read besides. */
export interface FixTarget {
  file: FileModel;
  workspace: WorkspaceIndex;
  settings: AnalysisSettings;
  finding: Finding;
  /** The object the finding sits in, and its chunk. */
  object: K8sObject;
  chunk: PlacedChunk;
}

/** What a rule's fixes receive: the target plus the finding's `data`, typed as the rule's check reported it. */
export interface FixContext<Data> extends FixTarget {
  data: Data;
}
