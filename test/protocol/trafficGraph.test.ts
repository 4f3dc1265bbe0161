import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver/node';
import { fileUri, LspTestClient, withTimeout } from '../helpers/lspClient';
import type { TrafficGraphResult } from '../../server/src/protocol/index';
import { NODEPORT_EXAMPLE } from '../kit/trafficManifests';

const METHOD = 'kubeServiceLens/trafficGraph';

test('trafficGraph over stdio: every Service without a position, the one under the cursor with it', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  const init = await client.initialize();
  assert.deepEqual(init.capabilities.codeLensProvider, { resolveProvider: false });

  const uri = 'file:///virtual/shop.yaml';
  const text = `${NODEPORT_EXAMPLE}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  type: ExternalName\n  externalName: db.example.com\n`;
  client.open(uri, text, 7);

  const all = await withTimeout(client.connection.sendRequest<TrafficGraphResult>(METHOD, { textDocument: { uri } }), 5000);
  assert.equal(all.uri, uri);
  assert.equal(all.version, 7);
  assert.equal(all.scope, 'document');
  assert.deepEqual(
    all.services.map((s) => [s.name, s.type]),
    [
      ['web', 'NodePort'],
      ['db', 'ExternalName'],
    ],
  );
  assert.match(all.mermaid, /^flowchart LR\n/);
  assert.match(all.mermaid, /s0_l0_np\["<b>Every node<\/b><br\/>NodeIP#58;30080"\]/);
  assert.match(all.mermaid, /s1_dns>"/);
  const web = all.services[0];
  assert.deepEqual(
    web.workloads.map((w) => [w.kind, w.name, w.replicas]),
    [['Deployment', 'web', 3]],
  );
  assert.deepEqual(web.lanes[0].targets, [{ workload: 0, containerPort: 8080, container: 'web' }]);
  assert.deepEqual(
    web.upstream.map((u) => [u.kind, u.name, u.port, u.laneIndex]),
    [['Ingress', 'shop', 'http', 0]],
  );
  // Links point into the document, in LSP positions.
  assert.deepEqual(all.links.s0_w0, web.workloads[0].source);
  assert.equal(text.split('\n')[web.workloads[0].source.range.start.line], '  name: web');

  const dbLine = text.split('\n').indexOf('  name: db');
  const one = await client.connection.sendRequest<TrafficGraphResult>(METHOD, { textDocument: { uri }, position: { line: dbLine, character: 4 } });
  assert.equal(one.scope, 'service');
  assert.deepEqual(
    one.services.map((s) => s.name),
    ['db'],
  );

  // Edits are reflected at once: the request parses the current version.
  client.change(uri, 8, [{ text: text.replace('nodePort: 30080', 'nodePort: 80') }]);
  const edited = await client.connection.sendRequest<TrafficGraphResult>(METHOD, { textDocument: { uri } });
  assert.equal(edited.version, 8);
  assert.ok(edited.services[0].diagnostics.some((d) => d.ruleId === 'nodeport-out-of-range' && d.target === 'nodePort' && d.laneIndex === 0));
  assert.match(edited.mermaid, /class [^\n]*s0_l0_np[^\n]* problem/);
});

test('trafficGraph answers an unknown document with an empty diagram, and rejects a request without a uri', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  await client.initialize();
  const empty = await client.connection.sendRequest<TrafficGraphResult>(METHOD, { textDocument: { uri: 'file:///virtual/none.yaml' } });
  assert.deepEqual([empty.services, empty.scope, empty.version], [[], 'document', null]);
  assert.match(empty.mermaid, /No Service here/);
  await assert.rejects(client.connection.sendRequest(METHOD, {}));
  assert.equal(client.exited, false);
});

test('CodeLenses over each Service: open the preview, and count the workloads found in other workspace files', async (t) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ksl-lens-'));
  const deployment = NODEPORT_EXAMPLE.slice(NODEPORT_EXAMPLE.indexOf('apiVersion: apps/v1'), NODEPORT_EXAMPLE.indexOf('---\napiVersion: networking'));
  writeFileSync(path.join(folder, 'deploy.yaml'), deployment);
  const client = new LspTestClient({ workspaceFolders: [folder], initializationOptions: { trafficPreviewCommand: true } });
  t.after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });
  await client.initialize();
  const uri = fileUri(path.join(folder, 'service.yaml'));
  const service = NODEPORT_EXAMPLE.slice(0, NODEPORT_EXAMPLE.indexOf('---'));
  client.open(uri, `# the Service\n${service}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: lonely\nspec:\n  ports:\n    - port: 80\n`);

  // The workspace is indexed in the background: ask until the Deployment in deploy.yaml is known.
  let lenses: CodeLens[];
  const deadline = Date.now() + 10_000;
  do {
    lenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    if (lenses.some((l) => l.command?.title === '1 workload, 3 replicas')) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  } while (Date.now() < deadline);

  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
    [
      [1, 'Preview traffic path', 'kubeServiceLens.showTrafficPreviewToSide'],
      [1, '1 workload, 3 replicas', 'kubeServiceLens.showTrafficPreviewToSide'],
      [18, 'Preview traffic path', 'kubeServiceLens.showTrafficPreviewToSide'],
      [18, 'No selector: endpoints are managed outside this Service', 'kubeServiceLens.showTrafficPreviewToSide'],
    ],
  );
  assert.deepEqual(lenses[0].command?.arguments, [uri, { line: 1, character: 0 }]);
});

test('CodeLenses: none over a document that does not parse, and a mis-indented selector is called so, not "No selector"', async (t) => {
  const client = new LspTestClient({ initializationOptions: { trafficPreviewCommand: true } });
  t.after(() => client.shutdown());
  await client.initialize();
  const uri = 'file:///virtual/lenses.yaml';
  const service = (name: string, spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
  const text = [
    service('valid', '  selector:\n    app: valid\n  ports:\n    - port: 80\n'),
    // `targetPort` one column short: YAML syntax error; the parser's recovered tree must not be explained.
    service('broken', '  selector:\n    app: valid\n  ports:\n    - port: 80\n     targetPort: 8080\n'),
    service('misindented', '  selector:\n  app: shop\n  ports:\n    - port: 80\n'),
  ].join('---\n');
  client.open(uri, text);
  const lenses = await withTimeout(client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }), 5000);
  const lines = text.split('\n');
  assert.deepEqual(
    lenses.map((l) => [lines[l.range.start.line + 3], l.command?.title]),
    [
      ['  name: valid', 'Preview traffic path'],
      ['  name: valid', 'No matching workloads in the workspace'],
      ['  name: misindented', 'Preview traffic path'],
      ['  name: misindented', 'Selector mis-indented: as written it selects no pods'],
    ],
  );
});
