import { completeAt, type CompletionEntry, type CompletionResult } from '../../../../server/src/features/completion';
import type { AnalysisSettings } from '../../../../server/src/analysis/settings';
import { cursorOf, marked } from '../../../kit/markers';
import { workspace } from '../../../kit/workspace';

export const SERVICE_URI = 'file:///w/service.yaml';

/**
 * Completion at the `|` in `text` (which is removed), with `others` (uri → text) indexed as the rest of the
 * workspace. The text is parsed exactly as typed, errors and all, like the server does on every keystroke.
 */
export function complete(text: string, others: Record<string, string> = {}, settings: Partial<AnalysisSettings> = {}): CompletionResult & { text: string } {
  const fixture = marked(text, { cursor: '|' });
  const files = workspace({ [SERVICE_URI]: fixture.text, ...others });
  return { ...completeAt(files.env(SERVICE_URI, settings), cursorOf(fixture)), text: fixture.text };
}

export const labels = (result: CompletionResult): string[] => result.items.map((item) => item.label);

export function item(result: CompletionResult, label: string): CompletionEntry {
  const found = result.items.find((entry) => entry.label === label);
  if (!found) throw new Error(`no suggestion "${label}" among ${JSON.stringify(labels(result))}`);
  return found;
}

/** The text after applying a suggestion, with snippet placeholders replaced by their defaults. */
export function applied(result: CompletionResult & { text: string }, label: string): string {
  const entry = item(result, label);
  const insert = entry.snippet
    ? entry.insertText
        .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\d+/g, '')
    : entry.insertText;
  return result.text.slice(0, entry.start) + insert + result.text.slice(entry.end);
}

export const SERVICE_HEAD = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n';
