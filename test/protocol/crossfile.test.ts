import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { LspTestClient, fileUri } from '../helpers/lspClient';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
    - name: admin
      port: 81
      targetPort: 9999
`;

const deployment = (app: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
        - name: web
          image: nginx
          ports:
            - containerPort: 8080
`;

const FILE_CHANGED = { Created: 1, Changed: 2, Deleted: 3 } as const;
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

test('cross-file rules see workspace files that are not open, and follow them as they change on disk', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ksl-crossfile-'));
  const servicePath = path.join(dir, 'service.yaml');
  const deployPath = path.join(dir, 'apps', 'deploy.yaml');
  writeFileSync(servicePath, SERVICE);
  mkdirSync(path.dirname(deployPath));
  writeFileSync(deployPath, deployment('web'));
  const client = new LspTestClient({ workspaceFolders: [dir] });
  t.after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();
  const serviceUri = fileUri(servicePath);
  const deployUri = fileUri(deployPath);
  client.open(serviceUri, SERVICE);

  // Only the indexed (never opened) Deployment can tell that port 9999 is undeclared while 8080 is declared.
  const indexed = await client.waitForDiagnostics(serviceUri, (p) => codes(p).includes('target-port-undeclared'));
  assert.deepEqual(
    codes(indexed).filter((c) => c !== 'target-port-undeclared'),
    [],
    'the selector matches the indexed Deployment',
  );
  const undeclared = indexed.diagnostics.find((d) => d.code === 'target-port-undeclared');
  assert.match(String(undeclared?.message), /Deployment `web` \(apps\/deploy\.yaml:2\) declares only 8080\./);
  assert.equal(undeclared?.range.start.line, 13);

  // The labels change on disk; the editor reports it as a watched-file change.
  writeFileSync(deployPath, deployment('web-v2'));
  client.forget(serviceUri);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: deployUri, type: FILE_CHANGED.Changed }] });
  const broken = await client.waitForDiagnostics(serviceUri, (p) => codes(p).includes('selector-matches-nothing'));
  const warning = broken.diagnostics.find((d) => d.code === 'selector-matches-nothing');
  assert.equal(warning?.severity, 2);
  assert.deepEqual(warning?.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 10 } });
  assert.match(String(warning?.message), /The closest is Deployment `web` \(apps\/deploy\.yaml:12\): its pods have `app=web-v2` instead of `app=web`\./);
  const closest = (warning?.data as { closest: { uri: string; range: { start: { line: number } } } }).closest;
  assert.equal(closest.uri, deployUri);
  assert.equal(closest.range.start.line, 11);
  assert.equal(codes(broken).includes('target-port-undeclared'), false, 'nothing is selected any more');

  // A new file that matches again, then the old one deleted: the index follows creations and deletions too.
  const fixedPath = path.join(dir, 'apps', 'deploy-fixed.yaml');
  writeFileSync(fixedPath, deployment('web'));
  client.forget(serviceUri);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(fixedPath), type: FILE_CHANGED.Created }] });
  const fixed = await client.waitForDiagnostics(serviceUri, (p) => !codes(p).includes('selector-matches-nothing'));
  assert.deepEqual(codes(fixed), ['target-port-undeclared']);

  unlinkSync(fixedPath);
  unlinkSync(deployPath);
  client.forget(serviceUri);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: fileUri(fixedPath), type: FILE_CHANGED.Deleted },
      { uri: deployUri, type: FILE_CHANGED.Deleted },
    ],
  });
  // With no workload left in the workspace the pods are defined elsewhere: no cross-file finding remains.
  const empty = await client.waitForDiagnostics(serviceUri, (p) => p.diagnostics.length === 0);
  assert.deepEqual(empty.diagnostics, []);
});

test('a Kustomize patch opened on its own, outside any workspace, is known by the kustomization on disk beside it', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ksl-patch-alone-'));
  const patchPath = path.join(dir, 'overlay', 'patches', 'web.yaml');
  mkdirSync(path.dirname(patchPath), { recursive: true });
  writeFileSync(path.join(dir, 'overlay', 'kustomization.yaml'), 'resources: [../base]\npatches:\n  - path: patches/web.yaml\n');
  // No ports, no selector, a node port without a type: all normal in a patch, all wrong in a whole Service.
  const patch = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  sessionAffinity: Sticky\n';
  writeFileSync(patchPath, patch);
  const client = new LspTestClient();
  t.after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();
  const uri = fileUri(patchPath);
  client.open(uri, patch);
  // What the patch writes is still checked: the invalid sessionAffinity, and nothing about what it leaves out.
  const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
  assert.deepEqual(codes(published), ['session-affinity-invalid']);
});
