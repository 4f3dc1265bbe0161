import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver/node';
import { codeActionsFeature } from '../../../server/src/lsp/codeActions';
import type { ServerContext } from '../../../server/src/lsp/context';
import { toDiagnostic } from '../../../server/src/lsp/diagnostics';
import { LanguageService } from '../../../server/src/service/languageService';

/**
 * Fuzz seed 777001, input 9,217: a mutated many-aliases.yaml (121 KB, one document, 20,919 diagnostics) and a
 * codeAction request carrying 6,183 of them. Each diagnostic analysed its document again and searched the findings
 * one by one: work growing with diagnostics × findings, 28 s of CPU for that one request, during which the server read
 * no edit, so the fuzzer's next inputs got no diagnostics in time. Counting the analyses is deterministic, unlike a
 * time bound.
 */
test('a code action request with many diagnostics analyses their documents once, and still fixes each one', () => {
  const n = 300;
  const ports = Array.from({ length: n }, (_, i) => `    - name: p${i}\n      port: ${1000 + i}\n      nodePort: ${100 + i}\n`).join('');
  const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: many\nspec:\n  type: NodePort\n  selector:\n    app: many\n  ports:\n${ports}`;
  const uri = 'file:///virtual/many-ports.yaml';
  const service = new LanguageService();
  service.openDocument(uri, 'yaml', 1, text);
  const file = service.file(uri);
  assert.ok(file);
  const lines = service.positions(file);
  const diagnostics: Diagnostic[] = service.findings(file).map((finding) => toDiagnostic(finding, lines));
  assert.equal(diagnostics.filter((d) => d.code === 'nodeport-out-of-range').length, n);

  let analyses = 0;
  const findingsInRange = service.findingsInRange.bind(service);
  service.findingsInRange = (...args) => (analyses++, findingsInRange(...args));
  let handler: ((params: CodeActionParams) => CodeAction[]) | undefined;
  const ctx = { connection: { onCodeAction: (h: typeof handler) => (handler = h) }, service } as unknown as ServerContext;
  codeActionsFeature.register(ctx);
  assert.ok(handler);

  // A selection over the whole document: the client sends every diagnostic under it.
  const range = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
  const actions = handler({ textDocument: { uri }, range, context: { diagnostics, only: ['quickfix'] } });

  assert.equal(analyses, 1);
  // Every diagnostic still gets its two quick fixes, each tied to it.
  assert.equal(actions.length, 2 * n);
  for (let i = 0; i < n; i++) {
    assert.deepEqual(actions[2 * i].diagnostics, [diagnostics[i]]);
    assert.equal(actions[2 * i].title, 'Remove nodePort (Kubernetes allocates a free one)');
  }
});
