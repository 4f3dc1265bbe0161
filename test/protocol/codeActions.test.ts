import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { LspTestClient } from '../helpers/lspClient';
import { applyCodeAction } from '../helpers/lspEdits';

const TEXT = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 80 # typo
    - port: 81
      name: b
      nodePort: 81
`.replace('    - port: 80\n', '    - name: a\n      port: 80\n');

test('quick fixes and fix-all over stdio repair the document', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  const init = await client.initialize();
  assert.ok(init.capabilities.codeActionProvider);
  const uri = 'file:///virtual/fix.yaml';
  client.open(uri, TEXT, 1);
  const ours = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.filter((d) => d.code === 'nodeport-out-of-range');
  const diagnostics = ours(await client.waitForDiagnostics(uri, (p) => ours(p).length === 2));

  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostics[0].range,
    context: { diagnostics: [diagnostics[0]], only: ['quickfix'] },
  })) as CodeAction[];
  assert.deepEqual(actions.map((a) => a.title), ['Remove nodePort (Kubernetes allocates a free one)', 'Use free node port 30080']);
  assert.equal(actions[0].isPreferred, true);
  assert.deepEqual((actions[0].diagnostics as Diagnostic[])[0].code, 'nodeport-out-of-range');
  const removed = applyCodeAction(TEXT, uri, actions[0]);
  assert.ok(!removed.includes('nodePort: 80 # typo') && removed.includes('nodePort: 81'));
  assert.ok(applyCodeAction(TEXT, uri, actions[1]).includes('nodePort: 30080 # typo'), 'keeps the comment');

  const fixAll = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.kube-service-lens'] },
  })) as CodeAction[];
  assert.equal(fixAll.length, 1);
  const fixed = applyCodeAction(TEXT, uri, fixAll[0]);
  client.change(uri, 2, [{ text: fixed }]);
  const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(ours(after), []);

  // A stale diagnostic (the document has changed since) gets no fix rather than a wrong one.
  const stale = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostics[0].range,
    context: { diagnostics: [diagnostics[0]], only: ['quickfix'] },
  })) as CodeAction[];
  assert.deepEqual(stale, []);
});
