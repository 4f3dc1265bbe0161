import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { fileUri, LspTestClient, withTimeout } from '../helpers/lspClient';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
      nodePort: 30007
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          ports:
            - name: http
              containerPort: 8080
`;

function hoverAt(client: LspTestClient, uri: string, line: number, character: number): Promise<Hover | null> {
  return withTimeout(client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } }), 10_000);
}

const markdownOf = (hover: Hover | null): string => {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
};

test('over stdio: the server announces hovers and explains a NodePort with a workload from an unopened file', async (t) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ksl-hover-'));
  writeFileSync(path.join(folder, 'deploy.yaml'), DEPLOYMENT);
  // As the VS Code client does: it implements the preview command the hover links to.
  const client = new LspTestClient({ workspaceFolders: [folder], initializationOptions: { trafficPreviewCommand: true } });
  t.after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });
  const init = await client.initialize();
  assert.equal(init.capabilities.hoverProvider, true);

  const uri = fileUri(path.join(folder, 'service.yaml'));
  client.open(uri, SERVICE, 1);
  // The workspace scan schedules diagnostics for open documents once it has indexed the folder.
  await client.waitForDiagnostics(uri);
  let type = markdownOf(await hoverAt(client, uri, 5, 10));
  for (let attempt = 0; attempt < 50 && !type.includes('Deployment `web`'); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    type = markdownOf(await hoverAt(client, uri, 5, 10));
  }
  assert.match(type, /^- `<NodeIP>:30007` on any node, and `web:80` in the cluster \(TCP\) → port 8080 \(`http`\)$/m);
  assert.match(type, /^- Pods: the 3 pods of Deployment `web` \(labels `app=web`\)$/m);
  assert.match(type, /\[Show traffic path\]\(command:kubeServiceLens\.showTrafficPreviewToSide\?/);
  assert.match(type, /\[Compare Service types\]\(command:kubeServiceLens\.showServiceTypes /);

  const nodePort = await hoverAt(client, uri, 11, 17);
  assert.deepEqual(nodePort?.range, { start: { line: 11, character: 16 }, end: { line: 11, character: 21 } });
  assert.match(markdownOf(nodePort), /^\*\*`spec\.ports\[0\]\.nodePort`\*\*/);

  const targetPort = markdownOf(await hoverAt(client, uri, 10, 8));
  assert.match(targetPort, /`http` is containerPort 8080 of container `app`/);
  assert.match(targetPort, new RegExp(`\\(${fileUri(path.join(folder, 'deploy.yaml')).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}#L2\\)`));
});

test('over stdio: hovers follow edits, and positions outside a Service give null', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  await client.initialize();
  const uri = 'file:///virtual/hover.yaml';
  client.open(uri, SERVICE, 1);
  await client.waitForDiagnostics(uri);
  assert.equal(await hoverAt(client, uri, 3, 4), null, 'metadata.name has no hover');
  // A client without our commands (Neovim, Helix...) gets no dead command link, and the comparison page on the web.
  const plain = markdownOf(await hoverAt(client, uri, 5, 10));
  assert.doesNotMatch(plain, /command:/);
  assert.match(plain, /\[Compare Service types\]\(https:\/\/github\.com\/kube-service-lens\/kube-service-lens\/blob\/main\/docs\/service-types\.md\)/);
  assert.equal(await hoverAt(client, uri, 40, 0), null, 'past the end of the file');

  client.change(uri, 2, [{ range: { start: { line: 5, character: 8 }, end: { line: 5, character: 16 } }, text: 'LoadBalancer' }]);
  await client.waitForDiagnostics(uri, (p) => p.version === 2);
  const lb = markdownOf(await hoverAt(client, uri, 5, 10));
  assert.match(lb, /`type: LoadBalancer`/);
  assert.match(lb, /load balancer port 80 \(TCP\) → node port 30007 → the container port named `http`/);
  assert.match(lb, /pods labelled `app=web` \(no workload in the workspace has these pod labels\)/);
  assert.equal(client.exited, false);
});
