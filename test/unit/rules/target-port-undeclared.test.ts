import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'target-port-undeclared';

const service = (portLines: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
    - name: http
${portLines}`;

const pod = (ports: string, init = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
${init}  containers:
    - name: app
      ports: ${ports}
`;

const run = (svc: string, workload: string) => findingsOf(svc, RULE, { others: { 'file:///w/pod.yaml': workload } });

const cases: Array<[string, string, string, boolean]> = [
  ['declared number', '      port: 80\n      targetPort: 8080\n', pod('[{containerPort: 8080}]'), false],
  ['undeclared number while others are declared', '      port: 80\n      targetPort: 8081\n', pod('[{containerPort: 8080}]'), true],
  ['pods declare no ports at all: nothing to compare', '      port: 80\n      targetPort: 8081\n', pod('[]'), false],
  ['targetPort omitted defaults to port', '      port: 8080\n', pod('[{containerPort: 8080}]'), false],
  ['targetPort omitted, port undeclared', '      port: 80\n', pod('[{containerPort: 8080}]'), true],
  ['targetPort: 0 defaults to port', '      port: 8080\n      targetPort: 0\n', pod('[{containerPort: 8080}]'), false],
  ['declared by a sidecar', '      port: 80\n      targetPort: 15001\n', pod('[{containerPort: 8080}]', '  initContainers:\n    - name: proxy\n      restartPolicy: Always\n      ports: [{containerPort: 15001}]\n'), false],
  ['same number, other protocol is protocol-mismatch', '      port: 53\n', pod('[{containerPort: 53, protocol: UDP}]'), false],
  ['named targetPort is another rule', '      port: 80\n      targetPort: web\n', pod('[{containerPort: 8080}]'), false],
];

for (const [name, ports, workload, expected] of cases) {
  test(`${name} → ${expected ? 'information' : 'no finding'}`, () => {
    assert.equal(run(service(ports), workload).length, expected ? 1 : 0);
  });
}

test('says that undeclared ports still work, on the targetPort value, with the declared ports as data', () => {
  const svc = service('      port: 80\n      targetPort: 8081\n');
  const [finding] = run(svc, pod('[{name: http, containerPort: 8080}]'));
  assert.equal(finding.severity, 'information');
  assert.equal(covered(svc, finding), '8081');
  assert.equal(
    finding.message,
    'Service `web` port 80 sends traffic to port 8081 of the pods, but Pod `web` (pod.yaml:2) declares only 8080 `http`.\n' +
      'Undeclared ports still work (containerPort is informational), but check that the app really listens on 8081.',
  );
  const data = finding.data as { portIndex: number; targetPort: number; declared: unknown[] };
  assert.deepEqual([data.portIndex, data.targetPort], [0, 8081]);
  assert.deepEqual(data.declared, [{ name: 'http', containerPort: 8080, protocol: 'TCP', workload: 'web' }]);
});

test('a defaulted targetPort is reported on the port value and says so', () => {
  const svc = service('      port: 80\n');
  const [finding] = run(svc, pod('[{containerPort: 8080}]'));
  assert.equal(covered(svc, finding), '80');
  assert.match(finding.message, /sends traffic to port 80 of the pods \(targetPort defaults to port\), but/);
});
