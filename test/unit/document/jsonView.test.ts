import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, isMap } from 'yaml';
import { jsonKey, jsonView, resolvePlain } from '../../../server/src/document/jsonView';

// What kubectl's YAML 1.1 conversion (sigs.k8s.io/yaml, goyaml.v2/resolve.go) sends for a plain scalar.
const plain: Array<[string, string, string?]> = [
  ['yes', 'bool'],
  ['No', 'bool'],
  ['on', 'bool'],
  ['OFF', 'bool'],
  ['y', 'bool'],
  ['n', 'bool'],
  ['true', 'bool'],
  ['False', 'bool'],
  ['~', 'null'],
  ['', 'null'],
  ['Null', 'null'],
  ['80', 'number', '80'],
  ['+80', 'number', '80'],
  ['1_000', 'number', '1000'],
  ['0777', 'number', '511'],
  ['0o17', 'number', '15'],
  ['0x50', 'number', '80'],
  ['-0x10', 'number', '-16'],
  ['0b101', 'number', '5'],
  ['080', 'number', '80'],
  ['80.0', 'number', '80'],
  ['30080.5', 'number', '30080.5'],
  ['1e3', 'number', '1000'],
  ['.5', 'number', '0.5'],
  ['99999999999', 'number', '99999999999'],
  ['99999999999999999999', 'number', '100000000000000000000'],
  ['1e21', 'number', '1e+21'],
  ['.inf', 'unencodable'],
  ['.NaN', 'unencodable'],
  ['2024-01-01', 'string'],
  ['10.0.0.1', 'string'],
  ['web', 'string'],
  ['yess', 'string'],
  ['-', 'string'],
  ['0x', 'string'],
];

for (const [text, kind, numberText] of plain) {
  test(`plain \`${text}\` reaches the API server as ${kind}${numberText ? ` ${numberText}` : ''}`, () => {
    const view = resolvePlain(text);
    assert.equal(view.kind, kind);
    assert.equal(view.numberText, numberText);
  });
}

test('YAML 1.1-only booleans are marked so messages can explain them; YAML 1.2 booleans are not', () => {
  assert.equal(resolvePlain('yes').yaml11Bool, 'yes');
  assert.equal(resolvePlain('Off').yaml11Bool, 'Off');
  assert.equal(resolvePlain('true').yaml11Bool, undefined);
});

const viewOf = (yaml: string) => {
  const doc = parseDocument(`v: ${yaml}\n`);
  const map = doc.contents;
  assert.ok(isMap(map));
  return jsonView(map.items[0].value as never, doc);
};

test('quoted and block scalars are strings whatever they look like; !!str forces a string', () => {
  assert.deepEqual([viewOf('"80"').kind, viewOf("'yes'").kind, viewOf('|\n  80').kind, viewOf('!!str 80').kind], ['string', 'string', 'string', 'string']);
  assert.equal(viewOf('"80"').quoted, true);
  assert.equal(viewOf('"80"').text, '80');
});

test('collections, missing values and aliases', () => {
  assert.equal(viewOf('[1]').kind, 'array');
  assert.equal(viewOf('{a: 1}').kind, 'object');
  assert.equal(viewOf('').kind, 'null');
  const doc = parseDocument('a: &p 80\nb: *p\n');
  assert.ok(isMap(doc.contents));
  assert.deepEqual(jsonView(doc.contents.items[1].value as never, doc).numberText, '80');
});

test('map keys are converted like sigs.k8s.io/yaml does: booleans and numbers become their JSON text', () => {
  const doc = parseDocument('on: 1\n"on": 2\n80: 3\nname: 4\n');
  assert.ok(isMap(doc.contents));
  assert.deepEqual(
    doc.contents.items.map((pair) => jsonKey(pair.key)),
    ['true', 'on', '80', 'name'],
  );
});
