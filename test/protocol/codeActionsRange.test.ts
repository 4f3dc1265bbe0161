// Code actions look only at the documents under the requested range (lsp/codeActions.ts). Over stdio, with CRLF
// line ends (positions go through the open document's line table) and an incremental edit, the actions must still be
// found for a diagnostic in the middle of a many-document file and point at the right lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { LspTestClient } from '../helpers/lspClient';
import { applyCodeAction } from '../helpers/lspEdits';

const MIDDLE = 10;

function service(i: number): string {
  const nodePort = i === MIDDLE ? 80 : 30000 + i;
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: app-${i}\nspec:\n  type: NodePort\n  selector:\n    app: app-${i}\n  ports:\n    - name: http\n      port: 80\n      nodePort: ${nodePort}\n`;
}

function deployment(i: number): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  selector:\n    matchLabels:\n      app: app-${i}\n  template:\n    metadata:\n      labels:\n        app: app-${i}\n    spec:\n      containers:\n        - name: app\n          image: app:1\n          ports:\n            - containerPort: 80\n`;
}

const TEXT = Array.from({ length: 20 }, (_, i) => `${service(i)}---\n${deployment(i)}`)
  .join('---\n')
  .replace(/\n/g, '\r\n');
const MIDDLE_DOCUMENT = service(MIDDLE).replace(/\n/g, '\r\n');

test('a quick fix for one diagnostic in the middle of a 40-document CRLF file, before and after an incremental edit', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  await client.initialize();
  const uri = 'file:///virtual/many.yaml';
  client.open(uri, TEXT, 1);
  const outOfRange = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.find((d) => d.code === 'nodeport-out-of-range');
  const diagnostic = outOfRange(await client.waitForDiagnostics(uri, (p) => !!outOfRange(p))) as Diagnostic;
  const middleLine = TEXT.slice(0, TEXT.indexOf(MIDDLE_DOCUMENT)).split('\r\n').length - 1;
  assert.equal(diagnostic.range.start.line, middleLine + 11, 'the diagnostic is on the nodePort line of app-10');

  // The light bulb's request: the diagnostic under the cursor, no `only`.
  const request = (range: Diagnostic['range'], diagnostics: Diagnostic[]) =>
    client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } }) as Promise<CodeAction[]>;
  const actions = await request(diagnostic.range, [diagnostic]);
  const fixes = actions.filter((a) => a.kind === 'quickfix');
  assert.deepEqual(
    fixes.map((a) => a.title),
    ['Remove nodePort (Kubernetes allocates a free one)', 'Use free node port 30080'],
  );
  const removed = applyCodeAction(TEXT, uri, fixes[0]);
  assert.equal(removed, TEXT.replace(MIDDLE_DOCUMENT, MIDDLE_DOCUMENT.replace('      nodePort: 80\r\n', '')), 'only that line goes, CRLF kept');
  assert.equal(applyCodeAction(TEXT, uri, fixes[1]), TEXT.replace(MIDDLE_DOCUMENT, MIDDLE_DOCUMENT.replace('nodePort: 80\r', 'nodePort: 30080\r')));

  // With 20 Services in the file, the rewrites offered at the cursor name the Service they change, and change only it.
  const refactors = actions.filter((a) => a.kind === 'refactor.rewrite');
  assert.ok(
    refactors.every((a) => a.title.endsWith(' [app-10]')),
    refactors.map((a) => a.title).join(' | '),
  );
  assert.deepEqual(
    refactors.map((a) => a.title.replace(/ [(—].*$/, '')),
    ['Convert to ClusterIP Service', 'Convert to LoadBalancer Service', 'Preserve client source IP'],
  );
  const toClusterIP = applyCodeAction(TEXT, uri, refactors[0]);
  assert.equal(toClusterIP, TEXT.replace(MIDDLE_DOCUMENT, MIDDLE_DOCUMENT.replace('type: NodePort', 'type: ClusterIP').replace('      nodePort: 80\r\n', '')));

  // An incremental edit above moves everything down two lines; the document's updated line table places the fix.
  const edited = `# two\r\n# lines\r\n${TEXT}`;
  client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# two\r\n# lines\r\n' }]);
  const moved = outOfRange(await client.waitForDiagnostics(uri, (p) => p.version === 2 && !!outOfRange(p))) as Diagnostic;
  assert.equal(moved.range.start.line, diagnostic.range.start.line + 2);
  const after = (await request(moved.range, [moved])).filter((a) => a.kind === 'quickfix');
  assert.equal(applyCodeAction(edited, uri, after[0]), edited.replace(MIDDLE_DOCUMENT, MIDDLE_DOCUMENT.replace('      nodePort: 80\r\n', '')));

  // A cursor between two documents (on `---`) touches no Service mapping: no rewrite is offered.
  const separator = { line: TEXT.split('\r\n').indexOf('---') + 2, character: 1 };
  assert.deepEqual(await request({ start: separator, end: separator }, []), []);
});
