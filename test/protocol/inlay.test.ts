import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { InlayHint, InitializeParams } from 'vscode-languageserver/node';
import { fileUri, LspTestClient, withTimeout } from '../helpers/lspClient';

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
      targetPort: http
    - name: metrics
      port: 9090
`;

const deployment = (port: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          ports:
            - name: http
              containerPort: ${port}
`;

const FULL_RANGE = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

/** Like LspTestClient.initialize, but telling the server the client takes inlay hint refresh requests. */
async function initialize(client: LspTestClient, folder: string): Promise<void> {
  const params: InitializeParams = {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: fileUri(folder), name: 'w' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, inlayHint: { refreshSupport: true } },
      textDocument: { inlayHint: { dynamicRegistration: false } },
    },
  };
  await client.connection.sendRequest('initialize', params);
  await client.connection.sendNotification('initialized', {});
}

const hintsOf = (client: LspTestClient, uri: string) =>
  withTimeout(client.connection.sendRequest<InlayHint[] | null>('textDocument/inlayHint', { textDocument: { uri }, range: FULL_RANGE }), 10_000);

const labelled = (hints: InlayHint[] | null) => (hints ?? []).map((hint) => `${hint.position.line}:${hint.position.character} ${String(hint.label)}`);

test('over stdio: inlay hints show defaults and resolved ports, refresh when a workload file changes, and obey the setting', async (t) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ksl-inlay-'));
  writeFileSync(path.join(folder, 'deploy.yaml'), deployment(8080));
  const settings: Record<string, unknown> = { inlayHints: { enabled: true } };
  const client = new LspTestClient({ workspaceFolders: [folder], configuration: { kubeServiceLens: settings } });
  let refreshes = 0;
  client.connection.onRequest('workspace/inlayHint/refresh', () => {
    refreshes++;
    return null;
  });
  t.after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });
  await initialize(client, folder);
  const uri = fileUri(path.join(folder, 'service.yaml'));
  client.open(uri, SERVICE, 1);
  await client.waitForDiagnostics(uri);

  let hints = await hintsOf(client, uri);
  for (let attempt = 0; attempt < 50 && !labelled(hints).some((h) => h.includes('→')); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    hints = await hintsOf(client, uri);
  }
  assert.deepEqual(labelled(hints), ['4:5 type: ClusterIP', '9:14 protocol: TCP', '10:22 → 8080', '12:16 targetPort: 9090', '12:16 protocol: TCP']);
  assert.match(
    String((hints?.[2].tooltip as { value: string }).value),
    /`http` resolves, in the pods of the selected workloads, to:\n- Deployment `web`: container port 8080/,
  );

  // Another file changes on disk: the named port now resolves elsewhere, and the client is told to ask again.
  const before = refreshes;
  writeFileSync(path.join(folder, 'deploy.yaml'), deployment(9000));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(folder, 'deploy.yaml')), type: 2 }] });
  for (let attempt = 0; attempt < 50 && refreshes === before; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(refreshes > before, 'workspace/inlayHint/refresh was sent');
  assert.ok(labelled(await hintsOf(client, uri)).includes('10:22 → 9000'));

  // An edit of the Service alone changes no workload: no refresh (the editor asks for the edited file by itself).
  const settled = refreshes;
  client.change(uri, 2, [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } }, text: 'shop' }]);
  await client.waitForDiagnostics(uri, (p) => p.version === 2);
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(refreshes, settled);

  // Turning the setting off empties the hints and asks the client to refresh.
  settings.inlayHints = { enabled: false };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  for (let attempt = 0; attempt < 50 && refreshes === settled; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(refreshes > settled);
  assert.deepEqual(await hintsOf(client, uri), []);
});
