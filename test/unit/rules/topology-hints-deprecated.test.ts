import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'topology-hints-deprecated';
const service = (annotations: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
${annotations}spec:
  selector:
    app: web
  ports:
    - port: 80
`;

test('the old annotation warns on its key', () => {
  const text = service('    service.kubernetes.io/topology-aware-hints: Auto\n');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'service.kubernetes.io/topology-aware-hints');
  assert.equal(
    finding.message,
    'annotation service.kubernetes.io/topology-aware-hints is deprecated, please use service.kubernetes.io/topology-mode instead\n' +
      'Rename the key to service.kubernetes.io/topology-mode and keep the value (or use spec.trafficDistribution); if both annotations are present they must have the same value.',
  );
  assert.deepEqual(finding.data, { replacement: 'service.kubernetes.io/topology-mode' });
  assert.deepEqual(finding.tags, ['deprecated']);
});

const cases: Array<[string, number]> = [
  ['    service.kubernetes.io/topology-mode: Auto\n', 0],
  ['    service.kubernetes.io/topology-aware-hints: ""\n', 1], // any value, even empty
  ['    service.kubernetes.io/topology-aware-hints: disabled\n    service.kubernetes.io/topology-mode: Auto\n', 1],
  ['    example.com/topology-aware-hints: auto\n', 0],
];
for (const [annotations, expected] of cases) {
  test(`${annotations.trim()} → ${expected}`, () => assert.equal(findingsOf(service(annotations), RULE).length, expected));
}
