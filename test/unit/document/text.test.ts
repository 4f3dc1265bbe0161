import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/document/text';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile } from '../../../server/src/kubernetes/manifest';
import { positionMapper } from '../../../server/src/document/positions';

test('positions count UTF-16 code units, as LSP requires', () => {
  const text = 'a: "😀x"\nb: 1';
  const lines = new LineIndex(text);
  // The emoji is two code units, so 'x' sits at character 6 of line 0.
  assert.deepEqual(lines.positionAt(text.indexOf('x')), { line: 0, character: 6 });
  assert.deepEqual(lines.positionAt(text.indexOf('b')), { line: 1, character: 0 });
});

test('CRLF and lone CR end lines', () => {
  const lines = new LineIndex('a\r\nb\rc');
  assert.equal(lines.lineCount, 3);
  assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(lines.positionAt(5), { line: 2, character: 0 });
});

test('offsetAt is the inverse of positionAt and clamps', () => {
  const text = 'ab\ncd\n';
  const lines = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) assert.equal(lines.offsetAt(lines.positionAt(offset)), offset);
  assert.equal(lines.offsetAt({ line: 9, character: 0 }), text.length);
  assert.equal(lines.offsetAt({ line: 0, character: 99 }), 3);
  assert.deepEqual(lines.positionAt(999), lines.positionAt(text.length));
});

test('every feature maps positions as LineIndex does, also through an open document, CRLF corners included', () => {
  const text = 'a: 1\r\nb:\r\n  - x\r\r\n\nc: "y"\r\n';
  const file = parseFile('file:///w/a.yaml', text);
  const document = TextDocument.create(file.uri, 'yaml', 1, text);
  const lines = new LineIndex(text);
  const mapped = positionMapper(file, document);
  for (let offset = 0; offset <= text.length; offset++) {
    assert.deepEqual(mapped.positionAt(offset), lines.positionAt(offset), `offset ${offset}`);
    assert.equal(mapped.offsetAt(lines.positionAt(offset)), lines.offsetAt(lines.positionAt(offset)), `back from offset ${offset}`);
  }
});
