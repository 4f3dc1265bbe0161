import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'port-name-invalid';
const DNS1123 =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const svc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: ${name}\n    port: 80\n`;

test('an upper-case name: exact message and suggestion', () => {
  const text = svc('HTTP_Web');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'HTTP_Web');
  assert.equal(
    finding.message,
    `spec.ports[0].name: Invalid value: "HTTP_Web": ${DNS1123}\nPort names may only hold lower-case letters, digits and '-', start and end with a letter or digit and be at most 63 characters: did you mean http-web?`,
  );
  assert.deepEqual(finding.data, { portIndex: 0, value: 'HTTP_Web', suggestion: 'http-web' });
});

test('dots: the API says "must not contain dots"', () => {
  const [finding] = findingsOf(svc('http.web'), RULE);
  assert.equal(finding.message.split('\n')[0], 'spec.ports[0].name: Invalid value: "http.web": must not contain dots');
});

test('64 characters: length text', () => {
  const name = 'a'.repeat(64);
  const [finding] = findingsOf(svc(name), RULE);
  assert.equal(finding.message.split('\n')[0], `spec.ports[0].name: Invalid value: "${name}": must be no more than 63 characters`);
});

// A Service port name may be longer than 15 characters and start with a digit (unlike container port names).
for (const ok of ['http', 'grpc-web', 'a-very-long-port-name-1', '8080', '""', '80']) {
  test(`no finding for name ${ok}`, () => assert.deepEqual(findingsOf(svc(ok), RULE), []));
}
