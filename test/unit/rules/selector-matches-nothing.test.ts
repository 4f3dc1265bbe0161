import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'selector-matches-nothing';

const service = (selector: string, namespace = '', type = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
${type ? `  type: ${type}\n  externalName: example.com\n` : ''}  selector: ${selector}
  ports:
    - port: 80
`;

const deployment = (labels: string, namespace = '', objectLabels = '{}') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: ${objectLabels}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  selector:
    matchLabels: {app: whatever}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers:
        - name: app
          image: nginx
`;

const run = (svc: string, workloads: Record<string, string>, settings = {}) => findingsOf(svc, RULE, { others: workloads, settings });

// [case, service, workload file text, expected finding?]
const cases: Array<[string, string, string, boolean]> = [
  ['labels match', service('{app: web}'), deployment('{app: web, tier: fe}'), false],
  ['value differs', service('{app: web}'), deployment('{app: web-v2}'), true],
  ['key case differs', service('{app: web}'), deployment('{App: web}'), true],
  ['a label is missing', service('{app: web, tier: fe}'), deployment('{app: web}'), true],
  ['no namespace vs explicit default', service('{app: web}'), deployment('{app: web}', 'default'), false],
  ['other namespace', service('{app: web}', 'shop'), deployment('{app: web}'), true],
  ['ExternalName is out of scope', service('{app: nothing}', '', 'ExternalName'), deployment('{app: web}'), false],
  ['no selector is another rule', service('').replace('  selector: \n', ''), deployment('{app: web}'), false],
  ['templated selector is not checked', service('{app: "{{ .Values.app }}"}'), deployment('{app: web}'), false],
  ['a Job pod template still matches', service('{app: web}'), deployment('{app: web}').replace('apps/v1', 'batch/v1').replace('kind: Deployment', 'kind: Job'), false],
  ['a selector using the Deployment pod-template-hash still matches', service('{app: web, pod-template-hash: abc}'), deployment('{app: web}'), false],
];

for (const [name, svc, workload, expected] of cases) {
  test(`${name} → ${expected ? 'warning' : 'no finding'}`, () => {
    assert.equal(run(svc, { 'file:///w/deploy.yaml': workload }).length, expected ? 1 : 0);
  });
}

test('names the labels, the namespace and the closest workload with its file and line', () => {
  const svc = service('{app: web}', 'shop');
  const [finding, ...rest] = run(svc, { 'file:///w/deploy.yaml': deployment('{app: web-v2}', 'shop') });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(covered(svc, finding), 'selector');
  assert.match(finding.message, /^Service `web` selects pods with `app=web`, but no workload in namespace `shop` in this workspace \(Deployment, /);
  assert.match(finding.message, /The closest is Deployment `web` \(deploy\.yaml:12\): its pods have `app=web-v2` instead of `app=web`\.\n/);
  const closest = (finding.data as { closest: Record<string, unknown> }).closest;
  assert.equal(closest.uri, 'file:///w/deploy.yaml');
  assert.equal(closest.line, 12);
  assert.deepEqual(closest.podLabels, { app: 'web-v2' });
  assert.deepEqual((closest.range as { start: unknown }).start, { line: 11, character: 14 });
  assert.deepEqual((finding.data as { selector: unknown }).selector, { app: 'web' });
  const [related] = finding.related ?? [];
  assert.deepEqual([related.uri, related.message], ['file:///w/deploy.yaml', 'Closest: Deployment web, pods labelled app=web-v2']);
});

test('a workload in another namespace with the right labels is named with both namespaces', () => {
  const [finding] = run(service('{app: web}', 'shop'), { 'file:///w/deploy.yaml': deployment('{app: web}') });
  assert.match(finding.message, /The closest is Deployment `web` \(deploy\.yaml:\d+\), but it has no namespace \(so it lands in `default` unless applied elsewhere\) while the Service is in `shop`; a Service only selects pods in its own namespace\./);
  assert.equal((finding.data as { closest: { namespaceDiffers: boolean } }).closest.namespaceDiffers, true);
});

test('labels on the Deployment itself but not on its pod template are called out', () => {
  const [finding] = run(service('{app: web}'), { 'file:///w/deploy.yaml': deployment('{run: web}', '', '{app: web}') });
  assert.match(finding.message, /whose own metadata\.labels match but whose pod template labels do not: a Service selects pods, not the workload object/);
});

test('an unrelated workload is not offered as the closest', () => {
  const [finding] = run(service('{app: frontend}'), { 'file:///w/deploy.yaml': deployment('{app: nginx}') });
  assert.doesNotMatch(finding.message, /closest/);
  assert.equal((finding.data as { closest?: unknown }).closest, undefined);
});

test('the closest of several workloads is the nearest miss', () => {
  const workloads = `${deployment('{app: api}')}---\n${deployment('{app: webb}').replace('name: web', 'name: webb')}`;
  const [finding] = run(service('{app: web}'), { 'file:///w/all.yaml': workloads });
  assert.match(finding.message, /The closest is Deployment `webb` \(all\.yaml:\d+\)/);
});

test('nothing is said when the workspace has no workloads at all (pods defined elsewhere)', () => {
  assert.equal(findingsOf(service('{app: web}'), RULE).length, 0);
});

test('pods created by an operator from a custom resource carrying the labels are assumed to match', () => {
  const prometheus = `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata:
  name: k8s
  namespace: monitoring
  labels: {app.kubernetes.io/name: prometheus}
`;
  const svc = service('{app.kubernetes.io/name: prometheus}', 'monitoring');
  const others = { 'file:///w/deploy.yaml': deployment('{app: other}', 'monitoring'), 'file:///w/prometheus.yaml': prometheus };
  assert.equal(run(svc, others).length, 0);
  // A core object with the same labels (a ConfigMap) creates no pods and proves nothing.
  const configMap = prometheus.replace('monitoring.coreos.com/v1', 'v1').replace('kind: Prometheus', 'kind: ConfigMap');
  assert.equal(run(svc, { ...others, 'file:///w/prometheus.yaml': configMap }).length, 1);
});

test('the matching workload may live in any file of the workspace', () => {
  const others = { 'file:///w/a.yaml': deployment('{app: other}'), 'file:///w/b/c.yaml': deployment('{app: web}') };
  assert.equal(run(service('{app: web}'), others).length, 0);
});

test('a severity setting changes or silences the rule', () => {
  const others = { 'file:///w/deploy.yaml': deployment('{app: api}') };
  assert.equal(run(service('{app: web}'), others, { severities: { [RULE]: 'error' } })[0].severity, 'error');
  assert.equal(run(service('{app: web}'), others, { severities: { [RULE]: 'off' } }).length, 0);
});
