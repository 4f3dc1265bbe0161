import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitChunks } from '../../../server/src/document/chunks';

const texts = (input: string) => splitChunks(input).map((c) => c.text);

test('one document without markers is one chunk', () => {
  assert.deepEqual(texts('a: 1\nb: 2\n'), ['a: 1\nb: 2\n']);
});

test('splits at --- lines and keeps offsets', () => {
  const input = 'a: 1\n---\nb: 2\n--- # c\nc: 3';
  const chunks = splitChunks(input);
  assert.deepEqual(
    chunks.map((c) => c.text),
    ['a: 1\n', '---\nb: 2\n', '--- # c\nc: 3'],
  );
  for (const chunk of chunks) assert.equal(input.slice(chunk.start, chunk.start + chunk.text.length), chunk.text);
});

test('leading comments and directives stay with the first document', () => {
  assert.deepEqual(texts('# header\n%YAML 1.2\n---\na: 1\n---\nb: 2\n'), ['# header\n%YAML 1.2\n---\na: 1\n', '---\nb: 2\n']);
});

test('indented --- and ---text are not markers', () => {
  assert.deepEqual(texts('a: |\n  ---\nb: ---x\n'), ['a: |\n  ---\nb: ---x\n']);
});

test('CRLF and BOM', () => {
  const input = '\uFEFF---\r\na: 1\r\n---\r\nb: 2\r\n';
  assert.deepEqual(texts(input), ['\uFEFF---\r\na: 1\r\n', '---\r\nb: 2\r\n']);
});

test('empty text is one empty chunk', () => {
  assert.deepEqual(texts(''), ['']);
});
