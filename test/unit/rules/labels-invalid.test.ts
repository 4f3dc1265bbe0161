import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'labels-invalid';
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const KEY_RULES =
  "Label keys are an optional DNS-subdomain prefix and '/' followed by a name of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
const VALUE_RULES = "Label values are empty or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
const svc = (labels: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n${labels}\nspec:\n  ports: [{port: 80}]\n`;

test('an invalid value is reported on the value with the value as the printed value', () => {
  const text = svc('    owner: test@datree.io');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'test@datree.io');
  assert.equal(finding.message, `metadata.labels: Invalid value: "test@datree.io": ${LABEL_VALUE}\n${VALUE_RULES}: did you mean test-datree.io?`);
  assert.deepEqual(finding.data, { part: 'value', key: 'owner', value: 'test@datree.io', suggestion: 'test-datree.io' });
});

test('an invalid key is reported on the key with the key as the printed value', () => {
  const text = svc('    "my label": web');
  const [finding] = findingsOf(text, RULE);
  assert.equal(covered(text, finding), '"my label"');
  assert.equal(finding.message, `metadata.labels: Invalid value: "my label": ${NAME_PART}\n${KEY_RULES}: did you mean my-label?`);
});

test('a bad prefix and a too-long value', () => {
  const long = 'v'.repeat(64);
  const text = svc(`    Example.com/app: ${long}`);
  const findings = findingsOf(text, RULE);
  assert.deepEqual(findings.map((f) => covered(text, f)), ['Example.com/app', long]);
  assert.match(findings[0].message, /^metadata\.labels: Invalid value: "Example\.com\/app": prefix part a lowercase RFC 1123 subdomain must consist/);
  assert.equal(findings[0].data?.suggestion, 'example.com/app');
  assert.equal(findings[1].message.split('\n')[0], `metadata.labels: Invalid value: "${long}": must be no more than 63 characters`);
});

test('a value starting with a dot (".myrole")', () => {
  const [finding] = findingsOf(svc('    role: .myrole'), RULE);
  assert.equal(finding.data?.suggestion, 'myrole');
});

const quiet = [
  '    app: web',
  '    app.kubernetes.io/name: web',
  '    empty: ""',
  '    nothing:',
  '    version: 1.0', // a number: value-type reports it
  '    enabled: yes', // a YAML 1.1 boolean for Kubernetes: value-type reports it
  '    tier: my_value.v2',
];
for (const labels of quiet) {
  test(`no finding for ${labels.trim()}`, () => assert.deepEqual(findingsOf(svc(labels), RULE), []));
}
