import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isService, type ServiceModel } from '../../../server/src/kubernetes/model';
import { workloadSummary } from '../../../server/src/lsp/trafficGraph';
import { deployment, service } from '../../kit/manifests';
import { workspace } from '../../kit/workspace';

const SERVICE = service({ name: 'web', selector: { app: 'web' }, ports: [{ port: 80 }] });
const DAEMONSET = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: agent
          image: example/agent:1
`;

/** The CodeLens text for the first Service of `text`, with `others` as the rest of the workspace. */
function summary(text: string, others: string[] = []): string | undefined {
  const files = workspace({ 'svc.yaml': text, ...Object.fromEntries(others.map((other, i) => [`other-${i}.yaml`, other])) });
  const service = files
    .file('svc.yaml')
    .objects.map((o) => o.object)
    .find(isService) as ServiceModel;
  return workloadSummary(service, { index: files.index, uri: files.file('svc.yaml').uri });
}

const pods = (name: string, replicas: number) => deployment({ name, labels: { app: 'web' }, matchLabels: true, replicas, ports: [{ containerPort: 80 }] });

test('counts workloads and their replicas across the workspace', () => {
  assert.equal(summary(SERVICE, [pods('web', 3)]), '1 workload, 3 replicas');
  assert.equal(summary(SERVICE, [pods('web', 3), pods('canary', 1)]), '2 workloads, 4 replicas');
  assert.equal(summary(SERVICE, [pods('one', 1)]), '1 workload, 1 replica');
});

test('DaemonSets run one pod per eligible node, so their pods are not counted as replicas', () => {
  assert.equal(summary(SERVICE, [DAEMONSET]), '1 workload, one pod per eligible node');
  assert.equal(summary(SERVICE, [DAEMONSET, pods('web', 2)]), '2 workloads, 2 replicas + DaemonSet pods');
});

test('says why there is nothing to count, and stays quiet where counting makes no sense', () => {
  assert.equal(summary(SERVICE), 'No matching workloads in the workspace');
  assert.equal(summary(SERVICE.replace('  selector:\n    app: web\n', '')), 'No selector: endpoints are managed outside this Service');
  assert.equal(summary(SERVICE.replace('app: web', 'app: "{{ .Values.app }}"')), undefined);
  assert.equal(summary(SERVICE.replace('spec:\n', 'spec:\n  type: ExternalName\n  externalName: db.example.com\n')), undefined);
});
