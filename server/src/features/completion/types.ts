import type { FileModel } from '../../kubernetes/manifest';
import type { AnalysisSettings } from '../../analysis/settings';
import type { WorkspaceIndex } from '../../kubernetes/workspace';

/** Everything completion needs besides the cursor: the file, the rest of the workspace and the settings. */
export interface CompletionEnv {
  uri: string;
  file: FileModel;
  workspace: WorkspaceIndex;
  settings: AnalysisSettings;
}

export type CompletionKind = 'field' | 'enum' | 'value' | 'label' | 'port' | 'snippet';

/** One suggestion, editor-neutral: the handler maps it to an LSP CompletionItem. */
export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** Short text shown next to the label. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Replaces [start, end); lines after the first carry their full indentation (insert as is). */
  insertText: string;
  /** `insertText` is a snippet with `$1`/`${1:default}` placeholders. */
  snippet: boolean;
  /** Absolute offsets in the file. */
  start: number;
  end: number;
  sortText?: string;
  filterText?: string;
  preselect?: boolean;
  /** Open completion again after inserting (a key whose values are completed too). */
  retrigger?: boolean;
}

export interface CompletionResult {
  items: CompletionEntry[];
  /** More would be offered for a longer prefix: the editor asks again as the user types. */
  isIncomplete: boolean;
}

/** `$`, `}` and `\` are snippet syntax; manifest text inserted into a snippet must not be read as such. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** A sort key that keeps groups in order and entries of a group in the order given. */
export function sortKey(group: number, position: number): string {
  return `${group}${String(position).padStart(5, '0')}`;
}

/**
 * Whether `query`'s characters occur in `text` in order, ignoring case: a superset of how editors filter
 * suggestions, so narrowing a capped list on the server never hides what the editor would show.
 */
export function fuzzyIncludes(text: string, query: string): boolean {
  if (query === '') return true;
  const haystack = text.toLowerCase();
  let at = 0;
  for (const char of query.toLowerCase()) {
    at = haystack.indexOf(char, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}
