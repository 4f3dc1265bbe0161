import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'topology-annotations-conflict';
const svc = (annotations: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n${annotations}\nspec:\n  ports: [{port: 80}]\n`;

test('different values: reported on the topology-mode value', () => {
  const text = svc('    service.kubernetes.io/topology-mode: Auto\n    service.kubernetes.io/topology-aware-hints: "off"');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'Auto');
  assert.equal(
    finding.message,
    'metadata.annotations[service.kubernetes.io/topology-mode]: Invalid value: "Auto": must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified\n' +
      'service.kubernetes.io/topology-aware-hints is the deprecated name of service.kubernetes.io/topology-mode: remove it, or give both the same value.',
  );
  assert.deepEqual(finding.data, { deprecatedKey: 'service.kubernetes.io/topology-aware-hints', value: 'Auto', deprecatedValue: 'off' });
});

const quiet = [
  '    service.kubernetes.io/topology-mode: Auto\n    service.kubernetes.io/topology-aware-hints: Auto',
  '    service.kubernetes.io/topology-mode: Auto',
  '    service.kubernetes.io/topology-aware-hints: auto',
  '    service.kubernetes.io/topology-mode: ""\n    service.kubernetes.io/topology-aware-hints:',
];
for (const annotations of quiet) {
  test(`no finding for ${annotations.trim().replace(/\n\s*/g, ' + ')}`, () => assert.deepEqual(findingsOf(svc(annotations), RULE), []));
}

test('values are compared exactly (Auto vs auto differ)', () => {
  const text = svc('    service.kubernetes.io/topology-mode: Auto\n    service.kubernetes.io/topology-aware-hints: auto');
  assert.equal(findingsOf(text, RULE).length, 1);
});
