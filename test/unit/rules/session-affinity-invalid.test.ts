import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'session-affinity-invalid';
const service = (affinity: string, type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  sessionAffinity: ${affinity}
  selector:
    app: web
  ports:
    - port: 80
`;

test('a mis-cased value suggests ClientIP', () => {
  const text = service('clientip');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'clientip');
  assert.equal(finding.message, 'spec.sessionAffinity: Unsupported value: "clientip": supported values: "ClientIP", "None"\nValues are case-sensitive: did you mean "ClientIP"?');
  assert.deepEqual(finding.data, { suggestion: 'ClientIP' });
});

test('an unknown value explains both options', () => {
  const text = service('Cookie');
  const [finding] = findingsOf(text, RULE);
  assert.equal(
    finding.message,
    'spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"\n' +
      'Use None (the default) or ClientIP, which keeps sending each client IP to the same Pod.',
  );
  assert.equal(finding.data, undefined);
});

const cases: Array<[string, number]> = [
  ['None', 0],
  ['ClientIP', 0],
  ['""', 0], // defaulted to None
  ['', 0],
  ['none', 1],
  ['CLIENTIP', 1],
  ['1', 0], // a number is a type error
];
for (const [affinity, expected] of cases) {
  test(`sessionAffinity ${affinity || '(null)'} → ${expected}`, () => assert.equal(findingsOf(service(affinity), RULE).length, expected));
}

test('ExternalName Services are validated too', () => assert.equal(findingsOf(service('sticky', 'ExternalName'), RULE).length, 1));
