import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../../../server/src/service/languageService';
import { helmRunner } from '../../rendered/helm/realHelm';
import { renderTools } from '../../../kit/renderTools';

// The hover and the traffic preview on what the real helm renders, through the language service.

const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  'chart/values.yaml': 'server:\n  service:\n    type: NodePort\n    nodePort: 30007\n',
  'chart/values-prod.yaml': 'server:\n  service:\n    nodePort: 9090\n',
  'chart/templates/service.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  type: {{ .Values.server.service.type }}\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: http\n      nodePort: {{ .Values.server.service.nodePort }}\n',
  'chart/templates/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          ports:\n            - name: http\n              containerPort: 8080\n',
};

async function renderedChart(t: { after: (fn: () => void) => void }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-rendered-views-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const service = new LanguageService({ root: pathToFileURL(dir).href, render: { run: helmRunner(), debounceMs: 0 } });
  for (const [name, text] of Object.entries(CHART)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
    service.setFile(uri(name), text, { announce: false });
  }
  await service.renderAndCheck();
  return { service, uri, dir };
}

test('hover on a templated nodePort: its value per render, the values key that set it, and the render the API server refuses', async (t) => {
  const { service, uri } = await renderedChart(t);
  const template = service.file(uri('chart/templates/service.yaml'));
  assert.ok(template);
  const text = CHART['chart/templates/service.yaml'];
  const hover = service.hover(template, text.indexOf('nodePort:') + 2);
  assert.ok(hover, 'a hover on the templated field');
  assert.equal(text.slice(hover.start, hover.end), 'nodePort');
  const [first, ...rest] = hover.markdown.split('\n\n');
  assert.equal(first, '`spec.ports[0].nodePort` renders to 30007 from values.yaml `server.service.nodePort`; values-prod.yaml makes it 9090.');
  assert.match(rest[0], /^\*\*values-prod\.yaml\*\*: .*9090/);
  assert.doesNotMatch(hover.markdown, /\*\*values\.yaml\*\*/, 'the default render is not refused');

  // A field the template writes literally: nothing rendered to tell.
  assert.ok(!service.hover(template, text.indexOf('apiVersion') + 1)?.markdown.includes('renders to'));
});

test('hover on a values key names the template fields that read it; a key no template reads has none', async (t) => {
  const { service, uri } = await renderedChart(t);
  const values = service.file(uri('chart/values-prod.yaml'));
  assert.ok(values);
  const text = CHART['chart/values-prod.yaml'];
  const hover = service.hover(values, text.indexOf('nodePort') + 1);
  assert.equal(hover?.markdown, '`server.service.nodePort` flows into `spec.ports[0].nodePort` (templates/service.yaml:12).');
  assert.equal(text.slice(hover.start, hover.end), 'nodePort: 9090');
  assert.equal(service.hover(values, text.indexOf('service') + 1), undefined, 'a mapping key is no leaf');
});

test('the traffic preview of a template draws its rendered Service matched to the render’s workloads, linking to real files', async (t) => {
  const { service, uri } = await renderedChart(t);
  const template = service.file(uri('chart/templates/service.yaml'));
  assert.ok(template);
  const plain = service.trafficPaths(template);
  const rendered = await service.renderedTrafficPaths(template, plain, new AbortController().signal);
  assert.ok(rendered);
  assert.deepEqual(
    rendered.paths.map((p) => [p.name, p.type, p.workloads.map((w) => w.name)]),
    [['release-name-web', 'NodePort', ['release-name-web']]],
  );
  assert.equal(rendered.paths[0].lanes[0].targets[0].containerPort, 8080);
  const links = JSON.stringify(rendered).match(/"uri":"[^"]*"/g) ?? [];
  assert.ok(links.length > 0);
  for (const link of links) assert.match(link, /^"uri":"file:/, `every link opens a real file: ${link}`);
  assert.equal(rendered.paths[0].source.uri, uri('chart/templates/service.yaml'));
  assert.equal(rendered.paths[0].workloads[0].source.uri, uri('chart/templates/deployment.yaml'));

  // values-prod.yaml draws its own render, with the refused nodePort on it.
  const prod = service.file(uri('chart/values-prod.yaml'));
  assert.ok(prod);
  const prodPaths = await service.renderedTrafficPaths(prod, service.trafficPaths(prod), new AbortController().signal);
  assert.equal(prodPaths?.paths[0].lanes[0].nodePort, 9090);
  assert.ok(prodPaths?.paths[0].diagnostics.some((d) => d.severity === 'error' && /9090/.test(d.message)));
});

test('the traffic preview of a kustomization draws the overlay’s build, its boxes linking into the user’s files', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-rendered-views-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const files = {
    'base/kustomization.yaml': 'resources:\n  - service.yaml\n  - deployment.yaml\n',
    'base/service.yaml':
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n',
    'base/deployment.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          ports:\n            - containerPort: 8080\n',
    'overlay/kustomization.yaml': 'resources:\n  - ../base\nnamePrefix: prod-\npatches:\n  - path: type.yaml\n',
    'overlay/type.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n',
  };
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const service = new LanguageService({ root: pathToFileURL(dir).href, render: { debounceMs: 0 } });
  service.configureRenderers({ kustomizePath: renderTools().kubectl });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
    service.setFile(uri(name), text, { announce: false });
  }
  await service.renderAndCheck();
  const kustomization = service.file(uri('overlay/kustomization.yaml'));
  assert.ok(kustomization);
  const rendered = await service.renderedTrafficPaths(kustomization, service.trafficPaths(kustomization), new AbortController().signal);
  assert.deepEqual(
    rendered?.paths.map((p) => [p.name, p.type, p.workloads.map((w) => w.name)]),
    [['prod-web', 'NodePort', ['prod-web']]],
  );
  for (const link of JSON.stringify(rendered).match(/"uri":"[^"]*"/g) ?? []) assert.match(link, /^"uri":"file:/);
  assert.equal(rendered?.paths[0].lanes[0].source.uri, uri('base/service.yaml'), 'the port box opens the base line');

  // A plain resource file keeps its plain preview.
  const base = service.file(uri('base/service.yaml'));
  assert.ok(base);
  assert.equal(await service.renderedTrafficPaths(base, service.trafficPaths(base), new AbortController().signal), undefined);
});
