import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'namespace-invalid';
const DNS1123 =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const svc = (namespace: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: ${namespace}\nspec:\n  ports: [{port: 80}]\n`;

test('an upper-case namespace: exact message and suggestion', () => {
  const text = svc('Team_A');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'Team_A');
  assert.equal(
    finding.message,
    `metadata.namespace: Invalid value: "Team_A": ${DNS1123}\n` +
      "Namespace names are at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit, so no namespace can be called \"Team_A\" (a cluster answers: namespaces \"Team_A\" not found): did you mean team-a?",
  );
  assert.deepEqual(finding.data, { value: 'Team_A', suggestion: 'team-a' });
});

test('dots get their own API text', () => {
  const [finding] = findingsOf(svc('team.a'), RULE);
  assert.equal(finding.message.split('\n')[0], 'metadata.namespace: Invalid value: "team.a": must not contain dots');
});

for (const ok of ['default', 'kube-system', '123', '""', '42']) {
  test(`no finding for namespace ${ok}`, () => assert.deepEqual(findingsOf(svc(ok), RULE), []));
}
