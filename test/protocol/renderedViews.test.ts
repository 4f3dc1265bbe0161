import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import type { TrafficGraphResult } from '../../server/src/protocol/index';
import { fileUri, LspTestClient } from '../helpers/lspClient';
import { renderTools } from '../kit/renderTools';

// The hover and the traffic preview on what the real helm renders, through the built server over stdio.

const RENDER_WAIT_MS = 30_000;

const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  'chart/values.yaml': 'server:\n  service:\n    type: NodePort\n    nodePort: 30007\n',
  'chart/values-prod.yaml': 'server:\n  service:\n    nodePort: 9090\n',
  'chart/templates/service.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  type: {{ .Values.server.service.type }}\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n      nodePort: {{ .Values.server.service.nodePort }}\n',
  'chart/templates/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          ports:\n            - containerPort: 8080\n',
};

test('over stdio: hover on a templated nodePort names values.yaml and values-prod.yaml; the preview of the template draws the render', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-rendered-views-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(CHART)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const tools = renderTools();
  const client = new LspTestClient({ workspaceFolders: [dir], configuration: { kubeServiceLens: { helm: { path: tools.helm } } } });
  t.after(() => client.shutdown());
  await client.initialize();

  // values-prod.yaml's verdict arrives once the chart rendered.
  const prod = fileUri(path.join(dir, 'chart/values-prod.yaml'));
  client.open(prod, CHART['chart/values-prod.yaml']);
  await client.waitForDiagnostics(prod, (p) => p.diagnostics.some((d) => d.code === 'nodeport-out-of-range'), RENDER_WAIT_MS);

  const template = fileUri(path.join(dir, 'chart/templates/service.yaml'));
  const text = CHART['chart/templates/service.yaml'];
  client.open(template, text);
  const line = text.slice(0, text.indexOf('nodePort:')).split('\n').length - 1;
  const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: template }, position: { line, character: 8 } });
  const markdown = (hover?.contents as MarkupContent | undefined)?.value ?? '';
  assert.match(markdown, /renders to 30007 from values\.yaml `server\.service\.nodePort`; values-prod\.yaml makes it 9090/);
  assert.match(markdown, /\*\*values-prod\.yaml\*\*: .*9090/);
  assert.deepEqual(hover?.range, { start: { line, character: 6 }, end: { line, character: 14 } });

  const graph = await client.connection.sendRequest<TrafficGraphResult>('kubeServiceLens/trafficGraph', { textDocument: { uri: template } });
  assert.deepEqual(
    graph.services.map((s) => [s.name, s.workloads.map((w) => w.name)]),
    [['release-name-web', ['release-name-web']]],
  );
  const links = Object.values(graph.links);
  assert.ok(links.length > 0);
  for (const link of links) assert.match(link.uri, /^file:/, 'a box opens a real file');
  assert.equal(graph.services[0].source.uri, template);
});
