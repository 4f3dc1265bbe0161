import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'external-ips-deprecated';
const service = (type: string, extra: string, ips = '[203.0.113.10]') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
${extra}  externalIPs: ${ips}
  ports:
    - port: 80
`;

test('externalIPs warn with the 1.36 deprecation text, saying which versions print it', () => {
  const text = service('ClusterIP', '');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'externalIPs');
  assert.equal(finding.severity, 'warning');
  assert.equal(
    finding.message,
    'spec.externalIPs is deprecated and may no longer be implemented in some clusters\n' +
      'Kubernetes 1.36 deprecated this field (older API servers accept it without this warning) because it lets a Service capture traffic for any address; many clusters block it, so prefer a LoadBalancer Service or a Gateway.',
  );
  assert.deepEqual(finding.tags, ['deprecated']);
});

const cases: Array<[string, string, string, number]> = [
  ['NodePort', '', '[203.0.113.10]', 1],
  ['LoadBalancer', '', '[203.0.113.10]', 1],
  ['ClusterIP', '', '[]', 0],
  ['ClusterIP', '  clusterIP: None\n', '[203.0.113.10]', 0], // headless: ignored-field warning instead
  ['ExternalName', '  externalName: db.example.com\n', '[203.0.113.10]', 0], // ExternalName: ignored-field warning instead
];
for (const [type, extra, ips, expected] of cases) {
  test(`${type} ${extra.trim()} externalIPs ${ips} → ${expected}`, () => assert.equal(findingsOf(service(type, extra, ips), RULE).length, expected));
}
