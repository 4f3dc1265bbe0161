import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMap, isScalar, isSeq, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseFile, type PlacedChunk } from '../../../server/src/kubernetes/manifest';
import {
  applyEdits,
  insertPair,
  insertPairBefore,
  removeItem,
  removePair,
  removePairs,
  renameKey,
  replaceScalar,
  scalarText,
} from '../../../server/src/document/edits';

/** The last document of `text`, its chunk, and a node found by a path of keys and indices. */
function at(text: string, ...path: Array<string | number>): { node: unknown; chunk: PlacedChunk } {
  const file = parseFile('file:///t.yaml', text);
  const chunk = file.chunks[file.chunks.length - 1];
  let node: unknown = chunk.parsed.docs[chunk.parsed.docs.length - 1].contents;
  for (const step of path) node = typeof step === 'number' ? (node as YAMLSeq).items[step] : (node as YAMLMap).get(step, true);
  return { node, chunk };
}
function mapAt(text: string, ...path: Array<string | number>): { map: YAMLMap; chunk: PlacedChunk } {
  const { node, chunk } = at(text, ...path);
  assert.ok(isMap(node));
  return { map: node, chunk };
}
const pairOf = (map: YAMLMap, key: string) => map.items.find((p) => String((p.key as { value: unknown }).value) === key) as Pair;
const port0 = (text: string) => mapAt(text, 'spec', 'ports', 0);

test('removing a block entry takes its line and comment, nothing else', () => {
  const text = 'spec:\n  ports:\n    - port: 80\n      nodePort: 8080 # why\n      name: http\n';
  const { map, chunk } = port0(text);
  assert.equal(applyEdits(text, [removePair(text, chunk, map, pairOf(map, 'nodePort'))]), 'spec:\n  ports:\n    - port: 80\n      name: http\n');
});

test('removing an entry with a block value or an empty value never takes the next entry along', () => {
  const text = 'spec:\n  ports:\n    - port: 80\n\n    # about type\n  selector: # none yet\n  type: NodePort\n';
  const { map, chunk } = mapAt(text, 'spec');
  assert.equal(applyEdits(text, [removePair(text, chunk, map, pairOf(map, 'ports'))]), 'spec:\n\n    # about type\n  selector: # none yet\n  type: NodePort\n');
  assert.equal(
    applyEdits(text, [removePair(text, chunk, map, pairOf(map, 'selector'))]),
    'spec:\n  ports:\n    - port: 80\n\n    # about type\n  type: NodePort\n',
  );
});

test('removing the entry that opens a sequence item pulls the next one behind the dash; the only one leaves {}', () => {
  const text = 'spec:\n  ports:\n    - nodePort: 8080\n      port: 80\n';
  const { map, chunk } = port0(text);
  assert.equal(applyEdits(text, [removePair(text, chunk, map, pairOf(map, 'nodePort'))]), 'spec:\n  ports:\n    - port: 80\n');
  const only = 'spec:\n  ports:\n    - nodePort: 8080 # c\n';
  const o = port0(only);
  assert.equal(applyEdits(only, [removePair(only, o.chunk, o.map, pairOf(o.map, 'nodePort'))]), 'spec:\n  ports:\n    - {} # c\n');
});

test('removing from flow mappings keeps the commas right', () => {
  for (const [input, expected] of [
    ['spec: {ports: [{port: 80, nodePort: 1, name: a}]}\n', 'spec: {ports: [{port: 80, name: a}]}\n'],
    ['spec: {ports: [{port: 80, nodePort: 1}]}\n', 'spec: {ports: [{port: 80}]}\n'],
    ['spec: {ports: [{nodePort: 1, port: 80}]}\n', 'spec: {ports: [{port: 80}]}\n'],
  ]) {
    const { map, chunk } = port0(input);
    assert.equal(applyEdits(input, [removePair(input, chunk, map, pairOf(map, 'nodePort'))]), expected);
  }
});

test('removing several entries at once never produces overlapping edits, in block or flow style', () => {
  const flow = 'spec: {type: NodePort, loadBalancerClass: x, allocateLoadBalancerNodePorts: false}\n';
  const f = mapAt(flow, 'spec');
  const pick = (map: YAMLMap) => [pairOf(map, 'loadBalancerClass'), pairOf(map, 'allocateLoadBalancerNodePorts')];
  assert.equal(applyEdits(flow, removePairs(flow, f.chunk, f.map, pick(f.map))), 'spec: {type: NodePort}\n');
  const block = 'spec:\n  ports:\n    - loadBalancerClass: x\n      allocateLoadBalancerNodePorts: false\n      port: 80\n';
  const b = port0(block);
  assert.equal(applyEdits(block, removePairs(block, b.chunk, b.map, pick(b.map))), 'spec:\n  ports:\n    - port: 80\n');
});

test('list items are removed with their line (block) or comma (flow)', () => {
  const block = 'spec:\n  externalIPs:\n    - 1.2.3.4 # a\n    - 5.6.7.8\n';
  const b = at(block, 'spec', 'externalIPs');
  assert.ok(isSeq(b.node));
  assert.equal(applyEdits(block, [removeItem(block, b.chunk, b.node, 0)!]), 'spec:\n  externalIPs:\n    - 5.6.7.8\n');
  const flow = 'spec: {ipFamilies: [IPv4, IPv4]}\n';
  const f = at(flow, 'spec', 'ipFamilies');
  assert.ok(isSeq(f.node));
  assert.equal(applyEdits(flow, [removeItem(flow, f.chunk, f.node, 1)!]), 'spec: {ipFamilies: [IPv4]}\n');
});

test('CRLF files keep CRLF; edits land in the right document of a multi-document file', () => {
  const text = 'a: 1\r\n---\r\nspec:\r\n  ports:\r\n    - port: 80\r\n      nodePort: 1\r\n';
  const { map, chunk } = port0(text);
  assert.equal(applyEdits(text, [removePair(text, chunk, map, pairOf(map, 'nodePort'))]), 'a: 1\r\n---\r\nspec:\r\n  ports:\r\n    - port: 80\r\n');
  assert.equal(
    applyEdits(text, [insertPair(text, chunk, map, 'name', 'http')]),
    'a: 1\r\n---\r\nspec:\r\n  ports:\r\n    - port: 80\r\n      nodePort: 1\r\n      name: http\r\n',
  );
  assert.equal(
    applyEdits(text, [insertPairBefore(text, chunk, map, undefined, 'name', 'http')]),
    'a: 1\r\n---\r\nspec:\r\n  ports:\r\n    - name: http\r\n      port: 80\r\n      nodePort: 1\r\n',
  );
});

test('inserting keeps odd indentation, trailing comments, flow style and JSON style', () => {
  const text = 'spec:\n  ports:\n    -   port: 80 # keep\n        targetPort: 8080\n';
  const { map, chunk } = port0(text);
  assert.equal(
    applyEdits(text, [insertPair(text, chunk, map, 'name', 'http')]),
    'spec:\n  ports:\n    -   port: 80 # keep\n        targetPort: 8080\n        name: http\n',
  );
  assert.equal(
    applyEdits(text, [insertPairBefore(text, chunk, map, undefined, 'name', 'http')]),
    'spec:\n  ports:\n    -   name: http\n        port: 80 # keep\n        targetPort: 8080\n',
  );
  const flow = 'spec: {ports: [{port: 80}]}\n';
  const f = port0(flow);
  assert.equal(applyEdits(flow, [insertPair(flow, f.chunk, f.map, 'name', 'http')]), 'spec: {ports: [{port: 80, name: http}]}\n');
  assert.equal(applyEdits(flow, [insertPairBefore(flow, f.chunk, f.map, undefined, 'name', 'http')]), 'spec: {ports: [{name: http, port: 80}]}\n');
  const json = '{"spec": {"ports": [{"port": 80}]}}\n';
  const j = port0(json);
  assert.equal(applyEdits(json, [insertPair(json, j.chunk, j.map, 'name', 'http')]), '{"spec": {"ports": [{"port": 80, "name": "http"}]}}\n');
});

test('a nested mapping value is rendered as indented lines in block style and {...} in flow style', () => {
  const text = 'spec:\n   type: ClusterIP\n';
  const { map, chunk } = mapAt(text, 'spec');
  assert.equal(applyEdits(text, [insertPair(text, chunk, map, 'selector', [['app', 'web']])]), 'spec:\n   type: ClusterIP\n   selector:\n      app: web\n');
  const flow = 'spec: {type: ClusterIP}\n';
  const f = mapAt(flow, 'spec');
  assert.equal(applyEdits(flow, [insertPair(flow, f.chunk, f.map, 'selector', [['app', 'web']])]), 'spec: {type: ClusterIP, selector: {app: web}}\n');
});

test('a document without a final newline still gets whole-line edits', () => {
  const text = 'spec:\n  type: NodePort\n  healthCheckNodePort: 1';
  const { map, chunk } = mapAt(text, 'spec');
  assert.equal(applyEdits(text, [removePair(text, chunk, map, pairOf(map, 'healthCheckNodePort'))]), 'spec:\n  type: NodePort\n');
  assert.equal(applyEdits(text, [insertPair(text, chunk, map, 'x', '1')]), 'spec:\n  type: NodePort\n  healthCheckNodePort: 1\n  x: 1');
});

test('renaming a key or replacing a scalar keeps the quoting the user chose', () => {
  const text = 'spec:\n  ports:\n    - port: 80\n      targetport: "web"\n      protocol: \'tcp\'\n      name: plain\n';
  const { map, chunk } = port0(text);
  assert.equal(applyEdits(text, [renameKey(chunk, pairOf(map, 'targetport'), 'targetPort')]), text.replace('targetport', 'targetPort'));
  const value = (key: string) => {
    const node = pairOf(map, key).value;
    assert.ok(isScalar(node));
    return node;
  };
  assert.equal(applyEdits(text, [replaceScalar(chunk, value('targetport'), 'http')]), text.replace('"web"', '"http"'));
  assert.equal(applyEdits(text, [replaceScalar(chunk, value('protocol'), 'TCP')]), text.replace("'tcp'", "'TCP'"));
  // A plain scalar stays plain unless the new text would read as something else.
  assert.equal(applyEdits(text, [replaceScalar(chunk, value('name'), 'yes')]), text.replace('name: plain', 'name: "yes"'));
});

test('scalarText quotes exactly what YAML 1.1 or 1.2 would not read back as the same string', () => {
  for (const plain of ['web', 'app.kubernetes.io/name', '10.0.0.0/8', '2001:db8::1', 'PreferSameZone', 'http-8080']) assert.equal(scalarText(plain), plain);
  for (const quoted of ['80', 'yes', 'on', 'true', '1.0', '', 'a b', 'x: y', '#x', 'null', '~', '0x1F', '1e3', 'key:']) {
    assert.equal(scalarText(quoted), JSON.stringify(quoted), quoted);
  }
});

test('overlapping edits are refused', () => {
  assert.throws(() =>
    applyEdits('abcdef', [
      { start: 0, end: 3, newText: '' },
      { start: 2, end: 4, newText: '' },
    ]),
  );
  assert.equal(
    applyEdits('abcdef', [
      { start: 2, end: 2, newText: 'X' },
      { start: 2, end: 4, newText: '' },
    ]),
    'abXef',
  );
});
