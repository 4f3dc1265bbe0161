import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';
import type { ClusterProfile } from '../../../server/src/analysis/settings';

const RULE = 'loadbalancer-pending';

const service = (type: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
${extra}  selector: {app: web}
  ports:
    - port: 80
`;

const run = (text: string, clusterProfile: ClusterProfile, others: Record<string, string> = {}) =>
  findingsOf(text, RULE, { settings: { clusterProfile }, others });

const cases: Array<[string, string, ClusterProfile, string | undefined]> = [
  ['unknown profile says nothing', service('LoadBalancer'), 'unknown', undefined],
  ['cloud profile says nothing', service('LoadBalancer'), 'cloud', undefined],
  ['bare metal', service('LoadBalancer'), 'bare-metal', 'warning'],
  ['local', service('LoadBalancer'), 'local', 'information'],
  ['NodePort is not affected', service('NodePort'), 'bare-metal', undefined],
  ['ClusterIP is not affected', service('ClusterIP'), 'local', undefined],
];

for (const [name, text, profile, expected] of cases) {
  test(`${name} → ${expected ?? 'no finding'}`, () => {
    assert.deepEqual(run(text, profile).map((f) => f.severity), expected ? [expected] : []);
  });
}

test('bare metal: names MetalLB and what still works, on the type value', () => {
  const text = service('LoadBalancer');
  const [finding] = run(text, 'bare-metal');
  assert.equal(covered(text, finding), 'LoadBalancer');
  assert.equal(
    finding.message,
    'Kubernetes has no built-in load balancer: on a bare-metal cluster, Service `web` gets no external address (EXTERNAL-IP stays `<pending>`) until ' +
      'a load-balancer implementation such as MetalLB (configured with an IPAddressPool and an L2Advertisement or BGPAdvertisement) assigns one. ' +
      'Meanwhile it still works as a NodePort Service: <node IP>:<nodePort> reaches it.',
  );
});

test('local: names what kind, minikube and k3s need', () => {
  const [finding] = run(service('LoadBalancer'), 'local');
  assert.match(finding.message, /On kind run cloud-provider-kind, on minikube run `minikube tunnel`; k3s and k3d provide one \(ServiceLB\) unless it is disabled\./);
});

test('no node ports allocated: the NodePort fallback is not promised', () => {
  const [finding] = run(service('LoadBalancer', '  allocateLoadBalancerNodePorts: false\n'), 'bare-metal');
  assert.doesNotMatch(finding.message, /NodePort/);
});

test('a loadBalancerClass needs the implementation of that class', () => {
  const [finding] = run(service('LoadBalancer', '  loadBalancerClass: example.com/internal-vip\n'), 'local');
  assert.match(finding.message, /until the load-balancer implementation that handles loadBalancerClass `example\.com\/internal-vip` assigns one\./);
  assert.doesNotMatch(finding.message, /minikube/);
});

test('an address already in status, or a MetalLB pool in the workspace, shows an implementation exists', () => {
  const withStatus = `${service('LoadBalancer')}status:\n  loadBalancer:\n    ingress:\n      - ip: 192.0.2.10\n`;
  assert.equal(run(withStatus, 'bare-metal').length, 0);
  const pool = 'apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: first-pool\n  namespace: metallb-system\nspec:\n  addresses: [192.168.10.0/24]\n';
  assert.equal(run(service('LoadBalancer'), 'bare-metal', { 'file:///w/metallb.yaml': pool }).length, 0);
});
