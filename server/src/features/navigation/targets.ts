import type { FileModel } from '../../kubernetes/manifest';
import type { Span } from '../../document/yamlNodes';
import type { WorkspaceIndex, ObjectRef } from '../../kubernetes/workspace';

/** What navigation requests need: the file the cursor is in and the rest of the workspace. */
export interface NavigationEnv {
  uri: string;
  file: FileModel;
  workspace: WorkspaceIndex;
}

/** A place in some file of the workspace; offsets are absolute in that file. */
export interface NavigationTarget {
  uri: string;
  /** The whole construct (a label mapping, a port entry). */
  start: number;
  end: number;
  /** The part to select and reveal inside it (a label key, a port number). */
  selectionStart: number;
  selectionEnd: number;
}

export interface NavigationResult {
  /** The key or value the request was made on, absolute in the requesting file. */
  origin: { start: number; end: number };
  targets: NavigationTarget[];
}

/** A target from chunk-relative spans of an indexed object; block collections' trailing line breaks are left out. */
export function targetIn(ref: ObjectRef, span: Span, selection: Span = span): NavigationTarget {
  const base = ref.chunk.start;
  const text = ref.chunk.parsed.text;
  const trimmed = (s: Span): Span => {
    let end = s.end;
    while (end > s.start && /\s/.test(text[end - 1])) end--;
    return { start: s.start, end };
  };
  const [whole, part] = [trimmed(span), trimmed(selection)];
  return { uri: ref.uri, start: base + whole.start, end: base + whole.end, selectionStart: base + part.start, selectionEnd: base + part.end };
}
