import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definition, SERVICE } from './helpers';

test('definition from a selector label goes to that label in every selected workload, in any file and namespace-aware', () => {
  assert.deepEqual(definition('tier: frontend', 2), { origin: 'tier', targets: ['web.yaml:tier: frontend', 'canary.yaml:tier: frontend'] });
  assert.deepEqual(definition('app: web', 6), { origin: 'web', targets: ['web.yaml:app: web', 'canary.yaml:app: web'] });
});

test('definition from the selector key selects each workload pod labels, at the first selector label', () => {
  const result = definition('selector');
  assert.deepEqual(result?.targets, ['web.yaml:app: web', 'canary.yaml:app: web']);
});

test('definition from a named targetPort goes to the container port it resolves to, per workload', () => {
  assert.deepEqual(definition('targetPort: http', 14), { origin: 'http', targets: ['web.yaml:containerPort: 8080', 'canary.yaml:containerPort: 8081'] });
  assert.deepEqual(definition('targetPort: http'), { origin: 'targetPort', targets: ['web.yaml:containerPort: 8080', 'canary.yaml:containerPort: 8081'] });
});

test('definition follows FindPort: same name with another protocol is not a target; numbers resolve too', () => {
  assert.equal(definition('targetPort: dns', 13), undefined, 'the only `dns` port is TCP, the Service port is UDP');
  assert.equal(definition('port: 9090', 7), undefined, 'a port number is not a targetPort');
  const numbered = SERVICE.replace('    - name: metrics\n      port: 9090\n', '    - name: metrics\n      port: 9090\n      targetPort: 9090\n');
  assert.deepEqual(definition('targetPort: 9090', 13, numbered)?.targets, ['web.yaml:containerPort: 9090', 'canary.yaml:containerPort: 9090']);
});

test('no definition outside selector and targetPort, or for a selector matching nothing', () => {
  assert.equal(definition('name: web', 7), undefined);
  assert.equal(definition('port: 80', 7), undefined);
});
