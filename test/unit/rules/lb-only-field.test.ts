import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'lb-only-field';
const service = (type: string, spec: string, annotations = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
${annotations}spec:
  type: ${type}
${spec}  selector:
    app: web
  ports:
    - port: 80
`;

test('loadBalancerSourceRanges on a NodePort Service is forbidden, reported on the key', () => {
  const text = service('NodePort', '  loadBalancerSourceRanges: [10.0.0.0/8]\n');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'loadBalancerSourceRanges');
  assert.equal(
    finding.message,
    "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'\n" +
      'loadBalancerSourceRanges (who may reach the cloud load balancer) only applies to LoadBalancer Services, and this one is NodePort: remove it or set type: LoadBalancer.',
  );
  assert.deepEqual(finding.data, { field: 'loadBalancerSourceRanges', type: 'NodePort' });
});

test('the legacy annotation, allocateLoadBalancerNodePorts and loadBalancerClass', () => {
  const annotations = '  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: ""\n';
  const text = service('ClusterIP', '  allocateLoadBalancerNodePorts: false\n  loadBalancerClass: example.com/internal\n', annotations);
  const findings = findingsOf(text, RULE);
  assert.deepEqual(findings.map((f) => covered(text, f)), ['service.beta.kubernetes.io/load-balancer-source-ranges', 'allocateLoadBalancerNodePorts', 'loadBalancerClass']);
  assert.deepEqual(
    findings.map((f) => f.message.split('\n')[0]),
    [
      "metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Forbidden: may only be used when `type` is 'LoadBalancer'",
      "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
      "spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ],
  );
});

const cases: Array<[string, string, string, number]> = [
  ['LoadBalancer', '  loadBalancerSourceRanges: [10.0.0.0/8]\n  allocateLoadBalancerNodePorts: false\n  loadBalancerClass: x\n', '', 0],
  ['NodePort', '  loadBalancerSourceRanges: []\n', '', 0], // empty list: nothing set
  ['ExternalName', '  externalName: db.example.com\n  loadBalancerClass: ""\n', '', 1], // "" is still set
  ['NodePort', '  allocateLoadBalancerNodePorts:\n', '', 0], // null is unset
  ['ClusterIP', '  loadBalancerSourceRanges: [10.0.0.0/8]\n', '  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8"\n', 1],
  ['ClusterIP', '  loadBalancerIP: 203.0.113.10\n', '', 0], // not validated at all
  ['loadbalancer', '  loadBalancerSourceRanges: [10.0.0.0/8]\n', '', 0], // invalid type: its own error first
];
for (const [type, spec, annotations, expected] of cases) {
  test(`${type}: ${(spec + annotations).replace(/\s+/g, ' ').trim()} → ${expected}`, () =>
    assert.equal(findingsOf(service(type, spec, annotations), RULE).length, expected));
}
