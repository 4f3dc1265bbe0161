import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/kubernetes/manifest';
import { isService, isWorkload, type ServiceModel, type WorkloadModel } from '../../../server/src/kubernetes/model';

const objects = (text: string) => parseFile('file:///t.yaml', text).objects.map((o) => o.object);

test('recognises a Service with effective defaults', () => {
  const [svc] = objects(`apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports:
  - port: 80
  - port: 53
    protocol: UDP
    targetPort: dns
    nodePort: 0
`) as ServiceModel[];
  assert.ok(isService(svc));
  assert.equal(svc.name, 'web');
  assert.equal(svc.namespace, 'shop');
  assert.equal(svc.type, 'ClusterIP');
  assert.deepEqual(svc.selector, { app: 'web' });
  assert.deepEqual(
    svc.ports.map((p) => [p.port, p.targetPort, p.protocol, p.nodePort]),
    [
      [80, 80, 'TCP', undefined],
      [53, 'dns', 'UDP', undefined],
    ],
  );
});

test('Knative and other groups named Service are not core Services', () => {
  const [knative] = objects('apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: k}\n');
  assert.equal(isService(knative), false);
});

test('List items, workloads and their pod templates', () => {
  const list = objects(`apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    replicas: 3
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
        - name: c
          ports: [{name: http, containerPort: 8080}]
- apiVersion: batch/v1
  kind: CronJob
  metadata: {name: cron}
  spec: {jobTemplate: {spec: {template: {metadata: {labels: {job: x}}, spec: {containers: []}}}}}
- apiVersion: v1
  kind: Pod
  metadata: {name: p, labels: {run: p}}
  spec: {containers: [{name: a}]}
- apiVersion: apps/v1
  kind: DaemonSet
  metadata: {name: ds}
`);
  const workloads = list.filter(isWorkload) as WorkloadModel[];
  assert.deepEqual(
    workloads.map((w) => [w.kind, w.name, w.replicas, w.podLabels]),
    [
      ['Deployment', 'web', 3, { app: 'web' }],
      ['CronJob', 'cron', 1, { job: 'x' }],
      ['Pod', 'p', 1, { run: 'p' }],
      ['DaemonSet', 'ds', undefined, {}],
    ],
  );
  assert.deepEqual(
    workloads[0].containers[0].ports.map((p) => [p.name, p.containerPort, p.protocol]),
    [['http', 8080, 'TCP']],
  );
  assert.equal(list[0].path, 'items[0]');
});

test('non-Kubernetes YAML yields no objects', () => {
  assert.deepEqual(objects('version: "3"\nservices:\n  web: {image: nginx}\n'), []);
  assert.deepEqual(objects('- a\n- b\n'), []);
  assert.deepEqual(objects(''), []);
  assert.deepEqual(objects('kind: Service\n'), []);
});

test('reparsing reuses unchanged chunks', () => {
  const a = 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n';
  const b = '---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\n';
  const first = parseFile('file:///t.yaml', a + b);
  const second = parseFile('file:///t.yaml', a.replace('name: a', 'name: a2') + b, first);
  assert.notEqual(second.chunks[0].parsed, first.chunks[0].parsed);
  assert.equal(second.chunks[1].parsed, first.chunks[1].parsed);
  assert.equal(second.chunks[1].start, a.length + 1);
});

test('identical documents in one file are distinct objects', () => {
  const doc = '---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\n';
  const first = parseFile('file:///t.yaml', doc + doc);
  const second = parseFile('file:///t.yaml', doc + doc, first);
  assert.notEqual(second.chunks[0].parsed, second.chunks[1].parsed);
});

test('documents of kinds nothing here looks at are scanned, not composed', () => {
  const file = parseFile(
    'file:///t.yaml',
    'apiVersion: v1\nkind: ConfigMap\ndata: {a: b\n---\napiVersion: v1\nkind: "Service"\nmetadata: {name: s}\n---\napiVersion: v1\nkind: ServiceList\nitems: []\n',
  );
  assert.deepEqual(
    file.chunks.map((c) => c.parsed.skippedKind),
    ['ConfigMap', undefined, undefined],
  );
  // Skipped documents report nothing, not even their YAML errors: they are not what this extension checks.
  assert.deepEqual(file.chunks[0].parsed.syntaxErrors, []);
  assert.equal(file.objects.length, 1);
});

test('a chunk whose kind a line scan cannot be sure of is composed', () => {
  const twoDocs = parseFile('file:///t.yaml', 'apiVersion: v1\nkind: ConfigMap\n...\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n');
  assert.equal(twoDocs.chunks[0].parsed.skippedKind, undefined);
  assert.deepEqual(
    twoDocs.objects.map((o) => o.object.kind),
    ['ConfigMap', 'Service'],
  );
  const flow = parseFile('file:///t.yaml', '{apiVersion: v1, kind: Service, metadata: {name: s}}\n');
  assert.equal(flow.objects.length, 1);
});
