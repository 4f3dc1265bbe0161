import * as vscode from 'vscode';
import { SHOW_SERVICE_TYPES_COMMAND } from '../../server/src/protocol/index';

/**
 * The command the `type` hover links to: docs/service-types.md (shipped in the VSIX, see .vscodeignore) in VS Code's
 * Markdown preview, beside the manifest. The hover says what this Service does; this page compares the four types.
 */
export function registerServiceTypesPage(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_SERVICE_TYPES_COMMAND, async () => {
    const page = vscode.Uri.joinPath(extensionUri, 'docs', 'service-types.md');
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
    } catch {
      // The built-in Markdown extension can be disabled; the page still reads well as text.
      await vscode.window.showTextDocument(page, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
  });
}
