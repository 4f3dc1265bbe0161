import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import {
  decodedInt32,
  decodedIntOrString,
  decodedString,
  goLen,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  maskTrailingDash,
  nameIsDNS1035Label,
  regexError,
} from '../../../../server/src/kubernetes/validation/names';

// Exact texts from staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go and pkg/api/validate/content/kube.go.
const DNS1123_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_LABEL =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

test('regexError reproduces Go\'s double space before "or"', () => {
  assert.equal(regexError('msg', 're'), "msg (regex used for validation is 're')");
  assert.equal(regexError('msg', 're', 'a', 'b'), "msg (e.g. 'a',  or 'b', regex used for validation is 're')");
});

test('goLen counts UTF-8 bytes like Go len()', () => {
  assert.equal(goLen('abc'), 3);
  assert.equal(goLen('ä'), 2);
  assert.equal(goLen('😀'), 4);
});

const dns1123Label: Array<[string, string[]]> = [
  ['a', []],
  ['my-name', []],
  ['123-abc', []],
  ['0', []],
  ['a'.repeat(63), []],
  ['a'.repeat(64), ['must be no more than 63 characters']],
  ['A'.repeat(64), ['must be no more than 63 characters', DNS1123_LABEL]],
  ['My-Name', [DNS1123_LABEL]],
  ['-abc', [DNS1123_LABEL]],
  ['abc-', [DNS1123_LABEL]],
  ['a_b', [DNS1123_LABEL]],
  ['', [DNS1123_LABEL]],
  ['a.b', ['must not contain dots']],
  ['a..b', [DNS1123_LABEL]],
  ['ä', [DNS1123_LABEL]],
];
for (const [value, expected] of dns1123Label) {
  test(`isDNS1123Label(${JSON.stringify(value.length > 20 ? `${value.slice(0, 5)}…x${value.length}` : value)})`, () => {
    assert.deepEqual(isDNS1123Label(value), expected);
  });
}

test('isDNS1123Label counts bytes: 62 ASCII + one 2-byte letter exceeds 63', () => {
  assert.deepEqual(isDNS1123Label(`${'a'.repeat(62)}ä`), ['must be no more than 63 characters', DNS1123_LABEL]);
});

const dns1123Subdomain: Array<[string, string[]]> = [
  ['example.com', []],
  ['a', []],
  ['1.2.3.4', []],
  ['my-db.prod.svc.cluster.local', []],
  ['Example.com', [DNS1123_SUBDOMAIN]],
  ['example..com', [DNS1123_SUBDOMAIN]],
  ['.example.com', [DNS1123_SUBDOMAIN]],
  ['example.com.', [DNS1123_SUBDOMAIN]],
  ['https://example.com', [DNS1123_SUBDOMAIN]],
  ['a_b.com', [DNS1123_SUBDOMAIN]],
  ['', [DNS1123_SUBDOMAIN]],
  [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, []],
  [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, ['must be no more than 253 characters']],
];
for (const [value, expected] of dns1123Subdomain) {
  test(`isDNS1123Subdomain(${JSON.stringify(value.length > 30 ? `len ${value.length}` : value)})`, () => {
    assert.deepEqual(isDNS1123Subdomain(value), expected);
  });
}

const dns1035Label: Array<[string, string[]]> = [
  ['web', []],
  ['my-name', []],
  ['abc-123', []],
  ['a', []],
  ['1web', [DNS1035_LABEL]],
  ['Web', [DNS1035_LABEL]],
  ['web-', [DNS1035_LABEL]],
  ['web.api', [DNS1035_LABEL]], // no "must not contain dots" here: IsDNS1035Label has no such branch
  ['', [DNS1035_LABEL]],
  ['a'.repeat(64), ['must be no more than 63 characters']],
  [`1${'a'.repeat(63)}`, ['must be no more than 63 characters', DNS1035_LABEL]],
];
for (const [value, expected] of dns1035Label) {
  test(`isDNS1035Label(${JSON.stringify(value.length > 20 ? `len ${value.length}` : value)})`, () => {
    assert.deepEqual(isDNS1035Label(value), expected);
  });
}

test('maskTrailingDash replaces the last two characters with "a", like apimachinery', () => {
  assert.equal(maskTrailingDash('web-'), 'wea');
  assert.equal(maskTrailingDash('a-'), 'a');
  assert.equal(maskTrailingDash('web'), 'web');
  assert.equal(maskTrailingDash('-'), '-');
  assert.deepEqual(nameIsDNS1035Label('web-', true), []);
  assert.deepEqual(nameIsDNS1035Label('web-', false), [DNS1035_LABEL]);
  assert.deepEqual(nameIsDNS1035Label('1web-', true), [DNS1035_LABEL]);
  assert.deepEqual(nameIsDNS1035Label('-', true), [DNS1035_LABEL]);
});

const qualifiedNames: Array<[string, string[]]> = [
  ['app', []],
  ['MyName', []],
  ['my.name', []],
  ['123-abc', []],
  ['app.kubernetes.io/name', []],
  ['kubernetes.io/h2c', []],
  ['a_b', []],
  ['HTTP', []],
  ['my name', [NAME_PART]],
  ['-app', [NAME_PART]],
  ['app_', [NAME_PART]],
  ['', ['name part must be non-empty', NAME_PART]],
  ['example.com/', ['name part must be non-empty', NAME_PART]],
  ['/app', ['prefix part must be non-empty']],
  ['Example.com/app', [`prefix part ${DNS1123_SUBDOMAIN}`]],
  ['example_com/app', [`prefix part ${DNS1123_SUBDOMAIN}`]],
  ['Example.com/my app', [`prefix part ${DNS1123_SUBDOMAIN}`, NAME_PART]],
  ['a'.repeat(63), []],
  ['a'.repeat(64), ['name part must be no more than 63 characters']],
  [`x/${'-'.repeat(64)}`, ['name part must be no more than 63 characters', NAME_PART]],
  [
    'a/b/c',
    [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ],
  ],
];
for (const [value, expected] of qualifiedNames) {
  test(`isQualifiedName(${JSON.stringify(value.length > 30 ? `len ${value.length}` : value)})`, () => {
    assert.deepEqual(isQualifiedName(value), expected);
  });
}

test('isQualifiedName: a 254-character prefix gets both subdomain texts, prefixed', () => {
  assert.deepEqual(isQualifiedName(`${'a'.repeat(254)}/x`), ['prefix part must be no more than 253 characters']);
});

const labelValues: Array<[string, string[]]> = [
  ['', []],
  ['web', []],
  ['MyValue', []],
  ['my_value', []],
  ['12345', []],
  ['v1.2.3', []],
  ['a'.repeat(63), []],
  ['a'.repeat(64), ['must be no more than 63 characters']],
  ['.myrole', [LABEL_VALUE]],
  ['my value', [LABEL_VALUE]],
  ['test@datree.io', [LABEL_VALUE]],
  ['a/b', [LABEL_VALUE]],
  [`-${'a'.repeat(63)}`, ['must be no more than 63 characters', LABEL_VALUE]],
];
for (const [value, expected] of labelValues) {
  test(`isValidLabelValue(${JSON.stringify(value.length > 20 ? `len ${value.length}` : value)})`, () => {
    assert.deepEqual(isValidLabelValue(value), expected);
  });
}

const ONLY = 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)';
const LETTER = 'must contain at least one letter (a-z)';
const DOUBLE = 'must not contain consecutive hyphens';
const ENDS = 'must not begin or end with a hyphen';
const portNames: Array<[string, string[]]> = [
  ['http', []],
  ['grpc-web', []],
  ['h2', []],
  ['a'.repeat(15), []],
  ['a'.repeat(16), ['must be no more than 15 characters']],
  ['8080', [LETTER]],
  ['HTTP', [ONLY, LETTER]],
  ['http_alt', [ONLY]],
  ['a--b', [DOUBLE]],
  ['-http', [ENDS]],
  ['http-', [ENDS]],
  ['', [ONLY, LETTER]],
  ['-', [LETTER, ENDS]],
  ['-Ab--', [ONLY, DOUBLE, ENDS]],
  ['--------------16', ['must be no more than 15 characters', LETTER, DOUBLE, ENDS]],
];
for (const [value, expected] of portNames) {
  test(`isValidPortName(${JSON.stringify(value)})`, () => {
    assert.deepEqual(isValidPortName(value), expected);
  });
}

test('isValidPortNum accepts 1-65535 only', () => {
  for (const ok of [1, 80, 65535]) assert.deepEqual(isValidPortNum(ok), []);
  for (const bad of [0, -1, 65536, 123456]) assert.deepEqual(isValidPortNum(bad), ['must be between 1 and 65535, inclusive']);
});

/** The value node of `v:` in a one-line YAML document. */
function valueNode(yaml: string) {
  const doc = parseDocument(`v: ${yaml}`);
  const pair = (doc.contents as unknown as { items: Array<{ value: never }> }).items[0];
  return { node: pair.value, doc };
}

test('decodedString: strings, absent/null, and what Kubernetes would not decode as a string', () => {
  const cases: Array<[string, string | null | undefined]> = [
    ['web', 'web'],
    ['"80"', '80'],
    ["'yes'", 'yes'],
    ['""', ''],
    ['', null],
    ['null', null],
    ['~', null],
    ['80', undefined],
    ['true', undefined],
    ['yes', undefined], // YAML 1.1 boolean for sigs.k8s.io/yaml
    ['off', undefined],
    ['[a]', undefined],
    ['{a: b}', undefined],
  ];
  for (const [yaml, expected] of cases) {
    const { node, doc } = valueNode(yaml);
    assert.equal(decodedString(node, doc), expected, yaml);
  }
  assert.equal(decodedString(undefined), null);
});

test('decodedInt32 / decodedIntOrString', () => {
  const ints: Array<[string, number | null | undefined]> = [
    ['80', 80],
    ['0', 0],
    ['-1', -1],
    ['2147483647', 2147483647],
    ['2147483648', undefined],
    ['80.5', undefined],
    ['"80"', undefined],
    ['', null],
    ['[80]', undefined],
  ];
  for (const [yaml, expected] of ints) {
    const { node, doc } = valueNode(yaml);
    assert.equal(decodedInt32(node, doc), expected, yaml);
  }
  const intOrString: Array<[string, number | string | null | undefined]> = [
    ['8080', 8080],
    ['"8080"', '8080'],
    ['http', 'http'],
    ['', null],
    ['8080.5', undefined],
    ['true', undefined],
  ];
  for (const [yaml, expected] of intOrString) {
    const { node, doc } = valueNode(yaml);
    assert.equal(decodedIntOrString(node, doc), expected, yaml);
  }
});
