import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'service-name-invalid';
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const RULES = "Service names become DNS names, so they may only hold lower-case letters, digits and '-', must start with a letter, end with a letter or digit and be at most 63 characters";
const svc = (metadata: string) => `apiVersion: v1\nkind: Service\nmetadata:\n${metadata}\nspec:\n  ports: [{port: 80}]\n`;

test('a mixed-case name: exact message, value covered, suggestion in data', () => {
  const text = svc('  name: My_Service');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'My_Service');
  assert.equal(finding.message, `metadata.name: Invalid value: "My_Service": ${DNS1035}\n${RULES}: did you mean my-service?`);
  assert.deepEqual(finding.data, { field: 'metadata.name', value: 'My_Service', suggestion: 'my-service' });
});

test('a name starting with a digit (valid for most objects, not for Services)', () => {
  const text = svc('  name: 1st-api');
  const [finding] = findingsOf(text, RULE);
  assert.equal(finding.message, `metadata.name: Invalid value: "1st-api": ${DNS1035}\n${RULES}: did you mean st-api?`);
});

test('too long AND invalid: one line per API error', () => {
  const name = `Web${'x'.repeat(61)}`;
  const text = svc(`  name: ${name}`);
  const [finding] = findingsOf(text, RULE);
  assert.deepEqual(finding.message.split('\n').slice(0, 2), [
    `metadata.name: Invalid value: "${name}": must be no more than 63 characters`,
    `metadata.name: Invalid value: "${name}": ${DNS1035}`,
  ]);
});

test('generateName: trailing dash tolerated, other problems reported on metadata.generateName', () => {
  assert.deepEqual(findingsOf(svc('  generateName: web-'), RULE), []);
  const text = svc('  generateName: Web-');
  const [finding] = findingsOf(text, RULE);
  assert.equal(covered(text, finding), 'Web-');
  assert.equal(finding.message, `metadata.generateName: Invalid value: "Web-": ${DNS1035}\n${RULES}: did you mean web-?`);
});

const quiet = ['  name: web', '  name: a', '  name: my-svc-2', '  name: ""', '  name: 42', '  generateName: ""'];
for (const metadata of quiet) {
  test(`no finding for ${metadata.trim()}`, () => assert.deepEqual(findingsOf(svc(metadata), RULE), []));
}

test('web.api: dots are not allowed in Service names', () => {
  const [finding] = findingsOf(svc('  name: web.api'), RULE);
  assert.match(finding.message, /^metadata\.name: Invalid value: "web\.api": a DNS-1035 label/);
  assert.equal(finding.data?.suggestion, 'web-api');
});
