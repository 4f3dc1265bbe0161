import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'nodeport-collision';
const service = (name: string, ports: string, type = 'NodePort', extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: ${type}
${extra}  selector:
    app: ${name}
  ports:
${ports}`;
const port = (name: string, number: number, nodePort?: number, protocol?: string) =>
  `    - name: ${name}\n      port: ${number}\n${protocol ? `      protocol: ${protocol}\n` : ''}${nodePort === undefined ? '' : `      nodePort: ${nodePort}\n`}`;

test('one node port asked for by two port numbers of one Service', () => {
  const text = service('web', port('http', 80, 30080) + port('https', 443, 30080));
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(finding.start, text.lastIndexOf('30080'));
  assert.equal(covered(text, finding), '30080');
  assert.equal(
    finding.message,
    'spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated\n' +
      'ports[0] of this Service already asks for node port 30080; when the Service is created, two entries may share a node port only when they have the same port number, so choose another nodePort or remove it.',
  );
  const first = text.indexOf('30080');
  assert.deepEqual(finding.data, {
    portIndex: 1,
    value: 30080,
    conflicts: [{ uri: 'file:///workspace/test.yaml', name: 'web', namespace: undefined, portIndex: 0, start: first, end: first + 5 }],
  });
  assert.deepEqual(finding.related, [{ uri: 'file:///workspace/test.yaml', start: first, end: first + 5, message: 'ports[0] already asks for node port 30080' }]);
});

test('a health-check port equal to one of its own node ports', () => {
  const text = service('edge', port('http', 80, 30080), 'LoadBalancer', '  externalTrafficPolicy: Local\n  healthCheckNodePort: 30080\n');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(finding.start, text.indexOf('30080'));
  assert.equal(
    finding.message,
    'Internal error occurred: failed to allocate requested HealthCheck NodePort 30080: provided port is already allocated\n' +
      'ports[0] of this Service already asks for node port 30080; the health-check port cannot share a node port, so choose another healthCheckNodePort or remove it.',
  );
});

test('another Service in another file holds the node port', () => {
  const text = service('web', port('http', 80, 30080));
  const other = `# first line\n${service('api', port('http', 8080, 30080))}`;
  const [finding, ...rest] = findingsOf(text, RULE, { others: { 'file:///workspace/api%20svc.yaml': other } });
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '30080');
  assert.equal(
    finding.message,
    'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n' +
      'Service "api" (api svc.yaml, line 13) also asks for node port 30080; a node port belongs to one Service in the whole cluster, ' +
      'so whichever is created second is refused: choose another nodePort or remove it to get a free one.',
  );
  const start = other.indexOf('30080');
  assert.deepEqual(finding.data, {
    portIndex: 0,
    value: 30080,
    conflicts: [{ uri: 'file:///workspace/api%20svc.yaml', name: 'api', namespace: undefined, line: 12, start, end: start + 5 }],
  });
  assert.deepEqual(finding.related, [
    { uri: 'file:///workspace/api%20svc.yaml', start, end: start + 5, message: 'Service "api" (api svc.yaml, line 13) also asks for node port 30080' },
  ]);
});

test('a health-check node port counts too, and namespaces do not separate node ports', () => {
  const lb = service('edge', port('http', 80), 'LoadBalancer', '  externalTrafficPolicy: Local\n  healthCheckNodePort: 30090\n');
  const other = service('api', port('http', 80, 30090)).replace('  name: api\n', '  name: api\n  namespace: other\n');
  const [finding] = findingsOf(lb, RULE, { others: { 'file:///workspace/api.yaml': other } });
  assert.equal(covered(lb, finding), '30090');
  assert.match(finding.message, /^Internal error occurred: failed to allocate requested HealthCheck NodePort 30090: provided port is already allocated\nService "other\/api" \(api\.yaml, line 13\) also asks/);
  const [back] = findingsOf(other, RULE, { others: { 'file:///workspace/lb.yaml': lb } });
  assert.match(back.message, /^spec\.ports\[0\]\.nodePort: Invalid value: 30090: provided port is already allocated\nService "edge" \(lb\.yaml, line 8\)/);
});

const single: Array<[string, string, string, string, number]> = [
  ['same port number, different protocols share one node port', 'NodePort', '', port('dns', 53, 30053, 'UDP') + port('dns-tcp', 53, 30053, 'TCP'), 0],
  ['same port number, second entry reuses the first node port', 'NodePort', '', port('a', 53, 30053, 'UDP') + port('b', 53, undefined, 'TCP'), 0],
  ['different protocols, different port numbers still collide', 'NodePort', '', port('a', 53, 30053, 'UDP') + port('b', 54, 30053, 'TCP'), 1],
  ['the first entry of a port number takes a later entry\'s request', 'NodePort', '', port('a', 80) + port('b', 443, 30080) + port('c', 80, 30080), 1],
  ['distinct node ports', 'NodePort', '', port('a', 80, 30080) + port('b', 443, 30443), 0],
  ['out-of-range ports are nodeport-out-of-range\'s', 'NodePort', '', port('a', 80, 80) + port('b', 443, 80), 0],
  ['ClusterIP Services allocate no node ports', 'ClusterIP', '', port('a', 80, 30080) + port('b', 443, 30080), 0],
  ['LoadBalancer without node-port allocation still allocates requested ones', 'LoadBalancer', '  allocateLoadBalancerNodePorts: false\n', port('a', 80, 30080) + port('b', 443, 30080), 1],
  ['health-check port equal to its own node port', 'LoadBalancer', '  externalTrafficPolicy: Local\n  healthCheckNodePort: 30080\n', port('a', 80, 30080), 1],
  ['health-check port is only allocated with Local', 'LoadBalancer', '  externalTrafficPolicy: Cluster\n  healthCheckNodePort: 30080\n', port('a', 80, 30080), 0],
];
for (const [name, type, extra, ports, expected] of single) {
  test(`${name} → ${expected}`, () => assert.equal(findingsOf(service('web', ports, type, extra), RULE).length, expected));
}

const across: Array<[string, string, string, number]> = [
  ['the same Service in two files is one object, not a rival', service('web', port('a', 80, 30080)), service('web', port('a', 80, 30080)), 0],
  ['the other Service is ClusterIP', service('web', port('a', 80, 30080)), service('api', port('a', 80, 30080), 'ClusterIP'), 0],
  ['the other Service\'s port is out of range', service('web', port('a', 80, 30080)), service('api', port('a', 80, 30080)).replace('30080', '3008'), 0],
  ['a second document in the same file', `${service('web', port('a', 80, 30080))}---\n${service('api', port('a', 80, 30080))}`, '', 2],
];
for (const [name, text, other, expected] of across) {
  test(`${name} → ${expected}`, () =>
    assert.equal(findingsOf(text, RULE, { others: other ? { 'file:///workspace/other.yaml': other } : {} }).length, expected));
}

test('three holders: the message names the first and counts the rest', () => {
  const text = service('web', port('a', 80, 30080));
  const others = { 'file:///workspace/a.yaml': service('a', port('a', 80, 30080)), 'file:///workspace/b.yaml': service('b', port('a', 80, 30080)) };
  const [finding] = findingsOf(text, RULE, { others });
  assert.match(finding.message, /\nService "a" \(a\.yaml, line 12\) and 1 more also ask for node port 30080;/);
  assert.equal((finding.data?.conflicts as unknown[]).length, 2);
});
