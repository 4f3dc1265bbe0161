// Hovers as a user sees them: VS Code asks every hover provider through `vscode.executeHoverProvider`,
// which reaches the real language server through the real client.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, rangeAfter } from './helpers';

const EXTENSION_ID = 'kube-service-lens.kube-service-lens';

/** The extension's activate() resolves once the language client has started, so requests are answered from then on. */
async function serverReady(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  await extension.activate();
}

async function hoverMarkdown(doc: vscode.TextDocument, position: vscode.Position): Promise<{ text: string; ranges: vscode.Range[] }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
  const text = hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
  return { text, ranges: hovers.map((hover) => hover.range).filter((range): range is vscode.Range => range !== undefined) };
}

suite('hover', () => {
  test('type: NodePort explains this Service with its own node port, target port and replicas', async () => {
    const doc = await openFixture('hover-nodeport.yaml');
    await serverReady();
    const value = rangeAfter(doc, 'type:', 'NodePort');

    const { text, ranges } = await hoverMarkdown(doc, value.start.translate(0, 2));

    assert.match(text, /\*\*Service `shop`\*\* · `type: NodePort`/, text);
    assert.match(
      text,
      /Clients reach any node at `<NodeIP>:30080` \(TCP\); kube-proxy forwards to port 8080 \(`http`\) on the 2 pods of Deployment `shop` \(labels `app=shop`\)/,
    );
    assert.match(text, /\[Show traffic path\]\(command:kubeServiceLens\.showTrafficPreviewToSide\?/);
    assert.ok(
      ranges.some((range) => range.isEqual(value)),
      `a hover range should cover "NodePort"; got ${ranges.map((r) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`).join(', ')}`,
    );
  });

  test('nodePort and containerPort hovers point at each other', async () => {
    const doc = await openFixture('hover-nodeport.yaml');
    await serverReady();

    const nodePort = await hoverMarkdown(doc, rangeAfter(doc, 'nodePort:', '30080').start);
    assert.match(nodePort.text, /`30080`, inside 30000-32767: clients reach `<NodeIP>:30080` \(TCP\)/, nodePort.text);

    const containerPort = await hoverMarkdown(doc, rangeAfter(doc, 'containerPort:', '8080').start);
    assert.match(
      containerPort.text,
      /- Service `shop` \(NodePort\) port `http` 80\/TCP; from outside `<NodeIP>:30080` · \[hover-nodeport\.yaml:4\]/,
      containerPort.text,
    );
  });
});
