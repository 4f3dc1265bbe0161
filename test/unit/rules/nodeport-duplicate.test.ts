import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'nodeport-duplicate';
const svc = (type: string, ports: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ${type}\n  ports:\n${ports}\n`;

test('ClusterIP with two equal TCP nodePorts: exact message on the second value', () => {
  const text = svc('ClusterIP', '  - {name: a, port: 80, nodePort: 30080}\n  - {name: b, port: 81, nodePort: 30080}');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(text.slice(finding.start - 10, finding.end), 'nodePort: 30080');
  assert.equal(covered(text, finding), '30080');
  assert.equal(
    finding.message,
    'spec.ports[1].nodePort: Duplicate value: 30080\nspec.ports[0] already uses node port 30080 for TCP: give each port its own nodePort, or remove nodePort and let Kubernetes choose one.',
  );
  assert.deepEqual(finding.data, { portIndex: 1, firstIndex: 0, value: 30080, protocol: 'TCP' });
});

test('NodePort with the same port number and protocol: ValidateService reports it', () => {
  const text = svc('NodePort', '  - {name: a, port: 80, nodePort: 30080}\n  - {name: b, port: 80, nodePort: 30080}');
  assert.equal(findingsOf(text, RULE).length, 1);
});

test('NodePort with different port numbers: the allocator fails first (nodeport-collision), so not here', () => {
  const text = svc('NodePort', '  - {name: a, port: 80, nodePort: 30080}\n  - {name: b, port: 81, nodePort: 30080}');
  assert.deepEqual(findingsOf(text, RULE), []);
});

test('different protocols may share a node port (DNS on 53/TCP and 53/UDP)', () => {
  const text = svc('NodePort', '  - {name: a, port: 53, protocol: UDP, nodePort: 30053}\n  - {name: b, port: 53, protocol: TCP, nodePort: 30053}');
  assert.deepEqual(findingsOf(text, RULE), []);
});

test('omitted protocol is TCP', () => {
  const text = svc('LoadBalancer', '  - {name: a, port: 80, protocol: TCP, nodePort: 30080}\n  - {name: b, port: 80, nodePort: 30080}');
  assert.equal(findingsOf(text, RULE).length, 1);
});

test('0 means unset and never collides', () => {
  assert.deepEqual(findingsOf(svc('NodePort', '  - {name: a, port: 80, nodePort: 0}\n  - {name: b, port: 80, nodePort: 0}'), RULE), []);
});
