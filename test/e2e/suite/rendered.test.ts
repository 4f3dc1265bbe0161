// A Helm chart as a user meets it: the real client and server, and the real helm (the machine setting points at the
// one the test setup installs). The mistake is made in values.yaml, so that is where VS Code must show it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostic, openFixture, waitForDiagnostics } from './helpers';

suite('rendered charts', () => {
  test("a chart's values file shows the rendered Service's error on the line that set the node port", async function () {
    // The first render waits for the workspace index, then helm, on a machine that may run other tests.
    this.timeout(120_000);
    const doc = await openFixture('helm-chart/values.yaml');
    const isTheOne = (d: vscode.Diagnostic) => codeOf(d) === 'nodeport-out-of-range';
    // The render runs after the workspace is indexed, off the keystroke path.
    const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.some(isTheOne), 90_000);
    const [d] = diagnostics.filter(isTheOne);
    assert.strictEqual(doc.lineAt(d.range.start.line).text.trim(), 'nodePort: 9090', describeDiagnostic(d));
    assert.match(d.message, /Invalid value: 9090: provided port is not in the valid range/);
    assert.match(d.message, /\(rendered with values\.yaml\)$/);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    // The render answers for the values file: no key-name guess beside it.
    assert.ok(!diagnostics.some((other) => codeOf(other) === 'helm-values-nodeport-out-of-range'), diagnostics.map(describeDiagnostic).join('\n'));
  });
});
