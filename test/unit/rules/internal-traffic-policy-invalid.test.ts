import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'internal-traffic-policy-invalid';
const service = (policy: string, type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  internalTrafficPolicy: ${policy}
  selector:
    app: web
  ports:
    - port: 80
`;

test('a mis-cased value suggests the right spelling', () => {
  const text = service('local');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'local');
  assert.equal(finding.message, 'spec.internalTrafficPolicy: Unsupported value: "local": supported values: "Cluster", "Local"\nValues are case-sensitive: did you mean "Local"?');
  assert.deepEqual(finding.data, { suggestion: 'Local' });
});

test('an unknown value explains both options', () => {
  const [finding] = findingsOf(service('Node'), RULE);
  assert.equal(
    finding.message,
    'spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"\n' +
      'Use Cluster (the default: any ready Pod) or Local (only Pods on the same node as the client).',
  );
});

const cases: Array<[string, string, number]> = [
  ['Cluster', 'ClusterIP', 0],
  ['Local', 'NodePort', 0],
  ['', 'ClusterIP', 0], // null: defaulted
  ['""', 'ClusterIP', 1], // a written empty string is not defaulted
  ['cluster', 'LoadBalancer', 1],
  ['Local', 'ExternalName', 0],
  ['Nope', 'ExternalName', 1],
  ['true', 'ClusterIP', 0], // a boolean is a type error
];
for (const [policy, type, expected] of cases) {
  test(`${type} internalTrafficPolicy ${policy || '(null)'} → ${expected}`, () => assert.equal(findingsOf(service(policy, type), RULE).length, expected));
}
