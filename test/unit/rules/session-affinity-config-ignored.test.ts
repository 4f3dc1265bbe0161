import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'session-affinity-config-ignored';
const service = (affinity: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${affinity}  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 600
  selector:
    app: web
  ports:
    - port: 80
`;

test('a config without ClientIP affinity is flagged on its key as having no effect', () => {
  const text = service('');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'sessionAffinityConfig');
  assert.equal(finding.severity, 'warning');
  assert.equal(
    finding.message,
    'spec.sessionAffinityConfig has no effect: sessionAffinity is None, so the API server discards this config.\n' +
      'Add sessionAffinity: ClientIP if connections from one client should keep going to the same Pod.',
  );
  assert.deepEqual(finding.data, { suggestion: 'ClientIP' });
  assert.deepEqual(finding.tags, ['unnecessary']);
});

const cases: Array<[string, number]> = [
  ['  sessionAffinity: None\n', 1],
  ['  sessionAffinity: ""\n', 1],
  ['  sessionAffinity: ClientIP\n', 0],
  ['  sessionAffinity: clientip\n', 0], // an error of its own
];
for (const [affinity, expected] of cases) {
  test(`${affinity.trim()} → ${expected}`, () => assert.equal(findingsOf(service(affinity), RULE).length, expected));
}

test('no config, no finding', () => {
  const text = service('').replace(/  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 600\n/, '');
  assert.equal(findingsOf(text, RULE).length, 0);
});
