import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ClientCapabilities, InitializeResult, Location, LocationLink } from 'vscode-languageserver/node';
import { fileUri, LspTestClient, withTimeout } from '../helpers/lspClient';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
`;

const deployment = (name: string, port: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
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

/**
 * LspTestClient.initialize, declaring what an editor like VS Code declares for these requests, so the answers do
 * not depend on whether the server knows the client's capabilities.
 */
async function initializeAsEditor(client: LspTestClient, folders: string[], textDocument: ClientCapabilities['textDocument']): Promise<InitializeResult> {
  const result = await client.connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: folders.map((folder) => ({ uri: fileUri(folder), name: path.basename(folder) })),
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true }, textDocument },
  });
  await client.connection.sendNotification('initialized', {});
  return result;
}

const request = <T>(client: LspTestClient, method: string, params: object) => withTimeout(client.connection.sendRequest<T>(method, params), 10_000);

/** `file:line:character` of where a location or link points (the selection for links). */
function where(folder: string, target: Location | LocationLink): string {
  const uri = 'targetUri' in target ? target.targetUri : target.uri;
  const range = 'targetSelectionRange' in target ? target.targetSelectionRange : target.range;
  return `${path.relative(folder, new URL(uri).pathname)}:${range.start.line}:${range.start.character}`;
}

async function until<T>(ask: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  let value = await ask();
  for (let attempt = 0; attempt < 50 && !accept(value); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await ask();
  }
  return value;
}

test('over stdio: definition and references connect a Service and its workloads across unopened files', async (t) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ksl-navigation-'));
  mkdirSync(path.join(folder, 'apps'));
  writeFileSync(path.join(folder, 'apps', 'web.yaml'), deployment('web', 8080));
  writeFileSync(path.join(folder, 'apps', 'canary.yaml'), `# canary\n---\n${deployment('canary', 8081)}`);
  writeFileSync(path.join(folder, 'service.yaml'), SERVICE);
  const client = new LspTestClient({ workspaceFolders: [folder] });
  t.after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });
  const init = await initializeAsEditor(client, [folder], { definition: { linkSupport: true } });
  assert.equal(init.capabilities.definitionProvider, true);
  assert.equal(init.capabilities.referencesProvider, true);

  const service = fileUri(path.join(folder, 'service.yaml'));
  client.open(service, SERVICE, 1);
  const definition = (line: number, character: number) =>
    request<LocationLink[] | null>(client, 'textDocument/definition', { textDocument: { uri: service }, position: { line, character } });
  const labels = await until(
    () => definition(6, 5),
    (links) => (links?.length ?? 0) === 2,
  );
  // In index order, which is the order the folder scan found the files in.
  assert.deepEqual(labels?.map((link) => where(folder, link)).sort(), ['apps/canary.yaml:10:8', 'apps/web.yaml:8:8']);
  const toWeb = labels?.find((link) => link.targetUri.endsWith('/web.yaml'));
  assert.deepEqual(toWeb?.originSelectionRange, { start: { line: 6, character: 4 }, end: { line: 6, character: 7 } });
  assert.deepEqual(toWeb?.targetRange, { start: { line: 8, character: 8 }, end: { line: 8, character: 16 } });

  const ports = await definition(9, 20);
  assert.deepEqual(ports?.map((link) => where(folder, link)).sort(), ['apps/canary.yaml:16:14', 'apps/web.yaml:14:14']);
  assert.equal(await definition(3, 8), null, 'metadata.name leads nowhere');

  // References from the unopened workload file: the Service selector, and for the port, the Service port.
  const web = fileUri(path.join(folder, 'apps', 'web.yaml'));
  const references = (line: number, character: number, includeDeclaration: boolean) =>
    request<Location[] | null>(client, 'textDocument/references', {
      textDocument: { uri: web },
      position: { line, character },
      context: { includeDeclaration },
    });
  assert.deepEqual(
    (await references(1, 8, false))?.map((l) => where(folder, l)),
    ['service.yaml:5:2'],
  );
  assert.deepEqual(
    (await references(14, 30, true))?.map((l) => where(folder, l)),
    ['apps/web.yaml:13:14', 'service.yaml:9:6'],
  );
  assert.equal(client.exited, false);
});

test('over stdio: CodeLenses are refreshed when a workload in another file changes', async (t) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ksl-lens-'));
  const deployPath = path.join(folder, 'deploy.yaml');
  writeFileSync(deployPath, deployment('web', 8080));
  const client = new LspTestClient({ workspaceFolders: [folder] });
  let refreshes = 0;
  client.connection.onRequest('workspace/codeLens/refresh', () => {
    refreshes++;
    return null;
  });
  t.after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: fileUri(folder), name: 'w' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, codeLens: { refreshSupport: true } } },
    // CodeLenses run the preview command, so only a client that has it (VS Code's) gets them.
    initializationOptions: { trafficPreviewCommand: true },
  });
  await client.connection.sendNotification('initialized', {});
  const service = fileUri(path.join(folder, 'service.yaml'));
  client.open(service, SERVICE, 1);
  const lensTitles = async () =>
    (await request<Array<{ command?: { title: string } }>>(client, 'textDocument/codeLens', { textDocument: { uri: service } })).map((l) => l.command?.title);
  assert.deepEqual(await until(lensTitles, (titles) => titles.includes('1 workload, 1 replica')), ['Preview traffic path', '1 workload, 1 replica']);

  const before = refreshes;
  writeFileSync(deployPath, deployment('web', 8080).replace('spec:\n  template', 'spec:\n  replicas: 4\n  template'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(deployPath), type: 2 }] });
  await until(
    async () => refreshes,
    (count) => count > before,
  );
  assert.ok(refreshes > before, 'workspace/codeLens/refresh was sent');
  assert.deepEqual(await lensTitles(), ['Preview traffic path', '1 workload, 4 replicas']);
});
