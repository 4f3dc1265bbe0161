import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { InsertTextFormat, InsertTextMode, type ClientCapabilities, type CompletionList, type InitializeResult } from 'vscode-languageserver/node';
import { fileUri, LspTestClient, withTimeout } from '../helpers/lspClient';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: frontend
    spec:
      containers:
        - name: app
          ports:
            - name: http
              containerPort: 8080
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 
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

const EDITOR: ClientCapabilities['textDocument'] = { completion: { completionItem: { snippetSupport: true, insertReplaceSupport: false } } };

function complete(client: LspTestClient, uri: string, line: number, character: number): Promise<CompletionList> {
  return withTimeout(
    client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character } }),
    10_000,
  );
}

/** Asks until `accept` passes: the workspace scan indexes the folder in the background after `initialized`. */
async function completeUntil(
  client: LspTestClient,
  uri: string,
  line: number,
  character: number,
  accept: (list: CompletionList) => boolean,
): Promise<CompletionList> {
  let list = await complete(client, uri, line, character);
  for (let attempt = 0; attempt < 50 && !accept(list); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    list = await complete(client, uri, line, character);
  }
  return list;
}

test('over stdio: completion offers the ports of a workload in an unopened file, and follows typing', async (t) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ksl-completion-'));
  writeFileSync(path.join(folder, 'deploy.yaml'), DEPLOYMENT);
  const client = new LspTestClient({ workspaceFolders: [folder] });
  t.after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });
  const init = await initializeAsEditor(client, [folder], EDITOR);
  assert.deepEqual(init.capabilities.completionProvider, { triggerCharacters: [' '], resolveProvider: false });

  const uri = fileUri(path.join(folder, 'service.yaml'));
  client.open(uri, SERVICE, 1);
  const ports = await completeUntil(client, uri, 10, 18, (list) => list.items.length > 0);
  assert.deepEqual(
    ports.items.map((item) => item.label),
    ['http', '8080'],
  );
  const http = ports.items[0];
  assert.equal(http.detail, '8080/TCP in Deployment/web (container app)');
  assert.deepEqual(http.textEdit, { range: { start: { line: 10, character: 18 }, end: { line: 10, character: 18 } }, newText: 'http' });

  // The user goes back and types a new key in spec, which breaks the YAML for a moment.
  client.change(uri, 2, [{ range: { start: { line: 5, character: 16 }, end: { line: 5, character: 16 } }, text: '\n  ext' }]);
  const keys = await complete(client, uri, 6, 5);
  assert.ok(
    keys.items.some((item) => item.label === 'externalTrafficPolicy'),
    JSON.stringify(keys.items.map((i) => i.label)),
  );
  const policy = keys.items.find((item) => item.label === 'externalTrafficPolicy');
  assert.deepEqual(policy?.textEdit, { range: { start: { line: 6, character: 2 }, end: { line: 6, character: 5 } }, newText: 'externalTrafficPolicy: ' });
  assert.deepEqual(policy?.command, { title: 'Suggest values', command: 'editor.action.triggerSuggest' });
  assert.equal(policy?.insertTextMode, InsertTextMode.asIs);
  assert.match(String((policy?.documentation as { value: string }).value), /How traffic from outside the cluster/);
  assert.equal(client.exited, false);
});

test('over stdio: selector labels and snippets, with snippet syntax marked as such', async (t) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ksl-completion-'));
  writeFileSync(path.join(folder, 'deploy.yaml'), DEPLOYMENT);
  const client = new LspTestClient({ workspaceFolders: [folder] });
  t.after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });
  await initializeAsEditor(client, [folder], EDITOR);
  const uri = fileUri(path.join(folder, 'new.yaml'));
  client.open(uri, '', 1);
  const snippets = await complete(client, uri, 0, 0);
  assert.deepEqual(
    snippets.items.map((item) => item.label),
    ['Service (NodePort)', 'Service (LoadBalancer)', 'Service (headless)', 'Service (ExternalName)'],
  );
  assert.equal(snippets.items[0].insertTextFormat, InsertTextFormat.Snippet);
  assert.match(String(snippets.items[0].textEdit?.newText), /^apiVersion: v1\nkind: Service\nmetadata:\n {2}name: \$\{1:web\}\n/);

  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    \n';
  client.change(uri, 2, [{ text }]);
  const selector = await completeUntil(client, uri, 6, 4, (list) => list.items.length >= 3);
  assert.deepEqual(
    selector.items.map((item) => item.label),
    ['app: web', 'app', 'tier'],
  );
  assert.equal(selector.items[0].textEdit?.newText, 'app: web');
  assert.equal(selector.items[0].insertTextFormat, InsertTextFormat.PlainText);
});

test('over stdio: positions outside Services, and unknown documents, answer an empty list', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  await client.initialize();
  const uri = 'file:///virtual/ci.yaml';
  client.open(uri, 'name: ci\non:\n  push:\n    branches: [main]\n', 1);
  assert.deepEqual(await complete(client, uri, 2, 4), { isIncomplete: false, items: [] });
  assert.deepEqual(await complete(client, 'file:///virtual/never-opened.yaml', 0, 0), { isIncomplete: false, items: [] });
});
