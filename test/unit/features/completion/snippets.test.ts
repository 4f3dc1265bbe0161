import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { analyze } from '../../../helpers/core';
import { deployment } from '../../../kit/manifests';
import { applied, complete, labels } from './helpers';

const WORKLOAD = deployment({
  name: 'web',
  labels: { app: 'web' },
  matchLabels: true,
  ports: [
    { name: 'http', containerPort: 8080 },
    { name: 'tcp', containerPort: 5432 },
  ],
});
const SNIPPETS = ['Service (NodePort)', 'Service (LoadBalancer)', 'Service (headless)', 'Service (ExternalName)'];

test('an empty document offers the four Service snippets; a document with content does not', () => {
  assert.deepEqual(labels(complete('|')), SNIPPETS);
  assert.deepEqual(labels(complete('# services\n---\nser|')), SNIPPETS);
  assert.deepEqual(labels(complete('apiVersion: v1\nkind: ConfigMap\n---\n|\n')), SNIPPETS, 'after a document marker');
  assert.deepEqual(labels(complete('services:\n  web:\n    image: nginx\n|\n')), [], 'a compose file is left alone');
  assert.deepEqual(labels(complete('  |')), [], 'not indented');
});

for (const label of SNIPPETS) {
  test(`the ${label} snippet expands to a manifest that every rule accepts`, () => {
    const text = applied(complete('|'), label);
    assert.equal(parseAllDocuments(text)[0].errors.length, 0);
    const findings = analyze(text, { others: { 'file:///w/deploy.yaml': WORKLOAD }, settings: { clusterProfile: 'cloud' } });
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
  });
}

test('the NodePort snippet leaves the node port to the allocator, and LoadBalancer and NodePort name their ports', () => {
  const nodePort = applied(complete('|'), 'Service (NodePort)');
  assert.doesNotMatch(nodePort, /nodePort:/);
  assert.match(nodePort, /type: NodePort\n {2}selector:\n {4}app: web\n {2}ports:\n {4}- name: http\n {6}port: 80\n {6}targetPort: 8080$/);
  assert.match(applied(complete('|'), 'Service (ExternalName)'), /type: ExternalName\n {2}externalName: db\.example\.com$/);
});
