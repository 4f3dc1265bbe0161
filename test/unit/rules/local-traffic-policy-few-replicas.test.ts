import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'local-traffic-policy-few-replicas';

const service = (type: string, policy = 'Local', extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: ingress
spec:
  type: ${type}
  externalTrafficPolicy: ${policy}
${extra}  selector: {app: ingress}
  ports:
    - port: 80
      nodePort: 30080
`;

const workload = (kind: string, replicas: string) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ingress
spec:
${replicas ? `  replicas: ${replicas}\n` : ''}  template:
    metadata:
      labels: {app: ingress}
    spec:
      containers: [{name: c}]
`;

const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: ingress, labels: {app: ingress}}\nspec: {containers: [{name: c}]}\n';

const run = (svc: string, files: Record<string, string>) => findingsOf(svc, RULE, { others: files });

const cases: Array<[string, string, string, string | undefined]> = [
  ['NodePort, 1 replica', service('NodePort'), workload('Deployment', '1'), 'warning'],
  ['NodePort, replicas omitted (defaults to 1)', service('NodePort'), workload('Deployment', ''), 'warning'],
  ['NodePort, 3 replicas', service('NodePort'), workload('Deployment', '3'), undefined],
  ['NodePort, a single Pod', service('NodePort'), pod, 'warning'],
  ['LoadBalancer, 1 replica: health checks steer traffic', service('LoadBalancer'), workload('Deployment', '1'), 'information'],
  ['LoadBalancer, 0 replicas', service('LoadBalancer'), workload('Deployment', '0'), 'warning'],
  ['DaemonSet runs everywhere', service('NodePort'), workload('DaemonSet', ''), undefined],
  ['StatefulSet with 1 replica', service('NodePort'), workload('StatefulSet', '1'), 'warning'],
  ['Cluster policy', service('NodePort', 'Cluster'), workload('Deployment', '1'), undefined],
  ['ClusterIP rejects the field: another rule', service('ClusterIP'), workload('Deployment', '1'), undefined],
  ['ClusterIP with externalIPs is externally accessible', service('ClusterIP', 'Local', '  externalIPs: [203.0.113.10]\n'), workload('Deployment', '1'), 'warning'],
  ['templated replicas is unknown', service('NodePort'), workload('Deployment', '"{{ .Values.replicas }}"'), undefined],
  ['nothing selected', service('NodePort'), workload('Deployment', '1').replace('app: ingress', 'app: other'), undefined],
];

for (const [name, svc, file, expected] of cases) {
  test(`${name} → ${expected ?? 'no finding'}`, () => {
    const findings = run(svc, { 'file:///w/workload.yaml': file });
    assert.deepEqual(findings.map((f) => f.severity), expected ? [expected] : []);
  });
}

test('NodePort: says which node answers, on the externalTrafficPolicy value', () => {
  const svc = service('NodePort');
  const [finding] = run(svc, { 'file:///w/workload.yaml': workload('Deployment', '1') });
  assert.equal(covered(svc, finding), 'Local');
  assert.equal(
    finding.message,
    'Service `ingress` has `externalTrafficPolicy: Local`, which sends external traffic only to pods on the node that received it, and ' +
      "Deployment `ingress` (workload.yaml:2) runs 1 pod: only the node running that pod answers on node port 30080; connections to any other node's IP are dropped.\n" +
      'Run at least 2 replicas spread over nodes, or use `externalTrafficPolicy: Cluster` if you do not need the client source IP.',
  );
  assert.equal((finding.data as { pods: number }).pods, 1);
});

test('LoadBalancer: explains the health check node port', () => {
  const [finding] = run(service('LoadBalancer'), { 'file:///w/workload.yaml': workload('Deployment', '1') });
  assert.match(finding.message, /the load balancer's health checks \(healthCheckNodePort\) pass only on the node running that pod/);
});

test('an autoscaler decides how few pods there may be', () => {
  const hpa = (min: string) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: ingress-hpa}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ingress}
${min}  maxReplicas: 10
`;
  const files = (min: string) => ({ 'file:///w/workload.yaml': workload('Deployment', '3'), 'file:///w/hpa.yaml': hpa(min) });
  const [finding] = run(service('NodePort'), files(''));
  assert.match(finding.message, /Deployment `ingress` \(workload\.yaml:2\) may scale down to 1 \(HorizontalPodAutoscaler `ingress-hpa`\)/);
  assert.equal(run(service('NodePort'), files('  minReplicas: 2\n')).length, 0);
});

test('replicas of several selected workloads add up', () => {
  const files = { 'file:///w/a.yaml': pod, 'file:///w/b.yaml': workload('Deployment', '1') };
  assert.equal(run(service('NodePort'), files).length, 0);
});
