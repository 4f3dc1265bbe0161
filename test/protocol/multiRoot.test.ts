import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver/node';
import { fileUri, LspTestClient, withTimeout } from '../helpers/lspClient';
import type { TrafficGraphResult } from '../../server/src/protocol/index';

// In a multi-root workspace every file is judged by its own folder: that folder's `.kube-service-lens.yaml` and its
// folder-level editor settings, whichever folder came first.

const service = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080\n`;
const NODE_PORT_LINE = 7;
const NODE_PORT_VALUE = { line: NODE_PORT_LINE, character: 16 };

interface Folder {
  name: string;
  dir: string;
  range: string;
}

test('each workspace folder gets its own node-port range in diagnostics, hover, code actions and the traffic graph', async (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'ksl-multi-root-'));
  const folder = (name: string, range: string): Folder => {
    const dir = path.join(root, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '.kube-service-lens.yaml'), `nodePortRange: ${range}\n`);
    return { name, dir, range };
  };
  const a = folder('a', '30000-30050');
  const b = folder('b', '1000-2000');
  // Nested inside b, and listed after it: the innermost folder is the file's.
  const inner = folder(path.join('b', 'inner'), '3000-4000');
  const client = new LspTestClient({
    workspaceFolders: [a.dir, b.dir, inner.dir],
    configuration: { kubeServiceLens: {} },
    // Folder b's own editor settings (`.vscode/settings.json` in VS Code): only files of b get them.
    scopedConfiguration: { [fileUri(b.dir)]: { kubeServiceLens: { severity: { 'nodeport-out-of-range': 'warning' } } } },
  });
  t.after(async () => {
    await client.shutdown();
    rmSync(root, { recursive: true, force: true });
  });
  await client.initialize();

  const outOfRange = (diagnostics: Diagnostic[]) => diagnostics.find((d) => d.code === 'nodeport-out-of-range');
  const checks = [
    { folder: a, severity: 1 },
    { folder: b, severity: 2 },
    { folder: inner, severity: 1 },
  ];
  for (const { folder, severity } of checks) {
    const uri = fileUri(path.join(folder.dir, 'svc.yaml'));
    client.open(uri, service(`web-${path.basename(folder.name)}`));
    const published = await client.waitForDiagnostics(uri, (p) => !!outOfRange(p.diagnostics));
    const diagnostic = outOfRange(published.diagnostics) as Diagnostic;
    assert.match(String(diagnostic.message), new RegExp(`The range of valid ports is ${folder.range}\\b`), `diagnostics in ${folder.name}`);
    assert.equal(diagnostic.severity, severity, `editor settings of ${folder.name}`);

    const hover = await withTimeout(
      client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: NODE_PORT_VALUE }),
      10_000,
    );
    assert.match((hover?.contents as MarkupContent).value, new RegExp(`outside the node-port range ${folder.range}\\b`), `hover in ${folder.name}`);

    const actions = await withTimeout(
      client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      }),
      10_000,
    );
    const free = actions.map((action) => /^Use free node port (\d+)$/.exec(action.title)?.[1]).find((port) => port !== undefined);
    const [first, last] = folder.range.split('-').map(Number);
    assert.ok(
      free !== undefined && Number(free) >= first && Number(free) <= last,
      `code actions in ${folder.name}: ${actions.map((x) => x.title).join(' | ')}`,
    );

    const graph = await withTimeout(client.connection.sendRequest<TrafficGraphResult>('kubeServiceLens/trafficGraph', { textDocument: { uri } }), 10_000);
    assert.deepEqual(
      graph.services.map((s) => s.nodePortRange),
      [folder.range],
      `traffic graph in ${folder.name}`,
    );
  }

  // Outside every folder: the first folder's project file and the editor settings of no folder in particular.
  const outside = 'untitled:Untitled-1';
  client.open(outside, service('web-outside'));
  const published = await client.waitForDiagnostics(outside, (p) => !!outOfRange(p.diagnostics));
  assert.match(String(outOfRange(published.diagnostics)?.message), /The range of valid ports is 30000-30050\b/);
  assert.equal(outOfRange(published.diagnostics)?.severity, 1);
});
