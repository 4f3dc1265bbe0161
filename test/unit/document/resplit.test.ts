import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitChunks } from '../../../server/src/document/chunks';
import { parseFile } from '../../../server/src/kubernetes/manifest';
import { resplitChunks } from '../../../server/src/document/resplit';

const shape = (chunks: ReadonlyArray<{ start: number; text: string }>) => chunks.map((c) => [c.start, c.text]);

/** Pieces that make `---` boundaries appear, vanish, move and hide (indented, inside a block scalar, after text). */
const fragment = fc.constantFrom('---\n', '--- # x\n', '---', '\n', 'a: 1\n', '  ---\n', '# c\n', '---x\n', 'k: |\n  ---\n', '\r\n', '-', 'x', '');
const document = fc.array(fragment, { maxLength: 6 }).map((parts) => parts.join(''));

test('resplitting after any edit gives exactly the full split of the new text', () => {
  fc.assert(
    fc.property(fc.array(document, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), fc.array(fragment, { maxLength: 3 }), (docs, at, length, inserted) => {
      const before = `# header\n${docs.map((d) => `---\n${d}`).join('')}`;
      const start = at % (before.length + 1);
      const end = Math.min(before.length, start + (length % 12));
      const after = before.slice(0, start) + inserted.join('') + before.slice(end);
      const previous = parseFile('file:///w/a.yaml', before);
      const pieces = resplitChunks(before, previous.chunks, after);
      if (pieces) assert.deepEqual(shape(pieces), shape(splitChunks(after)), JSON.stringify({ before, after }));
    }),
    { numRuns: 3000, seed: 7 },
  );
});

test('an edit in the middle reuses the documents around it, sharing their text', () => {
  const docs = Array.from({ length: 50 }, (_, i) => `---\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`);
  const before = docs.join('');
  const offset = before.indexOf('name: c25') + 'name: c25'.length;
  const after = `${before.slice(0, offset)}x${before.slice(offset)}`;
  const previous = parseFile('file:///w/a.yaml', before);
  const pieces = resplitChunks(before, previous.chunks, after);
  assert.ok(pieces);
  assert.deepEqual(shape(pieces), shape(splitChunks(after)));
  assert.equal(pieces[0].text, previous.chunks[0].parsed.text);
  assert.equal(pieces[49].start, previous.chunks[49].start + 1);
  const model = parseFile('file:///w/a.yaml', after, previous);
  assert.equal(model.chunks.filter((c, i) => c.parsed !== previous.chunks[i].parsed).length, 1, 'only the edited document is parsed again');
});

test('a change to the first document takes the full split (leading comments may change owner)', () => {
  const before = '# header\n---\na: 1\n---\nb: 2\n';
  const previous = parseFile('file:///w/a.yaml', before);
  assert.equal(resplitChunks(before, previous.chunks, `x${before}`), undefined);
});
