import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { parseFile } from '../../../server/src/core/parse';
import { applyEdits, insertPair, removePair, renameKey } from '../../../server/src/core/fixes/edits';

function portMap(text: string, index = 0): { map: YAMLMap; chunk: ReturnType<typeof parseFile>['chunks'][0] } {
  const file = parseFile('file:///t.yaml', text);
  const chunk = file.chunks[file.chunks.length - 1];
  const spec = chunk.parsed.docs[0].get('spec') as YAMLMap;
  const ports = spec.get('ports');
  assert.ok(isSeq(ports));
  const map = ports.items[index];
  assert.ok(isMap(map));
  return { map, chunk };
}

const pairOf = (map: YAMLMap, key: string) => map.items.find((p) => String((p.key as { value: unknown }).value) === key)!;

test('removing a block entry takes its line and comment, nothing else', () => {
  const text = 'spec:\n  ports:\n    - port: 80\n      nodePort: 8080 # why\n      name: http\n';
  const { map, chunk } = portMap(text);
  assert.equal(applyEdits(text, [removePair(text, chunk, map, pairOf(map, 'nodePort'))]), 'spec:\n  ports:\n    - port: 80\n      name: http\n');
});

test('removing the entry that opens a sequence item pulls the next one behind the dash', () => {
  const text = 'spec:\n  ports:\n    - nodePort: 8080\n      port: 80\n';
  const { map, chunk } = portMap(text);
  assert.equal(applyEdits(text, [removePair(text, chunk, map, pairOf(map, 'nodePort'))]), 'spec:\n  ports:\n    - port: 80\n');
});

test('removing from flow mappings keeps the commas right', () => {
  for (const [input, expected] of [
    ['spec: {ports: [{port: 80, nodePort: 1, name: a}]}\n', 'spec: {ports: [{port: 80, name: a}]}\n'],
    ['spec: {ports: [{port: 80, nodePort: 1}]}\n', 'spec: {ports: [{port: 80}]}\n'],
    ['spec: {ports: [{nodePort: 1, port: 80}]}\n', 'spec: {ports: [{port: 80}]}\n'],
  ]) {
    const { map, chunk } = portMap(input);
    assert.equal(applyEdits(input, [removePair(input, chunk, map, pairOf(map, 'nodePort'))]), expected);
  }
});

test('CRLF files keep CRLF; edits land in the right document of a multi-document file', () => {
  const text = 'a: 1\r\n---\r\nspec:\r\n  ports:\r\n    - port: 80\r\n      nodePort: 1\r\n';
  const { map, chunk } = portMap(text);
  const removed = applyEdits(text, [removePair(text, chunk, map, pairOf(map, 'nodePort'))]);
  assert.equal(removed, 'a: 1\r\n---\r\nspec:\r\n  ports:\r\n    - port: 80\r\n');
  const inserted = applyEdits(text, [insertPair(text, chunk, map, 'name', 'http')]);
  assert.equal(inserted, 'a: 1\r\n---\r\nspec:\r\n  ports:\r\n    - port: 80\r\n      nodePort: 1\r\n      name: http\r\n');
});

test('inserting keeps the mapping indentation and trailing comments', () => {
  const text = 'spec:\n  ports:\n    -   port: 80 # keep\n        targetPort: 8080\n';
  const { map, chunk } = portMap(text);
  assert.equal(applyEdits(text, [insertPair(text, chunk, map, 'name', 'http')]), 'spec:\n  ports:\n    -   port: 80 # keep\n        targetPort: 8080\n        name: http\n');
  const flow = 'spec: {ports: [{port: 80}]}\n';
  const f = portMap(flow);
  assert.equal(applyEdits(flow, [insertPair(flow, f.chunk, f.map, 'name', 'http')]), 'spec: {ports: [{port: 80, name: http}]}\n');
});

test('renaming a key keeps its value and quoting', () => {
  const text = 'spec:\n  ports:\n    - port: 80\n      targetport: "web"\n';
  const { map, chunk } = portMap(text);
  assert.equal(applyEdits(text, [renameKey(chunk, pairOf(map, 'targetport'), 'targetPort')]), 'spec:\n  ports:\n    - port: 80\n      targetPort: "web"\n');
});

test('overlapping edits are refused', () => {
  assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]));
});
