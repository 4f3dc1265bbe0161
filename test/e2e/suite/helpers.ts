// Small helpers so each e2e test reads as: open a fixture, wait for an observable editor state,
// assert. Waits are event-driven and bounded; no sleeps.
import * as vscode from 'vscode';

/** The workspace folder the launcher opened (a per-run copy of test/e2e/workspace/). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open; start the suite through a test/e2e launcher');
  return folder.uri;
}

/** Opens `name` (relative to the workspace root) in an editor, which is what triggers activation on YAML. */
export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/**
 * Resolves with the diagnostics of `uri` as soon as `predicate` accepts them; rejects after
 * `timeoutMs` with the diagnostics seen last, so a failure says what the server did report.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const current = vscode.languages.getDiagnostics(uri);
      if (predicate(current)) {
        finish();
        resolve(current);
      }
    };
    // Subscribe before the first check so an update between the two cannot be missed.
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const seen = vscode.languages.getDiagnostics(uri).map(describeDiagnostic);
      reject(
        new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.path}; last seen: ${seen.length ? '\n  ' + seen.join('\n  ') : 'none'}`),
      );
    }, timeoutMs);
    function finish(): void {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** `Diagnostic.code` is `string | number | { value, target }`; this returns the plain value. */
export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Range of the first `text` that follows the first `anchor` in the document (e.g. '80' after 'nodePort:'). */
export function rangeAfter(doc: vscode.TextDocument, anchor: string, text: string): vscode.Range {
  const source = doc.getText();
  const at = source.indexOf(anchor);
  if (at < 0) throw new Error(`"${anchor}" not found in ${doc.uri.path}`);
  const start = source.indexOf(text, at + anchor.length);
  if (start < 0) throw new Error(`"${text}" not found after "${anchor}" in ${doc.uri.path}`);
  return new vscode.Range(doc.positionAt(start), doc.positionAt(start + text.length));
}

export function describeDiagnostic(d: vscode.Diagnostic): string {
  const r = d.range;
  return `[${codeOf(d) ?? '-'}] ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.message.split('\n')[0]}`;
}
