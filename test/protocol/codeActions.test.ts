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
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Remove nodePort (Kubernetes allocates a free one)', 'Use free node port 30080'],
  );
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

const TWO_SERVICES = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: [10.0.0.0/8]
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: 30080
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
  app: api
  ports:
    - name: http
      port: 8080
  sessionAffinity: none
`;

test('refactorings over stdio: offered for the Service under the cursor, filtered by context.only', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  const init = await client.initialize();
  const kinds = (init.capabilities.codeActionProvider as { codeActionKinds?: string[] }).codeActionKinds ?? [];
  assert.ok(kinds.includes('refactor.rewrite') && kinds.includes('quickfix') && kinds.includes('source.fixAll.kube-service-lens'));
  const uri = 'file:///virtual/refactor.yaml';
  client.open(uri, TWO_SERVICES, 1);
  const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'misindented-field'));
  const misindented = published.diagnostics.find((d) => d.code === 'misindented-field') as Diagnostic;
  const request = (line: number, only?: string[], diagnostics: Diagnostic[] = []) =>
    client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character: 2 }, end: { line, character: 2 } },
      context: { diagnostics, ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;

  // On the LoadBalancer Service (line 5, `type:`), `refactor` selects the rewrites of that Service only.
  const onLb = await request(5, ['refactor']);
  assert.deepEqual(
    onLb.map((a) => a.kind),
    onLb.map(() => 'refactor.rewrite'),
  );
  assert.deepEqual(
    onLb.map((a) => a.title.replace(/ \[web\]$/, '')),
    [
      'Convert to ClusterIP Service (reachable only inside the cluster)',
      'Convert to NodePort Service (also reachable on a port of every node)',
      'Preserve client source IP (externalTrafficPolicy: Local) — only nodes with a ready pod forward external traffic',
    ],
  );
  assert.ok(
    onLb.every((a) => a.title.endsWith('[web]')),
    'with two Services in the file, titles name the Service',
  );
  const toClusterIP = applyCodeAction(TWO_SERVICES, uri, onLb[0]);
  assert.match(toClusterIP, /name: web\nspec:\n {2}type: ClusterIP\n {2}selector:\n {4}app: web\n {2}ports:\n {4}- name: http\n {6}port: 80\n---/);
  assert.ok(toClusterIP.endsWith(TWO_SERVICES.slice(TWO_SERVICES.indexOf('---'))), 'the other Service is untouched');

  // On the ClusterIP Service: conversions to NodePort and LoadBalancer, no traffic-policy rewrite.
  const onApi = (await request(19, ['refactor.rewrite'])).map((a) => a.title);
  assert.deepEqual(
    onApi.map((title) => title.replace(/ \(.*$/, '')),
    ['Convert to NodePort Service', 'Convert to LoadBalancer Service'],
  );

  // `quickfix` returns fixes only; no `only` returns both kinds; `source.fixAll` only the fix-all action.
  const quick = await request(20, ['quickfix'], [misindented]);
  assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
  assert.equal(quick[0].title, 'Move app under selector:');
  const everything = await request(20, undefined, [misindented]);
  assert.ok(everything.some((a) => a.kind === 'quickfix') && everything.some((a) => a.kind === 'refactor.rewrite'));
  // Source actions are computed only when asked for by kind (the light bulb's unfiltered requests never show them).
  assert.ok(!everything.some((a) => a.kind?.startsWith('source')));
  const save = await request(0, ['source.fixAll']);
  assert.deepEqual(
    save.map((a) => a.kind),
    ['source.fixAll.kube-service-lens'],
  );
  assert.ok(applyCodeAction(TWO_SERVICES, uri, save[0]).endsWith('  sessionAffinity: None\n'));
  assert.deepEqual(await request(5, ['source.organizeImports']), []);
});
