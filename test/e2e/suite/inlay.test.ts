// Inlay hints as VS Code asks for them (vscode.executeInlayHintProvider): the defaults the API server fills in,
// and the container port a named targetPort resolves to in nav-workloads.yaml.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture } from './helpers';

const EXTENSION_ID = 'kube-service-lens.kube-service-lens';

async function serverReady(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  await extension.activate();
}

const labelOf = (hint: vscode.InlayHint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''));

suite('inlay hints', () => {
  test('omitted type, targetPort and protocol, and the resolved named targetPort', async () => {
    const doc = await openFixture('nav-service.yaml');
    await serverReady();
    const range = new vscode.Range(0, 0, doc.lineCount, 0);
    const ask = () => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, range);
    const deadline = Date.now() + 30_000;
    let hints = await ask();
    // The resolved port needs nav-workloads.yaml, which the background scan indexes; ask again until it is there.
    while (!(hints ?? []).some((h) => labelOf(h) === '→ 8080') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      hints = await ask();
    }
    const placed = hints.map((h) => `${doc.lineAt(h.position.line).text.trim()} ⟨${labelOf(h)}⟩`);
    assert.deepStrictEqual(placed, [
      'spec: ⟨type: ClusterIP⟩',
      'port: 80 ⟨protocol: TCP⟩',
      'targetPort: web ⟨→ 8080⟩',
      'port: 9090 ⟨targetPort: 9090⟩',
      'port: 9090 ⟨protocol: TCP⟩',
    ]);
    const resolved = hints.find((h) => labelOf(h) === '→ 8080');
    assert.ok(resolved && resolved.position.isEqual(doc.lineAt(resolved.position.line).range.end), 'after the value, at the end of the line');
  });
});
