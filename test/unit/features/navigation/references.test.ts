import { test } from 'node:test';
import assert from 'node:assert/strict';
import { references } from './helpers';

test('references from a workload: the selector of each Service selecting its pods', () => {
  assert.deepEqual(references('file:///w/web.yaml', 'kind: Deployment', false, 7), { origin: 'Deployment', targets: ['service.yaml:selector'] });
  assert.deepEqual(references('file:///w/web.yaml', 'app: web', true)?.targets, ['web.yaml:tier: frontend app: web', 'service.yaml:selector']);
  assert.deepEqual(references('file:///w/prod.yaml', 'kind: Deployment', false, 7)?.targets, [], 'another namespace: no Service selects it');
});

test('references from a container port: the Service ports delivering to it, by name or number and protocol', () => {
  assert.deepEqual(references('file:///w/web.yaml', 'containerPort: 8080', false, 15), { origin: '8080', targets: ['service.yaml:targetPort: http'] });
  assert.deepEqual(references('file:///w/web.yaml', 'containerPort: 9090', true, 15)?.targets, [
    'web.yaml:- containerPort: 9090'.replace('- ', ''),
    'service.yaml:port: 9090',
  ]);
  assert.deepEqual(references('file:///w/web.yaml', 'name: dns', false, 7)?.targets, [], 'TCP dns port; the Service asks for UDP');
});

test('references on a Service give nothing (it is the referrer, not the referenced)', () => {
  assert.equal(references('file:///w/service.yaml', 'kind: Service', false, 7), undefined);
});
