import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'target-port-not-found';

const service = (targetPort: string, protocol = 'TCP') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      protocol: ${protocol}
      targetPort: ${targetPort}
`;

const deployment = (name: string, podSpec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
${podSpec}`;

const containers = (ports: string) => `      containers:
        - name: app
          ports: ${ports}
`;

const run = (svc: string, files: Record<string, string>) => findingsOf(svc, RULE, { others: files });

const cases: Array<[string, string, string, boolean]> = [
  ['declared name', service('http'), deployment('web', containers('[{name: http, containerPort: 8080}]')), false],
  ['name not declared', service('http'), deployment('web', containers('[{name: web, containerPort: 8080}]')), true],
  ['no container ports at all', service('http'), deployment('web', containers('[]')), true],
  ['declared by a sidecar (init container, restartPolicy Always)', service('http'),
    deployment('web', `      initContainers:\n        - name: proxy\n          restartPolicy: Always\n          ports: [{name: http, containerPort: 15001}]\n${containers('[]')}`), false],
  ['declared only by a plain init container', service('http'),
    deployment('web', `      initContainers:\n        - name: migrate\n          ports: [{name: http, containerPort: 15001}]\n${containers('[]')}`), true],
  ['same name, other protocol is protocol-mismatch', service('http', 'UDP'), deployment('web', containers('[{name: http, containerPort: 8080}]')), false],
  ['numeric targetPort is another rule', service('8080'), deployment('web', containers('[{name: web, containerPort: 9090}]')), false],
  ['invalid name (quoted number) is another rule', service('"8080"'), deployment('web', containers('[{name: web, containerPort: 9090}]')), false],
  ['templated name is not looked up', service('"{{ .Values.port }}"'), deployment('web', containers('[{name: web, containerPort: 9090}]')), false],
  ['pod template without containers tells nothing', service('http'), deployment('web', '      volumes: []\n'), false],
];

for (const [name, svc, workload, expected] of cases) {
  test(`${name} → ${expected ? 'warning' : 'no finding'}`, () => {
    assert.equal(run(svc, { 'file:///w/deploy.yaml': workload }).length, expected ? 1 : 0);
  });
}

test('nothing is reported when the Service selects no workload (selector-matches-nothing speaks then)', () => {
  assert.equal(run(service('http'), { 'file:///w/deploy.yaml': deployment('web', containers('[]')).replace('app: web', 'app: other') }).length, 0);
});

test('names the workload, what it declares, and the data a quick fix needs', () => {
  const svc = service('http');
  const [finding, ...rest] = run(svc, { 'file:///w/deploy.yaml': deployment('web', containers('[{name: web, containerPort: 8080}, {containerPort: 9090, protocol: UDP}]')) });
  assert.equal(rest.length, 0);
  assert.equal(covered(svc, finding), 'http');
  assert.equal(finding.severity, 'warning');
  assert.equal(
    finding.message,
    'Service `web` port 80 targets the container port named `http`, but Deployment `web` (deploy.yaml:2) has no port with that name ' +
      '(it declares 8080 `web` and 9090/UDP).\nPods without a port named `http` get no endpoint for port 80, so its traffic reaches no pod; ' +
      'set targetPort to a port the containers declare, or name the container port `http`.',
  );
  const data = finding.data as Record<string, unknown>;
  assert.equal(data.portIndex, 0);
  assert.equal(data.targetPort, 'http');
  assert.deepEqual(data.available, [
    { name: 'web', containerPort: 8080, protocol: 'TCP' },
    { name: undefined, containerPort: 9090, protocol: 'UDP' },
  ]);
  assert.deepEqual((data.missingIn as Array<{ name: string; line: number }>).map((w) => [w.name, w.line]), [['web', 2]]);
});

test('named ports resolve per pod: with two workloads selected, the one lacking the name is named', () => {
  const files = {
    'file:///w/v1.yaml': deployment('web-v1', containers('[{name: http, containerPort: 8080}]')),
    'file:///w/v2.yaml': deployment('web-v2', containers('[{name: web, containerPort: 9090}]')),
  };
  const [finding] = run(service('http'), files);
  assert.match(finding.message, /but Deployment `web-v2` \(v2\.yaml:2\) has no port with that name \(it declares 9090 `web`\); Deployment `web-v1` \(v1\.yaml:2\) does\.\n/);
  assert.match(finding.message, /only pods that declare `http` receive traffic on port 80/);
  // The same name on different numbers in each workload is fine: it is looked up per pod.
  const both = { ...files, 'file:///w/v2.yaml': deployment('web-v2', containers('[{name: http, containerPort: 9090}]')) };
  assert.equal(run(service('http'), both).length, 0);
});
