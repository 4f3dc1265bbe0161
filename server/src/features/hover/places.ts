import type { K8sObject } from '../../kubernetes/model';
import type { FileModel, PlacedChunk } from '../../kubernetes/manifest';
import { locate } from '../../kubernetes/selection';
import type { AnalysisSettings } from '../../analysis/settings';
import type { Position } from '../../document/text';
import type { ObjectRef, WorkspaceIndex } from '../../kubernetes/workspace';
import { link } from './markdown';

/** Everything a hover needs besides the hovered node. */
export interface HoverEnv {
  uri: string;
  file: FileModel;
  workspace: WorkspaceIndex;
  settings: AnalysisSettings;
  /**
   * Offset → position in the hovered file. The LSP handler passes the open document's, whose line table is already
   * built; without it the shared per-file line table of kubernetes/selection.ts is used.
   */
  positionAt?(offset: number): Position;
  /** Whether the client runs our commands, so Markdown may link to the traffic preview. */
  commandLinks?: boolean;
}

/** An ObjectRef for an object of the hovered file, so it can be linked like any indexed object. */
export function refOf<T extends K8sObject>(env: HoverEnv, object: T, chunk: PlacedChunk): ObjectRef<T> {
  return { uri: env.uri, object, chunk };
}

/** Where an object's anchor (its `kind` value) is, as an LSP-style position. */
export function anchorPosition(env: HoverEnv, ref: ObjectRef): Position {
  if (ref.uri === env.uri && env.positionAt) return env.positionAt(ref.chunk.start + ref.object.anchorSpan.start);
  return locate(ref, env.workspace).range.start;
}

/** A Markdown link `name.yaml:12` that opens the file at the object (VS Code understands `#L12`). */
export function placeLink(env: HoverEnv, ref: ObjectRef): string {
  const where = locate(ref, env.workspace);
  return link(`${where.file}:${where.line}`, `${ref.uri}#L${where.line}`);
}
