import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'external-traffic-policy-invalid';
const service = (type: string, policy: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  externalTrafficPolicy: ${policy}
${extra}  selector:
    app: web
  ports:
    - port: 80
`;

test('a ClusterIP Service may not set externalTrafficPolicy', () => {
  const text = service('ClusterIP', 'Local');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'Local');
  assert.equal(
    finding.message,
    'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services\n' +
      'externalTrafficPolicy only governs traffic arriving through node ports, a load balancer or external IPs, which this ClusterIP Service does not receive; remove it.',
  );
  assert.deepEqual(finding.data, { type: 'ClusterIP' });
});

test('a mis-cased value on a NodePort Service suggests the right spelling', () => {
  const text = service('NodePort', 'local');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'local');
  assert.equal(finding.message, 'spec.externalTrafficPolicy: Unsupported value: "local": supported values: "Cluster", "Local"\nValues are case-sensitive: did you mean "Local"?');
  assert.deepEqual(finding.data, { suggestion: 'Local' });
});

test('an unknown value explains both policies', () => {
  const [finding] = findingsOf(service('LoadBalancer', 'OnlyLocal'), RULE);
  assert.match(finding.message, /^spec\.externalTrafficPolicy: Unsupported value: "OnlyLocal": supported values: "Cluster", "Local"\nUse Cluster \(the default/);
});

const cases: Array<[string, string, string, number]> = [
  ['NodePort', 'Cluster', '', 0],
  ['LoadBalancer', 'Local', '', 0],
  ['ClusterIP', 'Cluster', '', 1],
  ['ClusterIP', 'Local', '  externalIPs: [203.0.113.10]\n', 0], // externally accessible through externalIPs
  ['ClusterIP', 'Local', '  externalIPs: []\n', 1],
  ['ExternalName', 'Cluster', '  externalName: db.example.com\n', 1],
  ['NodePort', '""', '', 0], // defaulted to Cluster
  ['ClusterIP', '""', '', 0], // "" means unset
  ['ClusterIP', '', '', 0],
  ['Nodeport', 'Local', '', 0], // the invalid type is reported first by type-unsupported
];
for (const [type, policy, extra, expected] of cases) {
  test(`${type} externalTrafficPolicy ${policy || '(null)'} ${extra.trim()} → ${expected}`, () =>
    assert.equal(findingsOf(service(type, policy, extra), RULE).length, expected));
}
