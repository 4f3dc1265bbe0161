import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { LspTestClient, withTimeout } from '../helpers/lspClient';

// A YAML alias puts one node in two places, where it can break two different expectations: two findings of one
// rule on one range. Each diagnostic's `data` says which of them it is, so each gets its own quick fixes.
const TEXT = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - &entry {port: true}
  selector: *entry
`;

test('two diagnostics of one rule on one range each get the quick fixes of their own finding', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  await client.initialize();
  const uri = 'file:///virtual/alias.yaml';
  client.open(uri, TEXT, 1);
  const valueType = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'value-type');
  const published = await client.waitForDiagnostics(uri, (p) => valueType(p.diagnostics).length === 2);
  const [asPort, asSelector] = valueType(published.diagnostics);
  assert.deepEqual(asPort.range, asSelector.range, 'both on `true`');
  assert.match(String(asPort.message), /ServicePort\.spec\.ports\.port of type int32/);
  assert.match(String(asSelector.message), /ServiceSpec\.spec\.selector of type string/);

  const fixesFor = async (diagnostic: Diagnostic) => {
    const actions = await withTimeout(
      client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      }),
      10_000,
    );
    return actions.map((action) => action.title);
  };
  // A boolean is no port number, and no text says which one was meant.
  assert.deepEqual(await fixesFor(asPort), []);
  assert.deepEqual(await fixesFor(asSelector), ['Quote it ("true" is text)']);
});
