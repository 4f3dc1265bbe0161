import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'nodeport-on-clusterip';
const svc = (type: string, nodePort: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${type ? `  type: ${type}\n` : ''}  ports:\n  - port: 80\n    nodePort: ${nodePort}\n`;

test('no type: the Service is ClusterIP; reported on the nodePort key', () => {
  const text = svc('', '30080');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'nodePort');
  assert.equal(
    finding.message,
    "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'\n" +
      'This Service has no type, so it is a ClusterIP Service: it is only reachable inside the cluster and opens no node port: set type: NodePort (or LoadBalancer) to expose it on every node, or remove nodePort.',
  );
  assert.deepEqual(finding.data, { portIndex: 0, value: 30080, expected: 'NodePort' });
});

test('explicit ClusterIP', () => {
  const [finding] = findingsOf(svc('ClusterIP', '30080'), RULE);
  assert.match(finding.message, /\nA ClusterIP Service is only reachable inside the cluster and opens no node port: /);
});

const cases: Array<[string, string, boolean]> = [
  ['""', '30080', true], // an empty type is defaulted to ClusterIP
  ['ClusterIP', '0', false], // 0 means unset
  ['ClusterIP', '', false],
  ['NodePort', '30080', false],
  ['LoadBalancer', '30080', false],
  ['ExternalName', '30080', false], // not checked by ValidateService
  ['clusterip', '30080', false], // an unsupported type is type-unsupported's
  ['ClusterIP', '"30080"', false], // a string is value-type's
];
for (const [type, nodePort, expected] of cases) {
  test(`type ${type} nodePort ${nodePort || '(null)'} → ${expected ? 'error' : 'no finding'}`, () => {
    assert.equal(findingsOf(svc(type, nodePort), RULE).length, expected ? 1 : 0);
  });
}
