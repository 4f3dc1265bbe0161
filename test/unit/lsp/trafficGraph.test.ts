import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isService, type ServiceModel } from '../../../server/src/kubernetes/model';
import { parseFile } from '../../../server/src/kubernetes/manifest';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { workloadSummary } from '../../../server/src/lsp/trafficGraph';
import { deployment } from '../../kit/traffic';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';
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
  const index = new WorkspaceIndex();
  const file = parseFile('file:///w/svc.yaml', text);
  index.set(file);
  others.forEach((other, i) => index.set(parseFile(`file:///w/other-${i}.yaml`, other)));
  const service = file.objects.map((o) => o.object).find(isService) as ServiceModel;
  return workloadSummary(service, { index });
}

test('counts workloads and their replicas across the workspace', () => {
  const port = '            - containerPort: 80\n';
  assert.equal(summary(SERVICE, [deployment('web', 'app: web', port, 3)]), '1 workload, 3 replicas');
  assert.equal(summary(SERVICE, [deployment('web', 'app: web', port, 3), deployment('canary', 'app: web', port, 1)]), '2 workloads, 4 replicas');
  assert.equal(summary(SERVICE, [deployment('one', 'app: web', port, 1)]), '1 workload, 1 replica');
});

test('DaemonSets run one pod per eligible node, so their pods are not counted as replicas', () => {
  assert.equal(summary(SERVICE, [DAEMONSET]), '1 workload, one pod per eligible node');
  assert.equal(summary(SERVICE, [DAEMONSET, deployment('web', 'app: web', '            - containerPort: 80\n', 2)]), '2 workloads, 2 replicas + DaemonSet pods');
});

test('says why there is nothing to count, and stays quiet where counting makes no sense', () => {
  assert.equal(summary(SERVICE), 'No matching workloads in the workspace');
  assert.equal(summary(SERVICE.replace('  selector:\n    app: web\n', '')), 'No selector: endpoints are managed outside this Service');
  assert.equal(summary(SERVICE.replace('app: web', 'app: "{{ .Values.app }}"')), undefined);
  assert.equal(summary(SERVICE.replace('spec:\n', 'spec:\n  type: ExternalName\n  externalName: db.example.com\n')), undefined);
});
