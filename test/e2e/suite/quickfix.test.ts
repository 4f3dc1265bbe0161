// Quick fixes as a user applies them: VS Code asks the server for code actions through
// `vscode.executeCodeActionProvider`, the edit is applied with `workspace.applyEdit`, and the Problems
// entry must go away once the server re-checks the edited document.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostic, openFixture, waitForDiagnostics } from './helpers';

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

/** Waits for a diagnostic with `code`, applies the quick fix titled `title` for it, and waits for the diagnostic to go. */
async function applyQuickFix(name: string, code: string, title: string): Promise<vscode.TextDocument> {
  const doc = await openFixture(name);
  const has = (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);
  const [diagnostic] = (await waitForDiagnostics(doc.uri, has)).filter((d) => codeOf(d) === code);
  const actions = await codeActions(doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions.find((a) => a.title === title);
  assert.ok(action?.edit, `no quick fix "${title}" for ${describeDiagnostic(diagnostic)}; offered: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), 'VS Code refused the edit');
  await waitForDiagnostics(doc.uri, (ds) => !has(ds));
  return doc;
}

suite('quick fixes', () => {
  test('removing an out-of-range nodePort clears the Problems entry and keeps the rest of the file', async () => {
    const doc = await applyQuickFix('quickfix-nodeport.yaml', 'nodeport-out-of-range', 'Remove nodePort (Kubernetes allocates a free one)');
    const text = doc.getText();
    assert.ok(!text.includes('nodePort: 80'), text);
    assert.ok(text.includes('      targetPort: 8080\n') && text.startsWith('# e2e fixture for quick fixes'), text);
  });

  test('a selector label beside `selector:` is moved under it', async () => {
    const doc = await applyQuickFix('quickfix-selector.yaml', 'misindented-field', 'Move app under selector:');
    assert.ok(doc.getText().includes('  selector:\n    app: cart\n  ports:\n'), doc.getText());
  });

  test('the mis-indented example is clean once its fix is applied: no warning about a missing workload remains', async () => {
    const doc = await applyQuickFix('quickfix-misindented-example.yaml', 'misindented-field', 'Move app under selector:');
    assert.ok(doc.getText().includes('  selector:\n    app: example-shop\n  ports:\n'), doc.getText());
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0);
  });

  test('the Service under the cursor offers its type conversions as refactorings', async () => {
    const doc = await openFixture('quickfix-selector.yaml');
    const cursor = new vscode.Range(6, 4, 6, 4);
    const actions = await codeActions(doc.uri, cursor, vscode.CodeActionKind.RefactorRewrite.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Convert to NodePort Service (also reachable on a port of every node)'), titles.join(' | '));
    assert.ok(actions.every((a) => a.kind?.value === 'refactor.rewrite'));
  });

  test('editor.codeActionsOnSave runs source.fixAll.kube-service-lens: safe fixes are applied on save', async () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' });
    await editor.update('codeActionsOnSave', { 'source.fixAll.kube-service-lens': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    try {
      const doc = await openFixture('quickfix-save.yaml');
      await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'type-unsupported'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      const text = doc.getText();
      assert.ok(text.includes('  type: NodePort\n') && text.includes('      port: 80\n'), text);
      assert.ok(!doc.isDirty, 'the fixed document is saved');
      await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'type-unsupported' || codeOf(d) === 'value-type'));
    } finally {
      await editor.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });
});
