import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'health-check-nodeport-invalid';
const service = (type: string, policy: string, port: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  externalTrafficPolicy: ${policy}
  healthCheckNodePort: ${port}
  selector:
    app: web
  ports:
    - port: 80
`;

test('a health-check port without LoadBalancer + Local is rejected', () => {
  const text = service('NodePort', 'Local', '30100');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '30100');
  assert.equal(
    finding.message,
    "spec.healthCheckNodePort: Invalid value: 30100: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'\n" +
      'Kubernetes only opens a health-check node port for LoadBalancer Services with externalTrafficPolicy: Local; remove healthCheckNodePort.',
  );
  assert.deepEqual(finding.data, { value: 30100 });
});

test('an out-of-range port fails allocation with an internal error', () => {
  const text = service('LoadBalancer', 'Local', '40000');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '40000');
  assert.equal(
    finding.message,
    'Internal error occurred: failed to allocate requested HealthCheck NodePort 40000: provided port is not in the valid range. The range of valid ports is 30000-32767\n' +
      'The health-check port is a node port like any other: choose one from 30000-32767, or remove healthCheckNodePort and Kubernetes allocates one.',
  );
  assert.deepEqual(finding.data, { value: 40000, range: { first: 30000, last: 32767 } });
});

const cases: Array<[string, string, string, number]> = [
  ['LoadBalancer', 'Local', '30100', 0],
  ['LoadBalancer', 'Local', '0', 0], // allocate one
  ['LoadBalancer', 'Local', '-1', 1],
  ['LoadBalancer', 'Cluster', '30100', 1],
  ['LoadBalancer', 'local', '30100', 1], // only the exact "Local" needs a health check
  ['ClusterIP', '""', '30100', 1],
  ['LoadBalancer', 'Cluster', '0', 0],
  ['LoadBalancer', 'Local', '"30100"', 0], // a string is a type error
  ['Loadbalancer', 'Local', '30100', 0], // invalid type: its own error first
];
for (const [type, policy, port, expected] of cases) {
  test(`${type}/${policy} healthCheckNodePort ${port} → ${expected}`, () => assert.equal(findingsOf(service(type, policy, port), RULE).length, expected));
}

test('honours a configured node-port range', () => {
  const settings = { nodePortRange: { first: 20000, last: 22767 } };
  assert.equal(findingsOf(service('LoadBalancer', 'Local', '21000'), RULE, { settings }).length, 0);
  assert.match(findingsOf(service('LoadBalancer', 'Local', '30100'), RULE, { settings })[0].message, /The range of valid ports is 20000-22767\n/);
});
