import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'protocol-mismatch';

const service = (port: string) => `apiVersion: v1
kind: Service
metadata:
  name: dns
spec:
  selector: {app: dns}
  ports:
    - ${port}
`;

const statefulSet = (ports: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: coredns
spec:
  template:
    metadata:
      labels: {app: dns}
    spec:
      containers:
        - name: dns
          ports: ${ports}
`;

const run = (svc: string, workload: string) => findingsOf(svc, RULE, { others: { 'file:///w/dns.yaml': workload } });

const cases: Array<[string, string, string, boolean]> = [
  ['named, same protocol', '{port: 53, protocol: UDP, targetPort: dns}', '[{name: dns, containerPort: 53, protocol: UDP}]', false],
  ['named, other protocol', '{port: 53, protocol: UDP, targetPort: dns}', '[{name: dns, containerPort: 53}]', true],
  ['named, Service protocol defaulted to TCP', '{port: 53, targetPort: dns}', '[{name: dns, containerPort: 53, protocol: UDP}]', true],
  ['named, declared for both protocols', '{port: 53, protocol: UDP, targetPort: dns}', '[{name: dns, containerPort: 53}, {name: dns-udp, containerPort: 53, protocol: UDP}]', true],
  ['numeric, same protocol', '{port: 53, protocol: UDP}', '[{containerPort: 53, protocol: UDP}]', false],
  ['numeric, other protocol', '{port: 53, protocol: UDP}', '[{containerPort: 53}]', true],
  ['numeric, declared for both protocols', '{port: 53, protocol: UDP}', '[{containerPort: 53}, {containerPort: 53, protocol: UDP}]', false],
  ['numeric, undeclared is another rule', '{port: 53, protocol: UDP}', '[{containerPort: 8080}]', false],
  ['SCTP against TCP', '{port: 9000, protocol: SCTP}', '[{containerPort: 9000}]', true],
];

for (const [name, port, ports, expected] of cases) {
  test(`${name} → ${expected ? 'warning' : 'no finding'}`, () => {
    assert.equal(run(service(port), statefulSet(ports)).length, expected ? 1 : 0);
  });
}

test('a named port with another protocol is not found at all: the message says the pods get no endpoint', () => {
  const svc = service('{port: 53, protocol: UDP, targetPort: dns}');
  const [finding] = run(svc, statefulSet('[{name: dns, containerPort: 53}]'));
  assert.equal(finding.severity, 'warning');
  assert.equal(covered(svc, finding), 'UDP');
  assert.equal(
    finding.message,
    'Service `dns` port 53/UDP targets the port named `dns`, but StatefulSet `coredns` (dns.yaml:2) declares `dns` only for TCP.\n' +
      'A named targetPort matches only a container port with the same name and protocol, so these pods get no endpoint for this port; use the same protocol on both sides.',
  );
  const data = finding.data as Record<string, unknown>;
  assert.deepEqual([data.portIndex, data.serviceProtocol, data.containerProtocols, data.targetPort], [0, 'UDP', ['TCP'], 'dns']);
  const workload = statefulSet('[{name: dns, containerPort: 53}]');
  const [related] = finding.related ?? [];
  assert.equal(related.message, 'Declared for TCP in StatefulSet coredns');
  assert.equal(workload.slice(related.start, related.end), '{name: dns, containerPort: 53}');
});

test('a numeric mismatch asks which protocol the app uses and is reported on the port when protocol is defaulted', () => {
  const svc = service('{port: 53}');
  const [finding] = run(svc, statefulSet('[{containerPort: 53, protocol: UDP}]'));
  assert.equal(covered(svc, finding), '53');
  assert.match(finding.message, /^Service `dns` port 53\/TCP sends TCP to port 53 of the pods, but StatefulSet `coredns` \(dns\.yaml:2\) declares 53 only for UDP\.\n/);
  assert.match(finding.message, /otherwise set protocol: UDP on the Service port\.$/);
});
