import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../helpers/lspClient';

const BAD = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 80
`;

const only =
  (id: string) =>
  <T extends { code?: unknown }>(p: { diagnostics: T[] }) =>
    p.diagnostics.filter((d) => d.code === id);
const nodePortErrors = only('nodeport-out-of-range');
const hasRule = (id: string) => (p: { diagnostics: Array<{ code?: unknown }> }) => p.diagnostics.some((d) => d.code === id);

test('over stdio: open, edit and close a manifest as an editor does', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  const init = await client.initialize();
  assert.equal(init.serverInfo?.name, 'kube-service-lens');

  const uri = 'file:///virtual/bad.yaml';
  client.open(uri, BAD, 1);
  const published = await client.waitForDiagnostics(uri, hasRule('nodeport-out-of-range'));
  assert.equal(published.version, 1);
  const [diagnostic] = nodePortErrors(published);
  assert.deepEqual(diagnostic.range, { start: { line: 8, character: 16 }, end: { line: 8, character: 18 } });
  assert.equal(diagnostic.severity, 1);
  assert.equal(diagnostic.source, 'kube-service-lens');
  assert.match(String(diagnostic.message), /provided port is not in the valid range\. The range of valid ports is 30000-32767/);
  assert.match(diagnostic.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\/nodeport-out-of-range\.md$/);
  assert.deepEqual((diagnostic.data as { ruleId: string }).ruleId, 'nodeport-out-of-range');

  // An incremental edit of the value to an in-range port clears the error.
  client.change(uri, 2, [{ range: { start: { line: 8, character: 16 }, end: { line: 8, character: 18 } }, text: '30080' }]);
  const fixed = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(nodePortErrors(fixed), []);

  client.change(uri, 3, [{ text: `${BAD}---\n${BAD.replace('nodePort: 80', 'nodePort: 99999')}` }]);
  const multi = await client.waitForDiagnostics(uri, (p) => p.version === 3);
  assert.deepEqual(
    nodePortErrors(multi).map((d) => d.range.start.line),
    [8, 18],
  );

  client.forget(uri);
  client.close(uri);
  const cleared = await client.waitForDiagnostics(uri);
  assert.deepEqual(cleared.diagnostics, []);
});

test('reads the node-port range through workspace/configuration', async (t) => {
  const client = new LspTestClient({ configuration: { kubeServiceLens: { nodePortRange: '1-1000' } } });
  t.after(() => client.shutdown());
  await client.initialize();
  const uri = 'file:///virtual/range.yaml';
  client.open(uri, BAD.replace('nodePort: 80', 'nodePort: 30080'));
  const published = await client.waitForDiagnostics(uri, hasRule('nodeport-out-of-range'));
  assert.match(String(nodePortErrors(published)[0].message), /The range of valid ports is 1-1000/);
});

test('YAML syntax errors are reported only when the client asks for them', async (t) => {
  const broken = 'apiVersion: v1\nkind: Service\nmetadata: {name: x\n';
  const plain = new LspTestClient();
  const withYamlExtension = new LspTestClient({ initializationOptions: { reportYamlSyntaxErrors: false } });
  t.after(async () => {
    await plain.shutdown();
    await withYamlExtension.shutdown();
  });
  await plain.initialize();
  await withYamlExtension.initialize();
  const uri = 'file:///virtual/broken.yaml';
  plain.open(uri, broken);
  withYamlExtension.open(uri, broken);
  const reported = await plain.waitForDiagnostics(uri);
  assert.ok(reported.diagnostics.length > 0 && reported.diagnostics.every((d) => d.code === 'yaml-syntax'));
  const silent = await withYamlExtension.waitForDiagnostics(uri);
  assert.deepEqual(silent.diagnostics, []);
});

test('non-Kubernetes YAML gets no diagnostics and the server keeps answering', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  await client.initialize();
  const uri = 'file:///virtual/compose.yaml';
  client.open(uri, 'services:\n  web:\n    ports: ["80:80"]\n');
  assert.deepEqual((await client.waitForDiagnostics(uri)).diagnostics, []);
  client.open('file:///virtual/junk.yaml', '\u0000\u0001\u00ff binary');
  await client.waitForDiagnostics('file:///virtual/junk.yaml');
  assert.equal(client.exited, false);
});
