import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMap, type Pair, type YAMLMap } from 'yaml';
import { parseFile, type PlacedChunk } from '../../../server/src/kubernetes/manifest';
import { applyEdits } from '../../../server/src/document/edits';
import { addEntries, destinationOf, moveEntries, setScalarField } from '../../../server/src/document/structure';

function doc(text: string): { root: YAMLMap; chunk: PlacedChunk } {
  const file = parseFile('file:///t.yaml', text);
  const chunk = file.chunks[file.chunks.length - 1];
  const root = chunk.parsed.docs[0].contents;
  assert.ok(isMap(root));
  return { root, chunk };
}
const child = (map: YAMLMap, key: string) => {
  const node = map.get(key, true);
  assert.ok(isMap(node));
  return node;
};
const pairOf = (map: YAMLMap, key: string) => map.items.find((p) => String((p.key as { value: unknown }).value) === key) as Pair;

/** Moves `keys` out of `spec` into spec.selector and returns the new text. */
function moveToSelector(text: string, keys: string[]): string | undefined {
  const { root, chunk } = doc(text);
  const spec = child(root, 'spec');
  const to = destinationOf(spec, 'selector');
  assert.ok(to);
  const edits = moveEntries(text, chunk, { map: spec, pairs: keys.map((k) => pairOf(spec, k)) }, to);
  return edits && applyEdits(text, edits);
}

test('a label beside an empty `selector:` moves under it, comment and all', () => {
  const text = 'spec:\n  selector:\n  app: web # the pods\n  ports:\n  - port: 80\n';
  assert.equal(moveToSelector(text, ['app']), 'spec:\n  selector:\n    app: web # the pods\n  ports:\n  - port: 80\n');
});

test('several labels move together, in order, into an empty, a missing or an existing selector', () => {
  const empty = 'spec:\n  selector: # fill me\n  app: web\n  tier: fe\n  type: NodePort\n';
  assert.equal(moveToSelector(empty, ['app', 'tier']), 'spec:\n  selector: # fill me\n    app: web\n    tier: fe\n  type: NodePort\n');
  const missing = 'spec:\n    type: NodePort\n    app: web\n    tier: fe\n';
  assert.equal(moveToSelector(missing, ['app', 'tier']), 'spec:\n    type: NodePort\n    selector:\n        app: web\n        tier: fe\n');
  const existing = 'spec:\n  selector:\n    app: web\n  tier: fe\n';
  assert.equal(moveToSelector(existing, ['tier']), 'spec:\n  selector:\n    app: web\n    tier: fe\n');
});

test('moves work in CRLF files and into flow mappings, including JSON style', () => {
  const crlf = 'spec:\r\n  selector:\r\n  app: web\r\n';
  assert.equal(moveToSelector(crlf, ['app']), 'spec:\r\n  selector:\r\n    app: web\r\n');
  const flow = 'spec: {selector: {}, app: web, ports: [{port: 80}]}\n';
  assert.equal(moveToSelector(flow, ['app']), 'spec: {selector: {app: web}, ports: [{port: 80}]}\n');
  const json = '{"spec": {"app": "web", "ports": [{"port": 80}]}}\n';
  assert.equal(moveToSelector(json, ['app']), '{"spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}}\n');
  const blockIntoFlow = 'spec:\n  selector: {}\n  app: web # c\n';
  assert.equal(moveToSelector(blockIntoFlow, ['app']), 'spec:\n  selector: {app: web}\n');
});

test('a block entry moved to another level is re-indented as a whole', () => {
  const text = 'apiVersion: v1\nkind: Service\nspec:\n  type: NodePort\nports:\n- name: grpc # named\n  port: 50051\n';
  const { root, chunk } = doc(text);
  const to = destinationOf(root, 'spec');
  assert.ok(to);
  const edits = moveEntries(text, chunk, { map: root, pairs: [pairOf(root, 'ports')] }, to);
  assert.ok(edits);
  assert.equal(applyEdits(text, edits), 'apiVersion: v1\nkind: Service\nspec:\n  type: NodePort\n  ports:\n  - name: grpc # named\n    port: 50051\n');
});

test('an entry moved out of a nested mapping into its ancestor goes first, clear of the removed line', () => {
  const text = 'spec:\n  selector:\n    app: web\n    type: NodePort\n';
  const { root, chunk } = doc(text);
  const selector = child(child(root, 'spec'), 'selector');
  const to = destinationOf(root, 'spec');
  assert.ok(to);
  const edits = moveEntries(text, chunk, { map: selector, pairs: [pairOf(selector, 'type')] }, to);
  assert.ok(edits);
  assert.equal(applyEdits(text, edits), 'spec:\n  type: NodePort\n  selector:\n    app: web\n');
});

test('a multi-line entry is not squeezed into flow style', () => {
  const text = 'spec:\n  selector: {}\n  app:\n    nested: x\n';
  assert.equal(moveToSelector(text, ['app']), undefined);
});

test('setScalarField replaces, fills an empty value, or inserts; numbers stay numbers', () => {
  const text = 'spec:\n  type: "ClusterIP"\n  clusterIP: # none\n  ports:\n  - port: 80\n';
  const { root, chunk } = doc(text);
  const spec = child(root, 'spec');
  assert.equal(applyEdits(text, [setScalarField(text, chunk, spec, 'type', 'NodePort')]), text.replace('"ClusterIP"', '"NodePort"'));
  assert.equal(applyEdits(text, [setScalarField(text, chunk, spec, 'clusterIP', 'None')]), text.replace('clusterIP: # none', 'clusterIP: None # none'));
  assert.equal(
    applyEdits(text, [setScalarField(text, chunk, spec, 'externalTrafficPolicy', 'Local')]),
    'spec:\n  type: "ClusterIP"\n  clusterIP: # none\n  ports:\n  - port: 80\n  externalTrafficPolicy: Local\n',
  );
  assert.equal(
    applyEdits(text, [setScalarField(text, chunk, spec, 'sessionAffinity', 'None', {})]),
    text.replace('spec:\n', 'spec:\n  sessionAffinity: None\n'),
  );
  const port = (spec.get('ports', true) as unknown as { items: YAMLMap[] }).items[0];
  assert.equal(applyEdits(text, [setScalarField(text, chunk, port, 'targetPort', 8080)]), text.replace('port: 80\n', 'port: 80\n    targetPort: 8080\n'));
  assert.equal(applyEdits(text, [setScalarField(text, chunk, port, 'name', '8080')]), text.replace('port: 80\n', 'port: 80\n    name: "8080"\n'));
});

test('addEntries fills a missing, empty or existing mapping with one edit', () => {
  const entries = [
    ['app', 'web'],
    ['tier', '"1"'],
  ] as const;
  const missing = 'spec:\n  ports: []\n';
  const m = doc(missing);
  assert.equal(
    applyEdits(missing, [addEntries(missing, m.chunk, child(m.root, 'spec'), 'selector', entries)!]),
    'spec:\n  ports: []\n  selector:\n    app: web\n    tier: "1"\n',
  );
  const empty = 'spec:\n  selector:\n  ports: []\n';
  const e = doc(empty);
  assert.equal(
    applyEdits(empty, [addEntries(empty, e.chunk, child(e.root, 'spec'), 'selector', entries)!]),
    'spec:\n  selector:\n    app: web\n    tier: "1"\n  ports: []\n',
  );
  const flow = 'spec: {selector: {a: b}}\n';
  const f = doc(flow);
  assert.equal(applyEdits(flow, [addEntries(flow, f.chunk, child(f.root, 'spec'), 'selector', entries)!]), 'spec: {selector: {a: b, app: web, tier: "1"}}\n');
  const scalar = 'spec:\n  selector: web\n';
  const s = doc(scalar);
  assert.equal(addEntries(scalar, s.chunk, child(s.root, 'spec'), 'selector', entries), undefined);
});
