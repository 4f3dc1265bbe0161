import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'target-port-invalid';
const svc = (targetPort: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    targetPort: ${targetPort}\n`;

test('a quoted number is a name: exact message, suggestion is the number', () => {
  const text = svc('"8080"');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '"8080"');
  assert.equal(
    finding.message,
    'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)\nA quoted targetPort is a container port name, not a number: remove the quotes to send traffic to port 8080.',
  );
  assert.deepEqual(finding.data, { portIndex: 0, value: '8080', suggestion: 8080 });
});

test('an out-of-range number', () => {
  const text = svc('123456');
  const [finding] = findingsOf(text, RULE);
  assert.equal(covered(text, finding), '123456');
  assert.equal(
    finding.message,
    'spec.ports[0].targetPort: Invalid value: 123456: must be between 1 and 65535, inclusive\ntargetPort is the port your Pods listen on: use a value from 1 to 65535.',
  );
});

test('an upper-case name: one line per failed IANA check, lower-case suggestion', () => {
  const [finding] = findingsOf(svc('HTTP'), RULE);
  assert.deepEqual(finding.message.split('\n'), [
    'spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    'spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)',
    "A named targetPort refers to a container port name: at most 15 lower-case letters, digits and '-', with at least one letter and no '-' at either end or twice in a row: did you mean http?",
  ]);
  assert.equal(finding.data?.suggestion, 'http');
});

test('a 16-character name', () => {
  const [finding] = findingsOf(svc("'n234567890123456'"), RULE);
  assert.equal(finding.message.split('\n')[0], 'spec.ports[0].targetPort: Invalid value: "n234567890123456": must be no more than 15 characters');
});

// 0 and "" are defaulted to `port`; a float or a boolean is a decode error (value-type).
for (const ok of ['8080', 'http', 'grpc-web', '0', '""', '', '80.5', 'true', 'n-3456789012345']) {
  test(`no finding for targetPort ${ok || '(null)'}`, () => assert.deepEqual(findingsOf(svc(ok), RULE), []));
}

test('a missing port does not make the defaulted targetPort a second error', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: http\n';
  assert.deepEqual(findingsOf(text, RULE), []);
});
