import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'session-affinity-timeout-invalid';
const service = (affinity: string, timeout: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  sessionAffinity: ${affinity}
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: ${timeout}
  selector:
    app: web
  ports:
    - port: 80
`;

test('a zero timeout is rejected on its value', () => {
  const text = service('ClientIP', '0');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '0');
  assert.equal(
    finding.message,
    'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400\n' +
      'The stickiness timeout must be 1 to 86400 seconds (one day); remove timeoutSeconds to get the default of 10800 (3 hours).',
  );
  assert.deepEqual(finding.data, { value: 0, min: 1, max: 86400, default: 10800 });
});

const cases: Array<[string, string, number]> = [
  ['ClientIP', '1', 0],
  ['ClientIP', '10800', 0],
  ['ClientIP', '86400', 0], // accepted despite "less than 86400"
  ['ClientIP', '86401', 1],
  ['ClientIP', '-5', 1],
  ['ClientIP', '', 0], // null: defaulted to 10800
  ['ClientIP', '"60"', 0], // a string is a type error
  ['None', '0', 0], // the config is dropped with None (session-affinity-config-ignored)
  ['clientip', '0', 0], // an invalid affinity is session-affinity-invalid's
];
for (const [affinity, timeout, expected] of cases) {
  test(`${affinity} with timeoutSeconds ${timeout || '(null)'} → ${expected}`, () => assert.equal(findingsOf(service(affinity, timeout), RULE).length, expected));
}
