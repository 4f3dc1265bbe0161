import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver/node';

/** Applies the edits a code action carries for `uri` (documentChanges or changes) to `text`. */
export function applyCodeAction(text: string, uri: string, action: CodeAction): string {
  const edits: TextEdit[] = [];
  for (const change of action.edit?.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  edits.push(...(action.edit?.changes?.[uri] ?? []));
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), edits);
}
