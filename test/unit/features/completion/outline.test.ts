import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Outline, pathKey } from '../../../../server/src/features/completion/outline';

/** `path.key=value` for every key entry, `path[i]` for items: the outline as one readable list. */
function describe(text: string, cursor?: number): string[] {
  return new Outline(text, cursor).entries.map((entry) => {
    if (entry.kind === 'item') return `${pathKey(entry.parent)}#${entry.index}${entry.value ? `=${entry.value.text}` : ''}`;
    const name = entry.kind === 'key' ? entry.key?.text : `?${entry.key?.text ?? ''}`;
    return `${pathKey(entry.parent)}.${name}${entry.value ? `=${entry.value.text}` : ''}`;
  });
}

test('nests keys and sequence items by indentation, with each item numbered', () => {
  const text = 'spec:\n  type: NodePort\n  ports:\n    - name: a\n      port: 80\n    - name: b\n  selector:\n    app: web\n';
  assert.deepEqual(describe(text), [
    '.spec',
    '.spec.type=NodePort',
    '.spec.ports',
    '.spec.ports#0',
    '.spec.ports#0.name=a',
    '.spec.ports#0.port=80',
    '.spec.ports#1',
    '.spec.ports#1.name=b',
    '.spec.selector',
    '.spec.selector.app=web',
  ]);
});

test('indentless sequences belong to the key above them and end at the next key of that column', () => {
  const text = 'ports:\n- port: 80\n  name: x\n- port: 81\nselector:\n  app: web\n';
  assert.deepEqual(describe(text), [
    '.ports',
    '.ports#0',
    '.ports#0.port=80',
    '.ports#0.name=x',
    '.ports#1',
    '.ports#1.port=81',
    '.selector',
    '.selector.app=web',
  ]);
});

test('values: quotes removed, comments cut, flow collections kept whole', () => {
  const text = 'a: "quoted # not a comment"\nb: plain # comment\nc: {app: web}\n\'d e\': x\nf: [1, 2]\n';
  assert.deepEqual(describe(text), ['.a=quoted # not a comment', '.b=plain', '.c={app: web}', '.d e=x', '.f=[1, 2]']);
});

test('block scalars and multi-line plain scalars are content, not keys', () => {
  const text = 'metadata:\n  annotations:\n    note: |\n      key: not a key\n      - not an item\n    other: >-\n      folded\n  name: web\n';
  assert.deepEqual(describe(text), [
    '.metadata',
    '.metadata.annotations',
    '.metadata.annotations.note=|',
    '.metadata.annotations.other=>-',
    '.metadata.name=web',
  ]);
});

test('a word without a colon is a key being typed, placed where its indentation puts it', () => {
  assert.deepEqual(describe('spec:\n  ty\n  ports:\n'), ['.spec', '.spec.?ty', '.spec.ports']);
  assert.deepEqual(describe('spec:\n  selector:\n    ap\n'), ['.spec', '.spec.selector', '.spec.selector.?ap']);
});

test('a blank line counts only where the cursor is, as an empty word at the cursor column', () => {
  const text = 'spec:\n  selector:\n    \n  ports:\n';
  assert.deepEqual(describe(text), ['.spec', '.spec.selector', '.spec.ports']);
  assert.deepEqual(describe(text, text.indexOf('    \n') + 4), ['.spec', '.spec.selector', '.spec.selector.?', '.spec.ports']);
});

test('document markers reset the structure; CRLF line ends are read like LF', () => {
  assert.deepEqual(describe('a: 1\n---\nb:\n  c: 2\n'), ['.a=1', '.b', '.b.c=2']);
  assert.deepEqual(describe('spec:\r\n  type: LoadBalancer\r\n  ports:\r\n  - port: 80\r\n'), [
    '.spec',
    '.spec.type=LoadBalancer',
    '.spec.ports',
    '.spec.ports#0',
    '.spec.ports#0.port=80',
  ]);
});

test('valueAt and keys answer from the outline even when the YAML does not parse', () => {
  const outline = new Outline('kind: Service\nspec:\n  ty\n  type: NodePort\n  selector:\n    app: web\n    tier: "x"\n');
  assert.equal(outline.valueAt(['kind']), 'Service');
  assert.equal(outline.valueAt(['spec', 'type']), 'NodePort');
  assert.deepEqual(
    outline.keys(['spec', 'selector']).map((e) => `${e.key?.text}=${e.value?.text}`),
    ['app=web', 'tier=x'],
  );
  assert.equal(outline.has(['spec', 'ports']), false);
});
