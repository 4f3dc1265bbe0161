import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { fileUri, LspTestClient } from '../helpers/lspClient';

// `.kube-service-lens.yaml` is what the CLI reads in CI; the server must judge the workspace the same way.

const SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n    - port: 80\n      nodePort: 30080\n';
const OTHER_DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec: {containers: [{name: api, image: nginx}]}\n';

type Published = PublishDiagnosticsParams;
const find = (p: Published, code: string) => p.diagnostics.find((d) => d.code === code);
const rangeText = (p: Published) => p.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-project-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

test('the project file goes on top of editor settings; per-rule severities merge, the file winning', async (t) => {
  const dir = workspace({ '.kube-service-lens.yaml': 'nodePortRange: 1-1000\nrules:\n  selector-matches-nothing: error\n', 'api.yaml': OTHER_DEPLOYMENT });
  const editor = { nodePortRange: '30000-32767', severity: { 'selector-matches-nothing': 'hint', 'nodeport-out-of-range': 'warning' } };
  const client = new LspTestClient({ workspaceFolders: [dir], configuration: { kubeServiceLens: editor } });
  t.after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();
  const uri = fileUri(path.join(dir, 'svc.yaml'));
  client.open(uri, SERVICE);
  const published = await client.waitForDiagnostics(uri, (p) => !!find(p, 'nodeport-out-of-range') && !!find(p, 'selector-matches-nothing'));
  const nodePort = find(published, 'nodeport-out-of-range');
  assert.match(String(nodePort?.message), /The range of valid ports is 1-1000/, "the file's range beats the editor's");
  assert.equal(nodePort?.severity, 2, 'a severity only the editor sets still applies');
  assert.equal(find(published, 'selector-matches-nothing')?.severity, 1, "the file's severity beats the editor's");
});

test('a project file above the workspace folder applies, as for the CLI run from that folder', async (t) => {
  const repo = workspace({ '.kube-service-lens.yaml': 'nodePortRange: 1-1000\n' });
  mkdirSync(path.join(repo, 'deploy'));
  const client = new LspTestClient({ workspaceFolders: [path.join(repo, 'deploy')] });
  t.after(async () => {
    await client.shutdown();
    rmSync(repo, { recursive: true, force: true });
  });
  await client.initialize();
  const uri = fileUri(path.join(repo, 'deploy', 'svc.yaml'));
  client.open(uri, SERVICE);
  await client.waitForDiagnostics(uri, (p) => /valid ports is 1-1000/.test(String(find(p, 'nodeport-out-of-range')?.message ?? '')));
});

test('the dot-file is watched by name, and changes and deletion on disk are re-applied', async (t) => {
  const dir = workspace({ '.kube-service-lens.yaml': 'nodePortRange: 1-1000\n' });
  const configUri = fileUri(path.join(dir, '.kube-service-lens.yaml'));
  const client = new LspTestClient({ workspaceFolders: [dir] });
  const globs: string[] = [];
  client.connection.onRequest(
    'client/registerCapability',
    (params: { registrations: Array<{ registerOptions?: { watchers?: Array<{ globPattern: string }> } }> }) => {
      for (const registration of params.registrations) globs.push(...(registration.registerOptions?.watchers ?? []).map((w) => String(w.globPattern)));
      return null;
    },
  );
  t.after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();
  const uri = fileUri(path.join(dir, 'svc.yaml'));
  client.open(uri, SERVICE);
  await client.waitForDiagnostics(uri, (p) => /valid ports is 1-1000/.test(String(find(p, 'nodeport-out-of-range')?.message ?? '')));
  assert.ok(globs.includes('**/.kube-service-lens.yaml'), `watchers: ${globs.join(', ')}`);

  writeFileSync(path.join(dir, '.kube-service-lens.yaml'), 'nodePortRange: 30000-30050\n');
  void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
  await client.waitForDiagnostics(uri, (p) => /valid ports is 30000-30050/.test(String(find(p, 'nodeport-out-of-range')?.message ?? '')));

  rmSync(path.join(dir, '.kube-service-lens.yaml'));
  void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
  const defaults = await client.waitForDiagnostics(uri, (p) => !find(p, 'nodeport-out-of-range'));
  assert.deepEqual(
    defaults.diagnostics.filter((d) => d.code === 'nodeport-out-of-range'),
    [],
    '30080 is inside the default range',
  );
});

test('problems in the project file: one message while closed, diagnostics on it while open, edits applied live', async (t) => {
  const broken = 'nodePortRange: lots\nrules:\n  selector-matches-nothing: loud\nfoo: 1\n';
  const dir = workspace({ '.kube-service-lens.yaml': broken });
  const configUri = fileUri(path.join(dir, '.kube-service-lens.yaml'));
  const client = new LspTestClient({ workspaceFolders: [dir] });
  const messages: Array<{ type: number; message: string }> = [];
  client.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => void messages.push(params));
  t.after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();
  const uri = fileUri(path.join(dir, 'svc.yaml'));
  client.open(uri, SERVICE);
  // The valid part of a broken file is not there, so the default range applies: no error for 30080.
  await client.waitForDiagnostics(uri, (p) => !find(p, 'nodeport-out-of-range'));
  assert.equal(messages.length, 1, JSON.stringify(messages));
  assert.equal(messages[0].type, 2);
  assert.match(
    messages[0].message,
    /\.kube-service-lens\.yaml: nodePortRange "lots" is not a range like 30000-32767 \(and 2 more; open the file to see them\)\. This entry is ignored/,
  );

  client.open(configUri, broken, 1);
  const problems = await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length === 3);
  assert.deepEqual(
    rangeText(problems),
    [
      [0, 15, 0, 19],
      [2, 28, 2, 32],
      [3, 0, 3, 3],
    ],
    'the bad values, and the unknown key itself',
  );
  assert.ok(problems.diagnostics.every((d) => d.code === 'project-config' && d.severity === 2));
  assert.equal(
    String(problems.diagnostics[1].message),
    'rules.selector-matches-nothing: "loud" is not error, warning, information, hint or off.\nThis entry is ignored; the rest of the file applies.',
  );
  assert.match(String(problems.diagnostics[2].message), /^unknown setting "foo" \(known: nodePortRange, clusterProfile, rules, helm\)\./);

  // Unsaved edits apply at once, as a manifest's do: clients without a file watcher still see them.
  client.change(configUri, 2, [{ text: 'nodePortRange: 1-1000\n' }]);
  assert.deepEqual((await client.waitForDiagnostics(configUri, (p) => p.version === 2)).diagnostics, []);
  await client.waitForDiagnostics(uri, (p) => /valid ports is 1-1000/.test(String(find(p, 'nodeport-out-of-range')?.message ?? '')));

  client.change(configUri, 3, [{ text: 'nodePortRange: [1-1000\n' }]);
  const unparsable = await client.waitForDiagnostics(configUri, (p) => p.version === 3 && p.diagnostics.length > 0);
  assert.match(String(unparsable.diagnostics[0].message), /^not valid YAML .*\nNone of this file's settings apply until this is fixed\.$/s);
  await client.waitForDiagnostics(uri, (p) => !find(p, 'nodeport-out-of-range'));

  // Closing drops the unsaved text: the file on disk applies again, and its problems are not announced twice.
  client.change(configUri, 4, [{ text: 'nodePortRange: 1-1000\n' }]);
  await client.waitForDiagnostics(uri, (p) => !!find(p, 'nodeport-out-of-range'));
  client.forget(configUri);
  client.close(configUri);
  assert.deepEqual((await client.waitForDiagnostics(configUri)).diagnostics, []);
  await client.waitForDiagnostics(uri, (p) => !find(p, 'nodeport-out-of-range'));
  assert.equal(messages.length, 1, JSON.stringify(messages));
});
