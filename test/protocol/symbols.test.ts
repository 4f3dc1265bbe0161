import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SymbolKind, type ClientCapabilities, type DocumentSymbol, type InitializeResult, type SymbolInformation } from 'vscode-languageserver/node';
import { fileUri, LspTestClient, withTimeout } from '../helpers/lspClient';

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  mode: fast
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  ports:
    - name: http
      port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels:
        app: web
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

test('over stdio: the outline lists every object of a multi-document file, and workspace symbols search all files', async (t) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ksl-symbols-'));
  writeFileSync(path.join(folder, 'app.yaml'), MANIFEST);
  writeFileSync(path.join(folder, 'db.yaml'), 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\n');
  const client = new LspTestClient({ workspaceFolders: [folder] });
  t.after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });
  const init = await initializeAsEditor(client, [folder], { documentSymbol: { hierarchicalDocumentSymbolSupport: true } });
  assert.deepEqual(init.capabilities.documentSymbolProvider, { label: 'Kubernetes objects' });
  assert.equal(init.capabilities.workspaceSymbolProvider, true);

  const uri = fileUri(path.join(folder, 'app.yaml'));
  client.open(uri, MANIFEST, 1);
  const outline = await withTimeout(client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }), 10_000);
  assert.deepEqual(
    outline.map((s) => [s.name, s.kind, s.detail]),
    [
      ['ConfigMap/web-config', SymbolKind.Object, undefined],
      ['Service/web', SymbolKind.Interface, 'shop'],
      ['Deployment/web', SymbolKind.Class, undefined],
    ],
  );
  assert.deepEqual(outline[0].selectionRange, { start: { line: 3, character: 8 }, end: { line: 3, character: 18 } });
  assert.deepEqual(
    outline[1].children?.map((c) => `${c.name} ${c.detail}`),
    ['http 80 → 80'],
  );
  assert.deepEqual(outline[1].range.start, { line: 7, character: 0 });

  const search = async (query: string) => {
    let found: SymbolInformation[] = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      found = await withTimeout(client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query }), 10_000);
      if (found.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return found;
  };
  const postgres = await search('postgres');
  assert.deepEqual(
    postgres.map((s) => [s.name, path.basename(new URL(s.location.uri).pathname), s.location.range.start.line]),
    [['StatefulSet/postgres', 'db.yaml', 3]],
  );
  const web = await search('web');
  assert.deepEqual(
    web.map((s) => `${s.name} ${s.containerName ?? ''}`.trim()),
    ['ConfigMap/web-config', 'Service/web shop', 'Deployment/web'],
  );
});
