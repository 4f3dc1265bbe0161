import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { isService, type ServiceModel } from '../../../server/src/kubernetes/model';
import {
  describePort,
  isPortName,
  locate,
  namespaceOf,
  relatedAt,
  resolveTargetPort,
  selectedWorkloads,
  servicesSelecting,
  servingPorts,
} from '../../../server/src/kubernetes/selection';
import { deployment as workload } from '../../kit/manifests';
import { workspace as kitWorkspace } from '../../kit/workspace';

/** A workspace of in-memory files; returns the index and its first Service. */
function workspace(files: Record<string, string>): { index: WorkspaceIndex; service: ServiceModel } {
  const { index } = kitWorkspace(files);
  return { index, service: index.services()[0]?.object };
}

const svc = (selector: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
${extra}spec:
  selector: ${selector}
  ports:
    - port: 80
`;

/** Deployment `web` whose pods carry `labels` (flow YAML, written as given). */
const deployment = (labels: string, namespace?: string) => workload({ name: 'web', namespace, labels });

const selectedNames = (files: Record<string, string>) => {
  const { index } = workspace(files);
  return selectedWorkloads(index.services()[0], index).map((ref) => `${ref.object.kind}/${ref.object.name}`);
};

test('namespaceOf treats an unset namespace as default', () => {
  const { index } = workspace({ 'file:///a.yaml': `${deployment('{app: web}')}---\n${deployment('{app: web}', 'shop')}` });
  assert.deepEqual(
    index.workloads().map((ref) => namespaceOf(ref.object)),
    ['default', 'shop'],
  );
});

const selectionCases: Array<[string, string, string, string[]]> = [
  ['same labels, both without namespace', svc('{app: web}'), deployment('{app: web, tier: fe}'), ['Deployment/web']],
  ['no namespace matches explicit default', svc('{app: web}'), deployment('{app: web}', 'default'), ['Deployment/web']],
  ['other namespace does not match', svc('{app: web}'), deployment('{app: web}', 'shop'), []],
  ['Service in a namespace matches only that namespace', svc('{app: web}', '  namespace: shop\n'), deployment('{app: web}', 'shop'), ['Deployment/web']],
  ['every selector label must be on the pod', svc('{app: web, tier: fe}'), deployment('{app: web}'), []],
  ['values are compared exactly', svc('{app: Web}'), deployment('{app: web}'), []],
  ['a templated pod label may render to anything', svc('{app: web}'), deployment('{app: "{{ .Values.app }}"}'), ['Deployment/web']],
  ['pod-template-hash is added by the Deployment controller', svc('{app: web, pod-template-hash: 5d4f8c}'), deployment('{app: web}'), ['Deployment/web']],
  ['ExternalName selects nothing', svc('{app: web}').replace('spec:\n', 'spec:\n  type: ExternalName\n'), deployment('{app: web}'), []],
  ['an empty selector selects nothing', svc('{}'), deployment('{app: web}'), []],
];

for (const [name, service, workload, expected] of selectionCases) {
  test(`selectedWorkloads: ${name}`, () => {
    assert.deepEqual(selectedNames({ 'file:///svc.yaml': service, 'file:///deploy.yaml': workload }), expected);
  });
}

test('servicesSelecting is the reverse lookup, for hovers on a workload', () => {
  const other = svc('{app: api}').replace('name: web', 'name: api');
  const { index } = workspace({ 'file:///s.yaml': `${svc('{app: web}')}---\n${other}`, 'file:///d.yaml': deployment('{app: web}') });
  const names = servicesSelecting(index.workloads()[0].object, index).map((ref) => ref.object.name);
  assert.deepEqual(names, ['web']);
});

test('Job and CronJob pods are selected, including by the job-name label of a Job', () => {
  const job = `apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    metadata: {labels: {app: tools}}
    spec: {containers: [{name: c}]}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: tools}}
        spec: {containers: [{name: c}]}
`;
  assert.deepEqual(selectedNames({ 'file:///s.yaml': svc('{app: tools}'), 'file:///j.yaml': job }), ['Job/migrate', 'CronJob/nightly']);
  assert.deepEqual(selectedNames({ 'file:///s.yaml': svc('{job-name: migrate}'), 'file:///j.yaml': job }), ['Job/migrate', 'CronJob/nightly']);
  assert.deepEqual(selectedNames({ 'file:///s.yaml': svc('{batch.kubernetes.io/job-name: other}'), 'file:///j.yaml': job }), ['CronJob/nightly']);
});

test('StatefulSet pods carry their pod name and index within the ordinal range', () => {
  const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: redis}
spec:
  replicas: 3
  ordinals: {start: 1}
  template:
    metadata: {labels: {app: redis}}
    spec: {containers: [{name: c}]}
`;
  const pick = (selector: string) => selectedNames({ 'file:///s.yaml': svc(selector), 'file:///r.yaml': sts });
  assert.deepEqual(pick('{statefulset.kubernetes.io/pod-name: redis-1}'), ['StatefulSet/redis']);
  assert.deepEqual(pick('{statefulset.kubernetes.io/pod-name: redis-3}'), ['StatefulSet/redis']);
  assert.deepEqual(pick('{statefulset.kubernetes.io/pod-name: redis-0}'), []);
  assert.deepEqual(pick('{statefulset.kubernetes.io/pod-name: redis-4}'), []);
  assert.deepEqual(pick('{apps.kubernetes.io/pod-index: "2"}'), ['StatefulSet/redis']);
  assert.deepEqual(pick('{statefulset.kubernetes.io/pod-name: other-1}'), []);
});

const pod = `apiVersion: v1
kind: Pod
metadata: {name: p, labels: {app: web}}
spec:
  initContainers:
    - name: migrate
      ports: [{name: http, containerPort: 1111}]
    - name: proxy
      restartPolicy: Always
      ports: [{name: http, containerPort: 2222}, {name: dns, containerPort: 53, protocol: UDP}]
  containers:
    - name: app
      ports: [{name: http, containerPort: 8080}, {containerPort: 9090}]
`;

test('servingPorts: regular containers first, then sidecars; plain init containers never serve', () => {
  const { index } = workspace({ 'file:///p.yaml': pod });
  const ports = servingPorts(index.workloads()[0].object).map((p) => `${p.container.name}:${describePort(p.port)}`);
  assert.deepEqual(ports, ['app:8080 `http`', 'app:9090', 'proxy:2222 `http`', 'proxy:53/UDP `dns`']);
});

test('resolveTargetPort follows FindPort: a name needs the same protocol, a number is used as is', () => {
  const service = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports:
    - {name: a, port: 80, targetPort: http}
    - {name: b, port: 53, targetPort: dns}
    - {name: c, port: 53, targetPort: dns, protocol: UDP}
    - {name: d, port: 81, targetPort: 7777}
    - {name: e, port: 82, targetPort: "8080"}
    - {name: f, port: 9090, protocol: UDP}
`;
  const { index } = workspace({ 'file:///s.yaml': service, 'file:///p.yaml': pod });
  const model = index.services()[0].object;
  const workload = index.workloads()[0].object;
  const [a, b, c, d, e, f] = model.ports.map((p) => resolveTargetPort(p, workload));
  assert.equal(a?.resolved, true);
  assert.equal(a?.podPort, 8080, 'the regular container wins over the sidecar');
  assert.deepEqual([b?.resolved, b?.matches.length, b?.otherProtocol.length], [false, 0, 1]);
  assert.deepEqual([c?.resolved, c?.podPort], [true, 53]);
  assert.deepEqual([d?.resolved, d?.podPort, d?.matches.length, d?.declaresPorts], [true, 7777, 0, true]);
  assert.equal(e, undefined, 'a quoted number is not a valid port name and is not looked up');
  assert.deepEqual([f?.matches.length, f?.otherProtocol.length], [0, 1]);
  assert.ok(isService(model));
});

test('isPortName accepts IANA service names only', () => {
  for (const ok of ['http', 'http-web', 'h2c', 'a1', 'metrics-port-15']) assert.equal(isPortName(ok), true, ok);
  for (const bad of ['8080', 'HTTP', '-web', 'web-', 'a--b', 'sixteen-chars-xx', '{{ .Values.port }}', '']) assert.equal(isPortName(bad), false, bad);
});

test('locate gives the 1-based line of an object in a multi-document file and its path in the workspace folder', () => {
  const text = `# comment\napiVersion: v1\nkind: ConfigMap\n---\n${deployment('{app: web}')}`;
  const { index } = workspace({ 'file:///w/dir%20x/deploy.yaml': text });
  index.setRoots(['file:///w']);
  const where = locate(index.workloads()[0], index);
  assert.equal(where.file, 'dir x/deploy.yaml');
  assert.equal(where.line, 6);
  assert.deepEqual(where.range.start, { line: 5, character: 6 });
  const related = relatedAt(index.workloads()[0], 'here');
  assert.equal(text.slice(related.start, related.end), 'Deployment');
});
