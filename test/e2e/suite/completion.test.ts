// Completion as VS Code asks for it (vscode.executeCompletionItemProvider), through the real client and server,
// while the document is in the half-typed states people leave it in. The workload whose ports and labels are
// offered lives in another file (nav-workloads.yaml), so these answers come from the workspace index.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture } from './helpers';

const EXTENSION_ID = 'kube-service-lens.kube-service-lens';

async function serverReady(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  await extension.activate();
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

async function completionsAt(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
  return list?.items ?? [];
}

/**
 * Asks again (bounded) until `accept` holds: the workspace scan that indexes nav-workloads.yaml runs in the
 * background after start-up, and there is no event for "indexed" to wait on.
 */
async function completionsUntil(
  doc: vscode.TextDocument,
  position: () => vscode.Position,
  accept: (labels: string[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.CompletionItem[]> {
  const deadline = Date.now() + timeoutMs;
  let items = await completionsAt(doc, position());
  while (!accept(items.map(labelOf)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    items = await completionsAt(doc, position());
  }
  return items;
}

const endOfLineWith = (doc: vscode.TextDocument, text: string) => {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" not in ${doc.uri.path}`);
  return doc.lineAt(doc.positionAt(offset).line).range.end;
};

async function replaceAll(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

suite('completion', () => {
  test('targetPort offers the container ports of the selected workload from another file', async () => {
    const doc = await openFixture('nav-typing.yaml');
    await serverReady();
    const items = await completionsUntil(
      doc,
      () => endOfLineWith(doc, 'targetPort:'),
      (labels) => labels.includes('web'),
    );
    const labels = items.map(labelOf);
    assert.ok(labels.includes('web') && labels.includes('8080'), labels.join(', '));
    const web = items.find((item) => labelOf(item) === 'web');
    assert.strictEqual(web?.detail, '8080/TCP in Deployment/nav-shop (container app)');
  });

  test('a spec key being typed, then its values, while the YAML is broken', async () => {
    const doc = await openFixture('nav-typing.yaml');
    await serverReady();
    await replaceAll(doc, doc.getText().replace('spec:\n', 'spec:\n  ty\n'));
    const keys = await completionsAt(doc, endOfLineWith(doc, '  ty'));
    const type = keys.find((item) => labelOf(item) === 'type');
    assert.ok(type, keys.map(labelOf).join(', '));
    assert.ok(!keys.some((item) => labelOf(item) === 'selector'), 'selector is written already');

    await replaceAll(doc, doc.getText().replace('  ty\n', '  type: \n'));
    const values = (await completionsAt(doc, endOfLineWith(doc, '  type:'))).map(labelOf);
    for (const value of ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']) assert.ok(values.includes(value), values.join(', '));
  });

  test('selector labels come from the pod template of the workload', async () => {
    const doc = await openFixture('nav-typing.yaml');
    await serverReady();
    await replaceAll(doc, doc.getText().replace(/ {2}selector:\n {4}app: nav-shop\n/, '  selector:\n    \n'));
    const position = () => new vscode.Position(doc.lineAt(doc.positionAt(doc.getText().indexOf('  selector:')).line + 1).lineNumber, 4);
    const labels = (await completionsUntil(doc, position, (l) => l.includes('app: nav-shop'))).map(labelOf);
    assert.ok(labels.includes('app: nav-shop'), labels.join(', '));
    assert.ok(labels.includes('tier'), labels.join(', '));
  });
});
