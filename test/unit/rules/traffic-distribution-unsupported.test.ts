import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'traffic-distribution-unsupported';
const service = (value: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  trafficDistribution: ${value}
  selector:
    app: web
  ports:
    - port: 80
`;

test('a mis-cased value suggests the right spelling (1.34+ value list)', () => {
  const text = service('prefersamezone');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'prefersamezone');
  assert.equal(
    finding.message,
    'spec.trafficDistribution: Unsupported value: "prefersamezone": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"\n' +
      'Values are case-sensitive: did you mean "PreferSameZone"?',
  );
  assert.deepEqual(finding.data, { suggestion: 'PreferSameZone' });
});

test('an unknown value names the accepted ones', () => {
  const [finding] = findingsOf(service('PreferLocal'), RULE);
  assert.match(finding.message, /\nUse PreferSameZone or PreferSameNode \(Kubernetes 1\.34 and later\), or PreferClose on older clusters\.$/);
  assert.equal(finding.data, undefined);
});

const cases: Array<[string, number]> = [
  ['PreferClose', 0],
  ['PreferSameZone', 0],
  ['PreferSameNode', 0],
  ['', 0],
  ['""', 1],
  ['preferclose', 1],
  ['Auto', 1],
];
for (const [value, expected] of cases) {
  test(`trafficDistribution ${value || '(null)'} → ${expected}`, () => assert.equal(findingsOf(service(value), RULE).length, expected));
}
