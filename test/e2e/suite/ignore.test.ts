// What the user excluded stays silent in a real VS Code: files.exclude (read by the server with
// workspace/configuration) and a .gitignore written while the editor runs (seen through the file watcher).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, openFixture, rangeAfter, waitForDiagnostics, workspaceRoot } from './helpers';

const EXTENSION_ID = 'kube-service-lens.kube-service-lens';

/** The node ports (as written in the file) that a nodeport-collision diagnostic is reported on. */
function collidingPorts(doc: vscode.TextDocument, diagnostics: vscode.Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => codeOf(d) === 'nodeport-collision')
    .map((d) => doc.getText(d.range))
    .sort();
}

suite('ignored files', () => {
  test('files.exclude and .gitignore keep Services out of cross-file checks, and a new .gitignore applies at once', async () => {
    const doc = await openFixture('ignore-service.yaml');
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const gitignore = vscode.Uri.joinPath(workspaceRoot(), '.gitignore');
    try {
      // ignore-a-excluded/ is scanned before ignore-z-control/: once the control collides, the scan has passed it.
      const indexed = await waitForDiagnostics(doc.uri, (d) => collidingPorts(doc, d).includes('30556'));
      assert.deepStrictEqual(collidingPorts(doc, indexed), ['30556'], 'the Service hidden by files.exclude does not collide');
      assert.deepStrictEqual(indexed.find((d) => codeOf(d) === 'nodeport-collision')?.range, rangeAfter(doc, 'name: z', '30556'));

      await vscode.workspace.fs.writeFile(gitignore, new TextEncoder().encode('ignore-z-control/\n'));
      const ignored = await waitForDiagnostics(doc.uri, (d) => collidingPorts(doc, d).length === 0);
      assert.deepStrictEqual(collidingPorts(doc, ignored), []);
    } finally {
      await vscode.workspace.fs.delete(gitignore).then(undefined, () => undefined);
    }
  });
});
