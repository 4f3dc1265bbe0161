import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';
import { didYouMean } from '../../../server/src/kubernetes/schema/nearMiss';

const RULE = 'type-unsupported';
const svc = (type: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ${type}\n  ports: [{port: 80}]\n`;
const UNSUPPORTED = (value: string) => `spec.type: Unsupported value: "${value}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`;

test('nodeport: did you mean NodePort (on the value, suggestion in data)', () => {
  const text = svc('nodeport');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'nodeport');
  assert.equal(finding.message, `${UNSUPPORTED('nodeport')}\nService types are case-sensitive: did you mean NodePort?`);
  assert.deepEqual(finding.data, { value: 'nodeport', suggestion: 'NodePort' });
});

test('Headless is not a type', () => {
  const [finding] = findingsOf(svc('Headless'), RULE);
  assert.equal(finding.message, `${UNSUPPORTED('Headless')}\nThere is no Headless type: a headless Service is type ClusterIP (or no type) with clusterIP: None.`);
  assert.deepEqual(finding.data, { value: 'Headless', suggestion: 'ClusterIP', clusterIP: 'None' });
});

test('something unrelated lists the four types', () => {
  const [finding] = findingsOf(svc('Ingress'), RULE);
  assert.equal(
    finding.message,
    `${UNSUPPORTED('Ingress')}\nUse ClusterIP (reachable inside the cluster), NodePort (also on a port of every node), LoadBalancer (also through an external load balancer) or ExternalName (a DNS alias).`,
  );
  assert.equal(finding.data?.suggestion, undefined);
});

const suggestions: Array<[string, string]> = [
  ['Loadbalancer', 'LoadBalancer'],
  ['load-balancer', 'LoadBalancer'],
  ['LoadBalencer', 'LoadBalancer'],
  ['ClusterIp', 'ClusterIP'],
  ['clusterip', 'ClusterIP'],
  ['Nodeport', 'NodePort'],
  ['externalname', 'ExternalName'],
  ['"NodePort "', 'NodePort'],
];
for (const [value, suggestion] of suggestions) {
  test(`${value} → ${suggestion}`, () => assert.equal(findingsOf(svc(value), RULE)[0]?.data?.suggestion, suggestion));
}

for (const ok of ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', '""', '', '42']) {
  test(`no finding for type ${ok || '(null)'}`, () => assert.deepEqual(findingsOf(svc(ok), RULE), []));
}

test('didYouMean refuses ties and far-off words', () => {
  assert.equal(didYouMean('x', ['TCP', 'UDP']), undefined);
  assert.equal(didYouMean('ICMP', ['SCTP', 'TCP', 'UDP']), undefined);
  assert.equal(didYouMean('UCP', ['TCP', 'UDP']), undefined); // one edit from both
});
