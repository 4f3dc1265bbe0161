import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'protocol-unsupported';
const svc = (protocol: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 53\n    protocol: ${protocol}\n`;
const UNSUPPORTED = (value: string) => `spec.ports[0].protocol: Unsupported value: "${value}": supported values: "SCTP", "TCP", "UDP"`;

test('lower-case tcp: did you mean TCP', () => {
  const text = svc('tcp');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'tcp');
  assert.equal(finding.message, `${UNSUPPORTED('tcp')}\nProtocol names are case-sensitive: did you mean TCP?`);
  assert.deepEqual(finding.data, { portIndex: 0, value: 'tcp', suggestion: 'TCP' });
});

test('HTTP: runs over TCP, appProtocol offered', () => {
  const [finding] = findingsOf(svc('HTTP'), RULE);
  assert.equal(
    finding.message,
    `${UNSUPPORTED('HTTP')}\nHTTP runs over TCP and a Service port only names the transport: use protocol: TCP (and appProtocol: http to name the application protocol).`,
  );
  assert.deepEqual(finding.data, { portIndex: 0, value: 'HTTP', suggestion: 'TCP', appProtocol: 'http' });
});

test('gRPC and HTTP/2: TCP without an appProtocol guess', () => {
  for (const value of ['gRPC', 'HTTP/2']) {
    const [finding] = findingsOf(svc(JSON.stringify(value)), RULE);
    assert.equal(finding.data?.suggestion, 'TCP');
    assert.equal(finding.data?.appProtocol, undefined);
  }
});

test('TCP/UDP: one protocol per entry, no single suggestion', () => {
  const [finding] = findingsOf(svc('TCP/UDP'), RULE);
  assert.match(finding.message, /\nA port entry has exactly one protocol: write two entries with the same port number/);
  assert.equal(finding.data?.suggestion, undefined);
});

const suggestions: Array<[string, string | undefined]> = [
  ['Udp', 'UDP'],
  ['sctp', 'SCTP'],
  ['TPC', 'TCP'],
  ['ICMP', undefined],
];
for (const [value, suggestion] of suggestions) {
  test(`${value} → suggestion ${suggestion}`, () => {
    const [finding] = findingsOf(svc(value), RULE);
    assert.equal(finding.data?.suggestion, suggestion);
    if (!suggestion) assert.match(finding.message, /\nUse TCP \(the default when omitted\), UDP or SCTP\.$/);
  });
}

for (const ok of ['TCP', 'UDP', 'SCTP', '""', '6', 'yes']) {
  test(`no finding for protocol ${ok}`, () => assert.deepEqual(findingsOf(svc(ok), RULE), []));
}
