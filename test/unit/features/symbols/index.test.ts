import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../../server/src/kubernetes/manifest';
import { scanObject } from '../../../../server/src/features/symbols/scan';
import { documentSymbols, workspaceSymbols } from '../../../../server/src/features/symbols';
import { service } from '../../../kit/manifests';
import { marked } from '../../../kit/markers';
import { workspace } from '../../../kit/workspace';

const TEXT = `# app
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  ports:
    - name: http
      port: 80
      targetPort: http
    - port: 53
      protocol: UDP
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels:
        app: web
---
apiVersion: v1
kind: ConfigMap
metadata:
  labels:
    name: not-the-name
  name: settings   # the real name
data:
  name: also-not
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: one
  - apiVersion: v1
    kind: Secret
    metadata: {}
`;

const slice = (span: { start: number; end: number }) => TEXT.slice(span.start, span.end);

test('one symbol per object, named Kind/name, in file order, with the name selected', () => {
  const file = parseFile('file:///w/app.yaml', TEXT);
  assert.equal(file.chunks[2].parsed.skippedKind, 'ConfigMap', 'the ConfigMap document is not composed');
  const symbols = documentSymbols(file);
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['Service/web', 'Deployment/web', 'ConfigMap/settings', 'CustomResourceDefinition/widgets.example.com', 'Pod/one', 'Secret/(unnamed)'],
  );
  assert.deepEqual(
    symbols.map((s) => slice(s.selection)),
    ['web', 'web', 'settings', 'widgets.example.com', 'one', 'Secret'],
  );
  assert.equal(symbols[0].namespace, 'shop');
  assert.ok(slice(symbols[2].span).startsWith('apiVersion: v1\nkind: ConfigMap') && slice(symbols[2].span).endsWith('name: also-not'));
  for (const symbol of symbols) assert.ok(symbol.span.start <= symbol.selection.start && symbol.selection.end <= symbol.span.end, symbol.name);
});

test('Service ports are children: their name (or number) with where they go', () => {
  const [service] = documentSymbols(parseFile('file:///w/app.yaml', TEXT));
  assert.deepEqual(
    service.children.map((c) => `${c.name} ${c.detail} [${slice(c.selection)}]`),
    ['http 80 → http [http]', 'port 53 53/UDP → 53 [53]'],
  );
});

test('symbols follow edits: a changed document is re-read, the others keep their (shifted) symbols', () => {
  const before = parseFile('file:///w/app.yaml', TEXT);
  const edited = TEXT.replace('name: web\n  namespace', 'name: storefront\n  namespace');
  const after = parseFile('file:///w/app.yaml', edited, before);
  const symbols = documentSymbols(after);
  assert.equal(symbols[0].name, 'Service/storefront');
  assert.equal(edited.slice(symbols[2].selection.start, symbols[2].selection.end), 'settings');
});

test('the line scan of skipped documents only reads top-level metadata', () => {
  // The object's span ends with its last line, before the final newline.
  const { text, spans } = marked('[[kind: [[ConfigMap]]\nmetadata:\n  name: "[[quoted]]"\n  namespace: ops]]\n');
  const [span, kindSpan, nameSpan] = spans.map(({ start, end }) => ({ start, end }));
  assert.deepEqual(scanObject(text), { kind: 'ConfigMap', kindSpan, name: 'quoted', nameSpan, namespace: 'ops', span });
  assert.equal(scanObject('data:\n  kind: x\n'), undefined);
  assert.equal(scanObject('kind: Secret\nmetadata:\n  annotations:\n    name: no\n')?.name, undefined);
});

test('workspace symbols: every indexed file, matched by the query characters in order, capped', () => {
  const { index } = workspace({ 'file:///w/app.yaml': TEXT, 'file:///w/other.yaml': service({ name: 'api', ports: [{ port: 80 }] }) });
  const names = (query: string) => workspaceSymbols(index, query, 100).symbols.map((s) => `${s.uri.replace('file:///w/', '')} ${s.symbol.name}`);
  assert.deepEqual(names('svc'), ['app.yaml Service/web', 'other.yaml Service/api'], 'like editors: s…v…c');
  assert.deepEqual(names('xyz'), []);
  assert.deepEqual(names('service/'), ['app.yaml Service/web', 'other.yaml Service/api']);
  assert.deepEqual(names('cm settings'), ['app.yaml ConfigMap/settings'], 'spaces ignored');
  assert.deepEqual(names('settings cm'), [], 'order matters');
  assert.deepEqual(names('cfgsettings'), ['app.yaml ConfigMap/settings']);
  assert.deepEqual(names('WEB'), ['app.yaml Service/web', 'app.yaml Deployment/web']);
  assert.equal(workspaceSymbols(index, '', 3).truncated, true);
  assert.equal(workspaceSymbols(index, '', 3).symbols.length, 3);
});
