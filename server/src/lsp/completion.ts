import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver/node';
import type { CompletionEntry } from '../features/completion';
import type { PositionMapper } from '../document/positions';
import type { Feature } from './feature';

const KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  field: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
  value: CompletionItemKind.Value,
  label: CompletionItemKind.Property,
  port: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

/** VS Code's command to open the suggestion list again, after inserting a key whose values are completed too. */
const TRIGGER_SUGGEST = 'editor.action.triggerSuggest';

/**
 * textDocument/completion over features/completion. Space triggers it, so `type: ` offers the types at once; every other
 * position answers an empty list quickly.
 */
export const completionFeature: Feature = {
  capabilities: { completionProvider: { triggerCharacters: [' '], resolveProvider: false } },
  register(ctx) {
    const { service } = ctx;
    // A client without snippet support gets plain text.
    const snippets = ctx.clientCapabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    ctx.connection.onCompletion(({ textDocument, position }): CompletionList => {
      const empty = { isIncomplete: false, items: [] };
      const file = service.file(textDocument.uri);
      if (!file) return empty;
      const positions = service.positions(file);
      try {
        const result = service.completion(file, positions.offsetAt(position));
        return { isIncomplete: result.isIncomplete, items: result.items.map((entry) => toItem(entry, positions, snippets)) };
      } catch (error) {
        ctx.connection.console.error(
          `Completion failed at ${textDocument.uri}:${position.line + 1}:${position.character + 1}: ${error instanceof Error ? error.stack : String(error)}`,
        );
        return empty;
      }
    });
  },
};

function toItem(entry: CompletionEntry, positions: PositionMapper, snippets: boolean): CompletionItem {
  const range = { start: positions.positionAt(entry.start), end: positions.positionAt(entry.end) };
  const asSnippet = entry.snippet && snippets;
  return {
    label: entry.label,
    kind: KINDS[entry.kind],
    detail: entry.detail,
    documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
    textEdit: { range, newText: asSnippet || !entry.snippet ? entry.insertText : plainText(entry.insertText) },
    insertTextFormat: asSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Inserted lines carry their full indentation already.
    insertTextMode: InsertTextMode.asIs,
    sortText: entry.sortText,
    filterText: entry.filterText,
    preselect: entry.preselect,
    command: entry.retrigger ? { title: 'Suggest values', command: TRIGGER_SUGGEST } : undefined,
  };
}

/** A snippet with its placeholders replaced by their defaults (the first choice), for clients without snippets. */
function plainText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}
