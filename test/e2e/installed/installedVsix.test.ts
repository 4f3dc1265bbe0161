// The extension as a user gets it: the VSIX that `npm run package` builds, installed by
// `code-server --install-extension` (test/e2e/lib/vsix.mjs). The development suite (../suite/) runs a copy of the
// working tree; this one catches what only packaging breaks: a bundle .vscodeignore leaves out, a production build
// that behaves differently, an install layout VS Code does not load. It walks the README's demo on the installed copy.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { KubeServiceLensApi } from '../../../client/src/extension';
import type { RenderAck } from '../../../client/src/preview/panel';
import { codeOf, describeDiagnostic, rangeAfter, waitForDiagnostics, workspaceRoot } from '../suite/helpers';

const EXTENSION_ID = 'kube-service-lens.kube-service-lens';

function installedExtension(): vscode.Extension<KubeServiceLensApi> {
  const extension = vscode.extensions.getExtension<KubeServiceLensApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  return extension;
}

/**
 * README's "Quick start": open examples/nodeport.yaml, the `nodePort: 8080` line is an error. Opened as a copy named
 * `name` in the workspace, so the test that applies a fix edits its own file and not the repository's.
 */
async function openReadmeExample(name: string): Promise<vscode.TextDocument> {
  const repoRoot = process.env.E2E_REPO_ROOT;
  assert.ok(repoRoot, 'E2E_REPO_ROOT is not set; start the suite through test/e2e/launch-code-server.mjs --vsix');
  const copy = vscode.Uri.joinPath(workspaceRoot(), name);
  if (!fs.existsSync(copy.fsPath)) await vscode.workspace.fs.writeFile(copy, fs.readFileSync(path.join(repoRoot, 'examples', 'nodeport.yaml')));
  const doc = await vscode.workspace.openTextDocument(copy);
  await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  return doc;
}

const isOutOfRange = (d: vscode.Diagnostic): boolean => codeOf(d) === 'nodeport-out-of-range';

/** The command lines of the processes running on this machine (Linux /proc), to find the language server. */
function commandLines(): string[][] {
  assert.ok(fs.existsSync('/proc/self/cmdline'), 'this check reads /proc: the --vsix mode runs on Linux');
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        return [fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')];
      } catch {
        return []; // the process ended while we listed them
      }
    });
}

function renderOf(api: KubeServiceLensApi, uri: vscode.Uri, accept: (ack: RenderAck) => boolean, timeoutMs = 45_000): Promise<RenderAck> {
  return new Promise((resolve, reject) => {
    let last: RenderAck | undefined = api.preview.lastRender(uri);
    const sub = api.preview.onDidRender((ack) => {
      if (ack.uri !== uri.toString()) return;
      last = ack;
      if (accept(ack)) finish(() => resolve(ack));
    });
    const timer = setTimeout(() => finish(() => reject(new Error(`no matching render within ${timeoutMs} ms; last: ${JSON.stringify(last)}`))), timeoutMs);
    function finish(then: () => void): void {
      clearTimeout(timer);
      sub.dispose();
      then();
    }
    if (last && accept(last)) finish(() => resolve(last as RenderAck));
  });
}

suite('installed VSIX', () => {
  test('VS Code runs the extension from the folder code-server installed the VSIX into', () => {
    const extension = installedExtension();
    const extensionsDir = path.dirname(extension.extensionPath);
    const registry: { identifier: { id: string }; relativeLocation?: string; metadata?: { source?: string } }[] = JSON.parse(
      fs.readFileSync(path.join(extensionsDir, 'extensions.json'), 'utf8'),
    );
    const entry = registry.find((candidate) => candidate.identifier.id === EXTENSION_ID);
    assert.ok(entry, `${EXTENSION_ID} is not in ${extensionsDir}/extensions.json`);
    assert.strictEqual(entry.relativeLocation, path.basename(extension.extensionPath));
    assert.strictEqual(entry.metadata?.source, 'vsix', JSON.stringify(entry.metadata));
    // .vscodeignore is an allow-list: sources, tests and dependencies stay out, the bundles are in.
    const shipped = fs.readdirSync(extension.extensionPath);
    for (const absent of ['node_modules', 'server', 'client', 'test', 'out', 'scripts'])
      assert.ok(!shipped.includes(absent), `${absent}/ was packaged: ${shipped.join(' ')}`);
    for (const bundle of ['extension.js', 'server.js', 'webview.js'])
      assert.ok(fs.existsSync(path.join(extension.extensionPath, 'dist', bundle)), `dist/${bundle} is missing`);
  });

  test("the README's example: the `nodePort: 8080` line is an error, with the API server's message", async () => {
    const doc = await openReadmeExample('readme-nodeport.yaml');
    const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.some(isOutOfRange));
    const [d] = diagnostics.filter(isOutOfRange);
    assert.ok(d.range.isEqual(rangeAfter(doc, 'nodePort:', '8080')), describeDiagnostic(d));
    assert.match(d.message, /provided port is not in the valid range\. The range of valid ports is 30000-32767/);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
  });

  test('the language server runs dist/server.js of the installed folder', async () => {
    const serverModule = path.join(installedExtension().extensionPath, 'dist', 'server.js');
    const doc = await openReadmeExample('readme-nodeport.yaml');
    await waitForDiagnostics(doc.uri, (ds) => ds.some(isOutOfRange));
    const servers = commandLines().filter((argv) => argv.some((arg) => arg.endsWith(`${path.sep}dist${path.sep}server.js`)));
    assert.ok(
      servers.some((argv) => argv.includes(serverModule)),
      `no process runs ${serverModule}; server processes: ${servers.map((argv) => argv.join(' ')).join(' | ') || 'none'}`,
    );
  });

  test('the quick fix "Use free node port" replaces 8080 and the error goes away', async () => {
    const doc = await openReadmeExample('readme-nodeport-fixed.yaml');
    const [diagnostic] = (await waitForDiagnostics(doc.uri, (ds) => ds.some(isOutOfRange))).filter(isOutOfRange);
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      )) ?? [];
    const action = actions.find((candidate) => candidate.title.startsWith('Use free node port '));
    assert.ok(action?.edit, `no "Use free node port" fix; offered: ${actions.map((candidate) => candidate.title).join(' | ')}`);
    const port = /(\d+)$/.exec(action.title)?.[1];
    assert.ok(port && Number(port) >= 30000 && Number(port) <= 32767, action.title);
    assert.ok(await vscode.workspace.applyEdit(action.edit), 'VS Code refused the edit');
    assert.ok(doc.getText().includes(`      nodePort: ${port}\n`), doc.getText());
    await waitForDiagnostics(doc.uri, (ds) => !ds.some(isOutOfRange));
  });

  test('"Open Traffic Preview to the Side" is contributed and draws the path with the packaged webview bundle', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('kubeServiceLens.showTrafficPreviewToSide'), 'the preview command is not registered');
    const doc = await openReadmeExample('readme-nodeport.yaml');
    const api = await installedExtension().activate();
    const drawn = renderOf(api, doc.uri, (ack) => ack.labels.some((label) => label.startsWith('Every node NodeIP:8080')));
    await vscode.commands.executeCommand('kubeServiceLens.showTrafficPreviewToSide');
    const ack = await drawn;
    assert.ok(ack.edges >= 3, `expected the traffic path to be drawn, got ${ack.edges} edges: ${JSON.stringify(ack.labels)}`);
  });
});
