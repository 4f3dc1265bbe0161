// Go to definition, find references, the outline, workspace symbols and CodeLenses as VS Code asks for them
// (vscode.execute*Provider), between nav-service.yaml and the Deployment in nav-workloads.yaml.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, workspaceRoot } from './helpers';

const EXTENSION_ID = 'kube-service-lens.kube-service-lens';

async function serverReady(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  await extension.activate();
}

/** Asks again (bounded) until `accept` holds: the other file reaches the server through the background scan. */
async function until<T>(ask: () => Thenable<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await ask();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await ask();
  }
  return value;
}

/** `file:line` of a definition or reference result, whichever shape VS Code returns. */
function where(target: vscode.Location | vscode.LocationLink): string {
  const uri = 'targetUri' in target ? target.targetUri : target.uri;
  const range =
    'targetSelectionRange' in target && target.targetSelectionRange ? target.targetSelectionRange : 'targetRange' in target ? target.targetRange : target.range;
  return `${uri.path.split('/').pop()}:${range.start.line}`;
}

/** The line of the first `text` after `anchor` in a fixture, as read from disk. */
async function lineOf(file: string, anchor: string, text: string): Promise<number> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), file));
  const source = doc.getText();
  return doc.positionAt(source.indexOf(text, source.indexOf(anchor))).line;
}

function positionOf(doc: vscode.TextDocument, anchor: string, text: string, delta = 1): vscode.Position {
  const source = doc.getText();
  const at = source.indexOf(text, source.indexOf(anchor));
  assert.ok(at >= 0, `"${text}" after "${anchor}" not in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

suite('navigation', () => {
  test('definition: from a selector label to the pod template labels, from a named targetPort to the containerPort', async () => {
    const doc = await openFixture('nav-service.yaml');
    await serverReady();
    const labels = await until(
      () =>
        vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
          'vscode.executeDefinitionProvider',
          doc.uri,
          positionOf(doc, 'selector:', 'nav-shop'),
        ),
      (found) => (found?.length ?? 0) > 0,
    );
    assert.deepStrictEqual(labels.map(where), [`nav-workloads.yaml:${await lineOf('nav-workloads.yaml', 'template:', 'app: nav-shop')}`]);

    const ports = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider',
      doc.uri,
      positionOf(doc, 'targetPort:', 'web'),
    );
    assert.deepStrictEqual(ports.map(where), [`nav-workloads.yaml:${await lineOf('nav-workloads.yaml', 'name: web', 'containerPort: 8080')}`]);
  });

  test('references: from the containerPort and from the Deployment to the Service that sends traffic there', async () => {
    const workloads = await openFixture('nav-workloads.yaml');
    await serverReady();
    const serviceLine = (text: string) => lineOf('nav-service.yaml', 'ports:', text);
    const toPort = await until(
      () => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', workloads.uri, positionOf(workloads, 'name: web', '8080')),
      (found) => (found ?? []).some((l) => l.uri.path.endsWith('nav-service.yaml')),
    );
    assert.ok(toPort.map(where).includes(`nav-service.yaml:${await serviceLine('targetPort: web')}`), toPort.map(where).join(', '));
    const toDeployment = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      workloads.uri,
      positionOf(workloads, 'kind: Deployment', 'Deployment'),
    );
    assert.ok(
      toDeployment.map(where).includes(`nav-service.yaml:${await lineOf('nav-service.yaml', 'spec:', 'selector:')}`),
      toDeployment.map(where).join(', '),
    );
  });

  test('the outline lists every object, the ConfigMap included; workspace symbols find them by name', async () => {
    const workloads = await openFixture('nav-workloads.yaml');
    await serverReady();
    const symbols = await until(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', workloads.uri),
      (found) => (found?.length ?? 0) >= 2,
    );
    const ours = symbols.map((s) => s.name).filter((name) => name.includes('/'));
    assert.deepStrictEqual(ours, ['ConfigMap/nav-shop-config', 'Deployment/nav-shop']);
    const found = await until(
      () => vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'nav-shop'),
      (list) => (list ?? []).some((s) => s.name === 'Service/nav-shop'),
    );
    const names = found.map((s) => s.name);
    for (const name of ['Service/nav-shop', 'Deployment/nav-shop', 'ConfigMap/nav-shop-config']) assert.ok(names.includes(name), names.join(', '));
  });

  test('CodeLens over the Service counts the workload and replicas found in the other file', async () => {
    const doc = await openFixture('nav-service.yaml');
    await serverReady();
    const lenses = await until(
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri),
      (found) => (found ?? []).some((lens) => lens.command?.title === '1 workload, 3 replicas'),
    );
    const titles = lenses.map((lens) => lens.command?.title);
    assert.ok(titles.includes('Preview traffic path') && titles.includes('1 workload, 3 replicas'), titles.join(', '));
  });
});
