import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'headless-with-nodeport-or-lb';
const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${spec}\n  ports: [{port: 80}]\n`;

test('LoadBalancer with clusterIP: None, reported on None', () => {
  const text = svc('  type: LoadBalancer\n  clusterIP: None');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'None');
  assert.equal(
    finding.message,
    'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for LoadBalancer services\n' +
      'A headless Service (clusterIP: None) has no cluster IP for a load balancer to forward to: remove clusterIP: None, or remove type: LoadBalancer if you wanted a headless Service.',
  );
  assert.deepEqual(finding.data, { type: 'LoadBalancer' });
});

test('NodePort with clusterIPs: [None], reported on the list item', () => {
  const text = svc('  type: NodePort\n  clusterIPs: ["None"]');
  const [finding] = findingsOf(text, RULE);
  assert.equal(covered(text, finding), '"None"');
  assert.equal(
    finding.message,
    'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services\n' +
      'A headless Service (clusterIP: None) has no cluster IP for node ports to forward to: remove clusterIP: None, or remove type: NodePort if you wanted a headless Service.',
  );
});

const quiet = [
  '  type: ClusterIP\n  clusterIP: None',
  '  clusterIP: None',
  '  type: NodePort\n  clusterIP: 10.0.0.10',
  '  type: NodePort\n  clusterIP: none', // not "None": the clusterIP rules report it
  '  type: NodePort\n  clusterIPs: [None, 10.0.0.1]', // not headless; clusterIPs rules report it
];
for (const spec of quiet) {
  test(`no finding for ${spec.trim().replace(/\n\s*/g, ', ')}`, () => assert.deepEqual(findingsOf(svc(spec), RULE), []));
}
