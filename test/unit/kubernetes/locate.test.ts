import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/kubernetes/manifest';
import { chunkAt, formatPath, locate } from '../../../server/src/kubernetes/locate';
import { offsetOf } from '../../kit/markers';
import { hover, hoverResult } from '../features/hover/helpers';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 30007
`;

function pathAt(text: string, needle: string, occurrence = 0): string | undefined {
  const found = locate(parseFile('file:///t.yaml', text), offsetOf(text, needle, occurrence));
  return found ? `${formatPath(found.path)}${found.onKey ? ' (key)' : ''}` : undefined;
}

test('locates keys and values with API-style field paths', () => {
  assert.equal(pathAt(SERVICE, 'type'), 'spec.type (key)');
  assert.equal(pathAt(SERVICE, 'NodePort'), 'spec.type');
  assert.equal(pathAt(SERVICE, '30007'), 'spec.ports[0].nodePort');
  assert.equal(pathAt(SERVICE, 'nodePort'), 'spec.ports[0].nodePort (key)');
  assert.equal(pathAt(SERVICE, 'Service'), 'kind');
  // The end of a token still belongs to it (a cursor right after `30007`).
  const text = SERVICE;
  const end = offsetOf(text, '30007') + 5;
  assert.equal(formatPath(locate(parseFile('file:///t.yaml', text), end)?.path ?? []), 'spec.ports[0].nodePort');
});

test('multi-document files: each document is found in its own chunk, comments and markers included', () => {
  const text = `# leading comment\n---\n${SERVICE}---\n# between\n${SERVICE.replace('30007', '30008')}`;
  assert.equal(pathAt(text, '30008'), 'spec.ports[0].nodePort');
  const file = parseFile('file:///t.yaml', text);
  assert.equal(file.chunks.length, 2);
  assert.equal(chunkAt(file.chunks, offsetOf(text, '30008')), file.chunks[1]);
  assert.equal(chunkAt(file.chunks, 0), file.chunks[0]);
  assert.equal(pathAt(text, '# between'), undefined);
  assert.match(hover(text, '30008'), /`30008`, inside 30000-32767/);
});

test('List items, CRLF line endings and astral characters keep offsets right', () => {
  const list = `apiVersion: v1\nkind: List\nitems:\n${SERVICE.split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n')
    .replace('  apiVersion', '- apiVersion')
    .replace(/^ {2}- /m, '- ')}`;
  assert.equal(pathAt(list, '30007'), 'spec.ports[0].nodePort');
  const crlf = SERVICE.replace(/\n/g, '\r\n').replace('name: web', 'name: web # 🚀 emoji');
  const result = hoverResult(crlf, '30007');
  assert.equal(crlf.slice(result?.start, result?.end), '30007');
});

test('non-Kubernetes YAML and broken documents give no hover', () => {
  assert.equal(hoverResult('services:\n  web:\n    ports: ["80:80"]\n', 'ports'), undefined);
  // The parser recovers `spec: {type: [` into a tree, but that tree is a guess: nothing in it is located.
  assert.equal(pathAt('apiVersion: v1\nkind: Service\nspec: {type: [\n', 'type'), undefined);
});

// What locate costs on a large file (only the hovered document is walked) is measured by `npm run bench`.
test('on a file of 3,000 documents, the last one is located like the first', () => {
  const docs: string[] = [];
  for (let i = 0; i < 3000; i++) docs.push(SERVICE.replace('name: web', `name: web-${i}`).replace('30007', String(30000 + (i % 2000))));
  const text = docs.join('---\n');
  const file = parseFile('file:///big.yaml', text);
  const offset = offsetOf(text, 'name: web-2999') + 6;
  assert.equal(chunkAt(file.chunks, offset), file.chunks[2999]);
  assert.equal(formatPath(locate(file, offset)?.path ?? []), 'metadata.name');
  assert.equal(formatPath(locate(file, offsetOf(text, '30999'))?.path ?? []), 'spec.ports[0].nodePort');
});
