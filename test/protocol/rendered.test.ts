import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { fileUri, LspTestClient, type ClientOptions } from '../helpers/lspClient';
import { renderTools } from '../kit/renderTools';

// Charts and overlays are rendered with the real helm and kubectl (test/kit/renderTools.ts), through the built server.

/** Renders are debounced, then run helm on a machine that may be busy running other tiers. */
const RENDER_WAIT_MS = 30_000;

const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  'chart/values.yaml': 'service:\n  type: NodePort\n  nodePort: 9090\n',
  'chart/templates/service.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  type: {{ .Values.service.type }}\n  selector:\n    app: web\n  ports:\n    - port: 80\n      nodePort: {{ .Values.service.nodePort }}\n',
  'chart/templates/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n',
};

function workspace(t: { after: (fn: () => void) => void }, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-rendered-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function start(t: { after: (fn: () => Promise<void>) => void }, options: ClientOptions): Promise<LspTestClient> {
  const client = new LspTestClient(options);
  t.after(() => client.shutdown());
  await client.initialize();
  return client;
}

/** The real tools, as a user sets them (machine settings). */
const withTools = () => {
  const tools = renderTools();
  return { kubeServiceLens: { helm: { path: tools.helm }, kustomize: { path: tools.kubectl } } };
};

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);
const byCode = (p: PublishDiagnosticsParams, code: string): Diagnostic | undefined => p.diagnostics.find((d) => d.code === code);
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

test('a chart whose values.yaml makes a NodePort Service with nodePort 9090: the error is on the values line', async (t) => {
  const dir = workspace(t, CHART);
  const client = await start(t, { workspaceFolders: [dir], configuration: withTools() });
  const uri = fileUri(path.join(dir, 'chart/values.yaml'));
  client.open(uri, CHART['chart/values.yaml']);
  const published = await client.waitForDiagnostics(uri, (p) => !!byCode(p, 'nodeport-out-of-range'), RENDER_WAIT_MS);
  const finding = byCode(published, 'nodeport-out-of-range') as Diagnostic;
  assert.equal(finding.severity, 1);
  assert.equal(finding.range.start.line, lineOf(CHART['chart/values.yaml'], 'nodePort: 9090'));
  assert.match(String(finding.message), /9090/);
  assert.match(String(finding.message), /\(rendered with values\.yaml\)$/);
  // The render answers: the values file is not also guessed at.
  assert.deepEqual(codes(published), ['nodeport-out-of-range']);
  // Its template is no longer "not checked".
  const template = fileUri(path.join(dir, 'chart/templates/service.yaml'));
  client.open(template, CHART['chart/templates/service.yaml']);
  const onTemplate = await client.waitForDiagnostics(template, () => true, RENDER_WAIT_MS);
  assert.deepEqual(codes(onTemplate), []);
});

test('an overlay patch setting an out-of-range nodePort: the error is on the patch line', async (t) => {
  const patch = '- op: replace\n  path: /spec/ports/0/nodePort\n  value: 8080\n';
  const dir = workspace(t, {
    'base/kustomization.yaml': 'resources:\n  - service.yaml\n',
    'base/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080\n',
    'overlay/kustomization.yaml': 'resources:\n  - ../base\npatches:\n  - path: nodeport.yaml\n    target:\n      kind: Service\n      name: web\n',
    'overlay/nodeport.yaml': patch,
  });
  const client = await start(t, { workspaceFolders: [dir], configuration: withTools() });
  const uri = fileUri(path.join(dir, 'overlay/nodeport.yaml'));
  // A JSON 6902 patch is no Kubernetes object: only the build can tell what it does to the Service.
  client.open(uri, patch);
  const published = await client.waitForDiagnostics(uri, (p) => !!byCode(p, 'nodeport-out-of-range'), RENDER_WAIT_MS);
  const finding = byCode(published, 'nodeport-out-of-range') as Diagnostic;
  assert.equal(finding.range.start.line, lineOf(patch, 'value: 8080'));
  assert.match(String(finding.message), /8080.*\(rendered with overlay \S*overlay\)$/s);
});

test('no helm anywhere: one Information on Chart.yaml, and the values file keeps its heuristic', async (t) => {
  const dir = workspace(t, CHART);
  // No setting, and a PATH without helm, kustomize or kubectl.
  const client = await start(t, { workspaceFolders: [dir], configuration: { kubeServiceLens: {} }, env: { ...process.env, PATH: path.join(dir, 'nothing') } });
  const chart = fileUri(path.join(dir, 'chart/Chart.yaml'));
  client.open(chart, CHART['chart/Chart.yaml']);
  const published = await client.waitForDiagnostics(chart, (p) => p.diagnostics.length > 0, RENDER_WAIT_MS);
  assert.deepEqual(
    published.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
    [['renderer-not-found', 3, 0]],
  );
  assert.match(String(published.diagnostics[0].message), /helm was not found on PATH.*kubeServiceLens\.helm\.path/);
  const values = fileUri(path.join(dir, 'chart/values.yaml'));
  client.open(values, CHART['chart/values.yaml']);
  const onValues = await client.waitForDiagnostics(values, (p) => p.diagnostics.length > 0, RENDER_WAIT_MS);
  assert.deepEqual(codes(onValues), ['helm-values-nodeport-out-of-range']);
});

test("a failed render: helm's own message on the template line it names, and no finding from that render", async (t) => {
  const broken = CHART['chart/templates/service.yaml'].replace('{{ .Values.service.nodePort }}', '{{ .Values.service.missing.port }}');
  const dir = workspace(t, { ...CHART, 'chart/templates/service.yaml': broken });
  const client = await start(t, { workspaceFolders: [dir], configuration: withTools() });
  const template = fileUri(path.join(dir, 'chart/templates/service.yaml'));
  client.open(template, broken);
  const published = await client.waitForDiagnostics(template, (p) => !!byCode(p, 'render-failed'), RENDER_WAIT_MS);
  const failure = byCode(published, 'render-failed') as Diagnostic;
  assert.equal(failure.range.start.line, lineOf(broken, '.Values.service.missing.port'));
  assert.match(String(failure.message), /nil pointer evaluating interface \{\}\.port/);
  assert.match(String(failure.message), /\(rendering with values\.yaml\)$/);
  const values = fileUri(path.join(dir, 'chart/values.yaml'));
  client.open(values, CHART['chart/values.yaml']);
  const onValues = await client.waitForDiagnostics(values, (p) => p.diagnostics.length > 0, RENDER_WAIT_MS);
  assert.ok(!codes(onValues).includes('nodeport-out-of-range'), JSON.stringify(onValues.diagnostics));
});

test('an untrusted workspace runs no renderer until the client says it is trusted', async (t) => {
  const dir = workspace(t, CHART);
  const marker = path.join(dir, 'helm-ran');
  // A helm that leaves a mark, then does the real work.
  const wrapper = path.join(dir, 'bin', 'helm');
  mkdirSync(path.dirname(wrapper));
  writeFileSync(wrapper, `#!/bin/sh\ntouch '${marker}'\nexec '${renderTools().helm}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  const client = await start(t, {
    workspaceFolders: [dir],
    configuration: { kubeServiceLens: { helm: { path: wrapper } } },
    initializationOptions: { workspaceTrusted: false },
  });
  const values = fileUri(path.join(dir, 'chart/values.yaml'));
  client.open(values, CHART['chart/values.yaml']);
  const before = await client.waitForDiagnostics(values, (p) => p.diagnostics.length > 0, RENDER_WAIT_MS);
  assert.deepEqual(codes(before), ['helm-values-nodeport-out-of-range'], 'as without rendering');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(existsSync(marker), false, 'helm ran in an untrusted workspace');
  await client.connection.sendNotification('kubeServiceLens/workspaceTrusted');
  const after = await client.waitForDiagnostics(values, (p) => !!byCode(p, 'nodeport-out-of-range'), RENDER_WAIT_MS);
  assert.deepEqual(codes(after), ['nodeport-out-of-range']);
  assert.equal(existsSync(marker), true);
});

test('saving a values file renders the chart again, and the new verdict is published', async (t) => {
  const fine = 'service:\n  type: NodePort\n  nodePort: 30080\n';
  const dir = workspace(t, { ...CHART, 'chart/values.yaml': fine });
  const client = await start(t, { workspaceFolders: [dir], configuration: withTools() });
  const uri = fileUri(path.join(dir, 'chart/values.yaml'));
  client.open(uri, fine);
  // The chart's first render covers its values file: no heuristic, no finding.
  const template = fileUri(path.join(dir, 'chart/templates/service.yaml'));
  client.open(template, CHART['chart/templates/service.yaml']);
  await client.waitForDiagnostics(template, (p) => p.diagnostics.length === 0, RENDER_WAIT_MS);
  // The user types 9090 and saves.
  client.change(uri, 2, [{ text: CHART['chart/values.yaml'] }]);
  writeFileSync(path.join(dir, 'chart/values.yaml'), CHART['chart/values.yaml']);
  await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  const published = await client.waitForDiagnostics(uri, (p) => !!byCode(p, 'nodeport-out-of-range'), RENDER_WAIT_MS);
  assert.equal(byCode(published, 'nodeport-out-of-range')?.range.start.line, lineOf(CHART['chart/values.yaml'], 'nodePort: 9090'));
});

test("Kustomize labels with includeSelectors give the Service its selector: the build's verdict replaces the file's", async (t) => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: 8080\n';
  const dir = workspace(t, {
    'app/kustomization.yaml': 'resources:\n  - service.yaml\n  - deployment.yaml\nlabels:\n  - pairs:\n      app: web\n    includeSelectors: true\n',
    'app/service.yaml': service,
    'app/deployment.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          ports:\n            - containerPort: 8080\n',
  });
  const client = await start(t, { workspaceFolders: [dir], configuration: withTools() });
  const uri = fileUri(path.join(dir, 'app/service.yaml'));
  client.open(uri, service);
  // As a plain file the Service has no selector; `kubectl apply -k app` creates it with `app: web`.
  await client.waitForDiagnostics(uri, (p) => codes(p).includes('service-without-selector'), RENDER_WAIT_MS);
  const built = await client.waitForDiagnostics(uri, (p) => !codes(p).includes('service-without-selector'), RENDER_WAIT_MS);
  assert.deepEqual(codes(built), []);
});

test('a base its overlays label is judged by what the overlays build, not by its own build', async (t) => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: 8080\n';
  const dir = workspace(t, {
    'base/kustomization.yaml': 'resources:\n  - service.yaml\n  - deployment.yaml\n',
    'base/service.yaml': service,
    'base/deployment.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          ports:\n            - containerPort: 8080\n',
    'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\nlabels:\n  - pairs:\n      app: web\n    includeSelectors: true\n',
  });
  const client = await start(t, { workspaceFolders: [dir], configuration: withTools() });
  const uri = fileUri(path.join(dir, 'base/service.yaml'));
  client.open(uri, service);
  // The base's own build has no selector, but nobody applies the base alone: the overlay's build gives it one.
  await client.waitForDiagnostics(uri, (p) => codes(p).includes('service-without-selector'), RENDER_WAIT_MS);
  const built = await client.waitForDiagnostics(uri, (p) => !codes(p).includes('service-without-selector'), RENDER_WAIT_MS);
  assert.deepEqual(codes(built), []);
});

test('an overlay whose kustomization is named Kustomization (no extension) is built from the start', async (t) => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';
  const patch = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 9090\n';
  const dir = workspace(t, {
    'base/kustomization.yaml': 'resources:\n  - service.yaml\n',
    'base/service.yaml': service,
    'overlay/Kustomization': 'resources:\n  - ../base\npatches:\n  - path: patch.yaml\n',
    'overlay/patch.yaml': patch,
  });
  const client = await start(t, { workspaceFolders: [dir], configuration: withTools() });
  const uri = fileUri(path.join(dir, 'overlay/patch.yaml'));
  client.open(uri, patch);
  const published = await client.waitForDiagnostics(uri, (p) => !!byCode(p, 'nodeport-out-of-range'), RENDER_WAIT_MS);
  assert.equal(byCode(published, 'nodeport-out-of-range')?.range.start.line, lineOf(patch, 'nodePort: 9090'));
});
