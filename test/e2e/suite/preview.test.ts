// The traffic preview as a user gets it: the command opens a webview beside the YAML editor, the real
// bundle renders the server's diagram, and edits in the editor redraw it. "Rendered" is observed through
// the extension API's onDidRender, which fires when the webview reports the SVG is on screen.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { KubeServiceLensApi } from '../../../client/src/extension';
import type { RenderAck } from '../../../client/src/preview/panel';
import { workspaceRoot } from './helpers';

const EXTENSION_ID = 'kube-service-lens.kube-service-lens';

const MANIFEST = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
      nodePort: 30080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
`;

async function extensionApi(): Promise<KubeServiceLensApi> {
  const extension = vscode.extensions.getExtension<KubeServiceLensApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

/**
 * Resolves with the first render of `uri` that `accept`s (one already shown counts unless `fresh`); rejects with
 * the last one seen.
 */
function renderOf(api: KubeServiceLensApi, uri: vscode.Uri, accept: (ack: RenderAck) => boolean, timeoutMs = 45_000, fresh = false): Promise<RenderAck> {
  return new Promise((resolve, reject) => {
    let last: RenderAck | undefined = fresh ? undefined : api.preview.lastRender(uri);
    const sub = api.preview.onDidRender((ack) => {
      if (ack.uri !== uri.toString()) return;
      last = ack;
      if (accept(ack)) finish(() => resolve(ack));
    });
    const timer = setTimeout(
      () => finish(() => reject(new Error(`no matching render of ${uri.path} within ${timeoutMs} ms; last: ${JSON.stringify(last)}`))),
      timeoutMs,
    );
    function finish(then: () => void): void {
      clearTimeout(timer);
      sub.dispose();
      then();
    }
    if (last && accept(last)) finish(() => resolve(last as RenderAck));
  });
}

/** Node labels may carry `⚠ rule-id` lines for findings of other rules; match on the node's own text. */
function hasNode(ack: RenderAck, text: string): boolean {
  return ack.labels.some((label) => label === text || label.startsWith(`${text} ⚠`));
}

const SECOND_MANIFEST = `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: api
  ports:
    - port: 8080
`;

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('kubeServiceLens.trafficPreview'));
}

suite('traffic preview', () => {
  test('"Open Traffic Preview to the Side" renders the NodePort path and redraws it while typing', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'preview-nodeport.yaml');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(MANIFEST, 'utf8'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const api = await extensionApi();

    const first = renderOf(api, uri, (ack) => hasNode(ack, 'Every node NodeIP:30080'));
    await vscode.commands.executeCommand('kubeServiceLens.showTrafficPreviewToSide');
    const ack = await first;
    assert.ok(hasNode(ack, 'Deployment web 2 replicas'), JSON.stringify(ack.labels));
    assert.ok(hasNode(ack, 'Pods :http TCP http = 8080 in Deployment web'), JSON.stringify(ack.labels));
    assert.ok(ack.edges >= 5, `expected the whole path to be drawn, got ${ack.edges} edges`);
    const tabs = previewTabs();
    assert.strictEqual(tabs.length, 1, 'one preview tab');
    assert.notStrictEqual(tabs[0].group.viewColumn, editor.viewColumn, 'the preview opens beside the editor');

    // Live update: change the node port in the editor, the open preview follows.
    const at = doc.getText().indexOf('30080');
    const updated = renderOf(api, uri, (a) => hasNode(a, 'Every node NodeIP:30081'));
    await editor.edit((edit) => edit.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 5)), '30081'));
    await updated;

    // Running the command again reveals the same panel instead of opening a second one.
    await vscode.commands.executeCommand('kubeServiceLens.showTrafficPreviewToSide', uri.toString(), { line: 0, character: 0 });
    assert.strictEqual(previewTabs().length, 1);
  });

  test('one preview follows the active editor; locked, it stays on its file', async () => {
    await vscode.window.tabGroups.close(previewTabs());
    const api = await extensionApi();
    const first = vscode.Uri.joinPath(workspaceRoot(), 'preview-follow-web.yaml');
    const second = vscode.Uri.joinPath(workspaceRoot(), 'preview-follow-api.yaml');
    await vscode.workspace.fs.writeFile(first, Buffer.from(MANIFEST, 'utf8'));
    await vscode.workspace.fs.writeFile(second, Buffer.from(SECOND_MANIFEST, 'utf8'));
    const open = async (uri: vscode.Uri) => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    const labels = () => previewTabs().map((tab) => tab.label);
    /** Tab titles reach the tab model asynchronously: waits for them (bounded) before comparing. */
    const tabsAre = async (expected: string[], message?: string) => {
      const deadline = Date.now() + 10_000;
      while (JSON.stringify(labels()) !== JSON.stringify(expected) && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          const sub = vscode.window.tabGroups.onDidChangeTabs(() => done());
          const timer = setTimeout(() => done(), 500);
          function done(): void {
            sub.dispose();
            clearTimeout(timer);
            resolve();
          }
        });
      }
      assert.deepStrictEqual(labels(), expected, message);
    };
    try {
      await open(first);
      const webRendered = renderOf(api, first, (ack) => hasNode(ack, 'Every node NodeIP:30080'), 45_000, true);
      await vscode.commands.executeCommand('kubeServiceLens.showTrafficPreviewToSide');
      await webRendered;
      await tabsAre(['Traffic preview-follow-web.yaml']);

      // Switching editors moves the same panel to the other file.
      const apiRendered = renderOf(api, second, (ack) => ack.labels.some((l) => l.startsWith('ClusterIP :8080')), 45_000, true);
      await open(second);
      await apiRendered;
      await tabsAre(['Traffic preview-follow-api.yaml'], 'still one preview, now of the active file');

      // Locked, it stays on its file while the user goes back to the first one.
      await vscode.commands.executeCommand('kubeServiceLens.toggleTrafficPreviewLock');
      await tabsAre(['[Traffic] preview-follow-api.yaml']);
      let followed: RenderAck | undefined;
      const watch = api.preview.onDidRender((ack) => {
        if (ack.uri === first.toString()) followed = ack;
      });
      await open(first);
      // Nothing to wait for when nothing happens: give the follow-up (a 250 ms debounce and one server
      // request) ample time, then check it did not move.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      watch.dispose();
      assert.strictEqual(followed, undefined, 'the locked preview did not draw the other file');
      assert.deepStrictEqual(labels(), ['[Traffic] preview-follow-api.yaml']);

      // Unlocked, it follows again, starting with the editor that is active now.
      const backToWeb = renderOf(api, first, (ack) => hasNode(ack, 'Every node NodeIP:30080'), 45_000, true);
      await vscode.commands.executeCommand('kubeServiceLens.toggleTrafficPreviewLock');
      await backToWeb;
      await tabsAre(['Traffic preview-follow-web.yaml']);
    } finally {
      await vscode.window.tabGroups.close(previewTabs());
    }
  });
});
