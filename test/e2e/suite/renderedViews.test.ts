// What Helm renders, shown where the user works: the hover on a templated field names its value in each render and
// the values line that set it, and the traffic preview of a template draws the Service the chart renders, with the
// chart's own Deployment behind it. Real client, real server, real helm (the machine setting the launcher writes).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { KubeServiceLensApi } from '../../../client/src/extension';
import type { RenderAck } from '../../../client/src/preview/panel';
import { openFixture, rangeAfter, workspaceRoot } from './helpers';

const EXTENSION_ID = 'kube-service-lens.kube-service-lens';

async function hoverText(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}

/** The chart renders after the workspace is indexed: asks again on each new verdict of the chart's files, bounded. */
async function renderedHover(doc: vscode.TextDocument, position: vscode.Position, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await hoverText(doc, position);
    if (/renders to/.test(text) || Date.now() > deadline) return text;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 1_000);
      const sub = vscode.languages.onDidChangeDiagnostics(done);
      function done(): void {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  }
}

suite('rendered views', () => {
  test('hover on a templated nodePort shows what values.yaml and values-prod.yaml make of it; the preview draws the render', async function () {
    this.timeout(150_000);
    const doc = await openFixture('helm-views/templates/service.yaml');
    const api = await vscode.extensions.getExtension<KubeServiceLensApi>(EXTENSION_ID)?.activate();
    assert.ok(api, `${EXTENSION_ID} is not installed in this VS Code`);
    const key = rangeAfter(doc, 'targetPort: 8080', 'nodePort');

    const text = await renderedHover(doc, key.start.translate(0, 2), 100_000);
    assert.match(text, /renders to 30007 from values\.yaml `server\.service\.nodePort`; values-prod\.yaml makes it 9090/, text);
    assert.match(text, /\*\*values-prod\.yaml\*\*: .*9090.*provided port is not in the valid range/, text);

    const drawn = new Promise<RenderAck>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no preview of the rendered Service; last: ${JSON.stringify(api.preview.lastRender(doc.uri))}`)), 45_000);
      const sub = api.preview.onDidRender((ack) => {
        if (ack.uri !== doc.uri.toString() || !ack.labels.some((label) => label.startsWith('Deployment release-name-views'))) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(ack);
      });
    });
    await vscode.commands.executeCommand('kubeServiceLens.showTrafficPreviewToSide');
    const ack = await drawn;
    assert.ok(
      ack.labels.some((label) => label.startsWith('Every node NodeIP:30007')),
      JSON.stringify(ack.labels),
    );
    assert.ok(
      ack.labels.some((label) => label === 'Deployment release-name-views 2 replicas'),
      JSON.stringify(ack.labels),
    );

    // Another program changes values.yaml: the chart renders again and the open preview follows.
    const redrawn = new Promise<RenderAck>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the preview was not redrawn; last: ${JSON.stringify(api.preview.lastRender(doc.uri))}`)), 60_000);
      const sub = api.preview.onDidRender((ack) => {
        if (ack.uri !== doc.uri.toString() || !ack.labels.some((label) => label.startsWith('Every node NodeIP:30008'))) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(ack);
      });
    });
    const values = vscode.Uri.joinPath(workspaceRoot(), 'helm-views', 'values.yaml');
    const before = Buffer.from(await vscode.workspace.fs.readFile(values)).toString('utf8');
    await vscode.workspace.fs.writeFile(values, Buffer.from(before.replace('nodePort: 30007', 'nodePort: 30008'), 'utf8'));
    await redrawn;
  });
});
