// Diagnostics as a user sees them: the real client starts the real server (dist/server.js) from
// inside VS Code, and the Problems data that VS Code holds for the file is what we assert on.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostic, openFixture, rangeAfter, waitForDiagnostics } from './helpers';

const API_SERVER_TEXT = 'provided port is not in the valid range. The range of valid ports is 30000-32767';

suite('diagnostics', () => {
  test('nodePort 80 on a NodePort Service is an error on the value, with the API server message', async () => {
    const doc = await openFixture('bad-nodeport.yaml');
    const isTheOne = (d: vscode.Diagnostic) => codeOf(d) === 'nodeport-out-of-range' && d.message.includes(API_SERVER_TEXT);

    const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.some(isTheOne));

    const found = diagnostics.filter(isTheOne);
    assert.strictEqual(found.length, 1, `expected one nodeport-out-of-range, got:\n${diagnostics.map(describeDiagnostic).join('\n')}`);
    const [d] = found;
    const expected = rangeAfter(doc, 'nodePort:', '80');
    assert.ok(
      d.range.isEqual(expected),
      `range ${describeDiagnostic(d)} should cover exactly "80" at ${expected.start.line}:${expected.start.character}-${expected.end.line}:${expected.end.character}`,
    );
    assert.strictEqual(doc.getText(d.range), '80');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
  });

  test('the most common real bug, a selector label one level too far left, shows in Problems as what it is', async () => {
    // The Service of examples/misindented-selector.yaml, alone.
    const doc = await openFixture('misindented-selector.yaml');
    const isTheOne = (d: vscode.Diagnostic) => codeOf(d) === 'misindented-field';
    const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.some(isTheOne));
    const [d] = diagnostics.filter(isTheOne);
    assert.strictEqual(doc.getText(d.range), 'app', describeDiagnostic(d));
    assert.ok(d.message.startsWith('strict decoding error: unknown field "spec.app"'), d.message);
    assert.match(d.message, /probably meant as a label under `selector:`/);
    assert.match(d.message, /no selector/);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    // Nobody else claims a selector that exists only in the user's head.
    assert.ok(!diagnostics.some((other) => codeOf(other) === 'service-without-selector'), diagnostics.map(describeDiagnostic).join('\n'));
  });
});
