import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'traffic-distribution-deprecated';
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

test('PreferClose warns with the API server text and a PreferSameZone suggestion', () => {
  const text = service('PreferClose');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'PreferClose');
  assert.equal(finding.severity, 'warning');
  assert.equal(
    finding.message,
    'spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"\n' +
      "PreferSameZone has the same meaning (prefer endpoints in the client's zone) and works from Kubernetes 1.34; keep PreferClose only for older clusters.",
  );
  assert.deepEqual(finding.data, { suggestion: 'PreferSameZone' });
  assert.deepEqual(finding.tags, ['deprecated']);
});

for (const [value, expected] of [['"PreferClose"', 1], ['PreferSameZone', 0], ['PreferSameNode', 0], ['preferclose', 0], ['', 0]] as const) {
  test(`trafficDistribution ${value || '(null)'} → ${expected}`, () => assert.equal(findingsOf(service(value), RULE).length, expected));
}
