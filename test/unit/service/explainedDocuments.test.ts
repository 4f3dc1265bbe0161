// What the editor features say about a file is said only about what parses as written: a `---` document with YAML
// syntax errors gets no CodeLens (lsp/trafficGraph.ts reads the same objects), inlay hint, hover, definition or port
// outline, while the valid documents of the same file keep theirs; and a Service whose selector is mis-indented is
// never described as one without a selector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { isService } from '../../../server/src/kubernetes/model';
import { workloadSummary } from '../../../server/src/lsp/trafficGraph';
import { toMermaid } from '../../../server/src/features/traffic/mermaid';
import { LanguageService } from '../../../server/src/service/languageService';
import { deployment, documents } from '../../kit/manifests';

const URI = 'file:///workspace/shop.yaml';

const VALID = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
`;
// `targetPort` one column short: the parser recovers it as a second port item without a `port`, and the first one
// without its targetPort, a tree the user never wrote (its "targetPort: 80" hint would be plainly wrong).
const BROKEN = `apiVersion: v1
kind: Service
metadata:
  name: broken
spec:
  selector:
    app: web
  ports:
    - port: 81
     targetPort: http
`;
const WORKLOAD = deployment({ name: 'web', labels: { app: 'web' }, matchLabels: true, replicas: 2, ports: [{ name: 'http', containerPort: 8080 }] });
const TEXT = documents(VALID, BROKEN, WORKLOAD);

function open(text: string): LanguageService {
  const service = new LanguageService({ root: 'file:///workspace/' });
  service.configure(DEFAULT_SETTINGS);
  service.openDocument(URI, 'yaml', 1, text);
  return service;
}

const at = (needle: string, from = 0) => {
  const offset = TEXT.indexOf(needle, from);
  assert.ok(offset >= 0, needle);
  return offset;
};
const brokenStart = at('name: broken');
const brokenEnd = at('apiVersion: apps/v1');
const inBroken = (offset: number) => offset >= brokenStart && offset < brokenEnd;

test('hovers, definitions and inlay hints answer in the valid documents and not in the one that does not parse', () => {
  const service = open(TEXT);
  const file = service.file(URI)!;
  assert.ok(service.hover(file, at('port: 80') + 2), 'the valid Service is explained');
  assert.equal(service.hover(file, at('port: 81') + 2), undefined);
  assert.equal(service.hover(file, at('kind: Service', at('---')) + 7), undefined);
  assert.ok(service.definition(file, at('http')), 'the valid targetPort leads to the container port');
  assert.equal(service.definition(file, at('http', brokenStart)), undefined);

  const hints = service.inlayHints(file, 0, TEXT.length);
  assert.ok(
    hints.some((hint) => hint.offset < brokenStart),
    'the valid Service has hints',
  );
  assert.deepEqual(
    hints.filter((hint) => inBroken(hint.offset)).map((hint) => hint.label),
    [],
  );
});

test('the traffic graph and the CodeLens counts leave the document that does not parse out', () => {
  const service = open(TEXT);
  const file = service.file(URI)!;
  assert.deepEqual(
    service.trafficPaths(file).paths.map((path) => path.name),
    ['web'],
  );
  const lensed = file.objects.map(({ object }) => object).filter(isService);
  assert.deepEqual(
    lensed.map((object) => [object.name, workloadSummary(object, { index: service.index, uri: URI })]),
    [['web', '1 workload, 2 replicas']],
  );
});

test('the outline keeps the broken document by its kind and name, without ports read from a guess', () => {
  const service = open(TEXT);
  const symbols = service.documentSymbols(service.file(URI)!);
  assert.deepEqual(
    symbols.map((symbol) => [symbol.name, symbol.children.map((child) => child.name)]),
    [
      ['Service/web', ['port 80']],
      ['Service/broken', []],
      ['Deployment/web', []],
    ],
  );
});

test('completion still works while the document is broken: typing through broken YAML is normal', () => {
  const typing = TEXT.replace('  selector:\n    app: web\n  ports:\n    - port: 81', '  selector:\n    app: web\n  typ\n  ports:\n    - port: 81');
  const service = open(typing);
  const file = service.file(URI)!;
  const offset = typing.indexOf('  typ\n') + 5;
  const labels = service.completion(file, offset).items.map((item) => item.label);
  assert.ok(labels.includes('type'), labels.join(', '));
});

const MISINDENTED = `apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  selector:
  app: shop
  ports:
    - port: 80
      targetPort: 8080
`;

test('a Service whose selector is mis-indented is not described as one without a selector', () => {
  const service = open(documents(MISINDENTED, deployment({ name: 'shop', labels: { app: 'shop' }, matchLabels: true, ports: [{ containerPort: 8080 }] })));
  const file = service.file(URI)!;
  const shop = file.objects.map(({ object }) => object).find(isService)!;
  assert.equal(workloadSummary(shop, { index: service.index, uri: URI }), 'Selector mis-indented: as written it selects no pods');
  assert.equal(service.hover(file, file.text.indexOf('type') + 1), undefined);
  assert.equal(service.hover(file, file.text.indexOf('port: 80') + 1), undefined);
  const { paths } = service.trafficPaths(file);
  assert.equal(paths[0].selectorMisindented, true);
  const mermaid = toMermaid(paths).text;
  assert.match(mermaid, /Selector mis-indented/);
  assert.doesNotMatch(mermaid, /No selector|managed outside/);
  assert.deepEqual(
    service.findings(file).map((finding) => finding.ruleId),
    ['misindented-field'],
  );

  // Without the stray label it is a Service without a selector, and every feature says so.
  const plain = open(MISINDENTED.replace('  app: shop\n', ''));
  const alone = plain.file(URI)!;
  const lonely = alone.objects.map(({ object }) => object).find(isService)!;
  assert.equal(workloadSummary(lonely, { index: plain.index, uri: URI }), 'No selector: endpoints are managed outside this Service');
  assert.ok(plain.hover(alone, alone.text.indexOf('port: 80') + 1));
  assert.match(toMermaid(plain.trafficPaths(alone).paths).text, /No selector/);
});

test('a Deployment whose file is broken while being typed still counts for the Services of other files', () => {
  const service = new LanguageService();
  service.configure(DEFAULT_SETTINGS);
  service.openDocument(URI, 'yaml', 1, VALID);
  // A stray unindented line in the middle of the Deployment: its document no longer parses.
  const broken = WORKLOAD.replace('spec:\n', 'spec:\n  replicas: 2\n oops: [\n');
  service.openDocument('file:///workspace/deploy.yaml', 'yaml', 1, broken);
  assert.ok(service.file('file:///workspace/deploy.yaml')!.chunks.some((chunk) => chunk.parsed.recovered));
  assert.deepEqual(
    service.findings(service.file(URI)!).map((finding) => finding.ruleId),
    [],
  );
});

test('a broken file in another folder tree does not silence selector-matches-nothing', () => {
  const service = new LanguageService();
  service.configure(DEFAULT_SETTINGS);
  const uri = 'file:///workspace/a/shop.yaml';
  service.openDocument(uri, 'yaml', 1, VALID);
  service.openDocument('file:///workspace/b/deploy.yaml', 'yaml', 1, WORKLOAD.replace('spec:\n', 'spec:\n  replicas: 2\n oops: [\n'));
  assert.deepEqual(
    service.findings(service.file(uri)!).map((finding) => finding.ruleId),
    ['selector-matches-nothing'],
  );
});
