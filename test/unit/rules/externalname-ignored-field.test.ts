import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'externalname-ignored-field';
const service = (type: string, spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: ${type}
${spec}`;

test('externalName on a ClusterIP Service is ignored: probably a forgotten type', () => {
  const text = service('ClusterIP', '  externalName: db.example.com\n');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'externalName');
  assert.equal(
    finding.message,
    'spec.externalName is ignored when spec.type is not "ExternalName"\n' +
      'This is a ClusterIP Service, not a DNS alias: set type: ExternalName if it should resolve to db.example.com, or remove externalName.',
  );
  assert.deepEqual(finding.data, { field: 'externalName', suggestion: 'ExternalName' });
  assert.deepEqual(finding.tags, ['unnecessary']);
  assert.equal(finding.severity, 'warning');
});

test('externalIPs on an ExternalName Service are ignored', () => {
  const text = service('ExternalName', '  externalName: db.example.com\n  externalIPs: [203.0.113.10]\n');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'externalIPs');
  assert.equal(
    finding.message,
    'spec.externalIPs is ignored when spec.type is "ExternalName"\n' +
      'An ExternalName Service is only a DNS alias (CNAME) and kube-proxy does not route anything for it; remove externalIPs.',
  );
});

const cases: Array<[string, string, number]> = [
  ['ExternalName', '  externalName: db.example.com\n', 0],
  ['NodePort', '  externalName: ""\n', 0],
  ['LoadBalancer', '  externalName: db.example.com\n', 1],
  ['ExternalName', '  externalName: db.example.com\n  externalIPs: []\n', 0],
  ['ClusterIP', '  externalIPs: [203.0.113.10]\n', 0],
  ['Externalname', '  externalName: db.example.com\n', 0], // invalid type: its own error first
];
for (const [type, spec, expected] of cases) {
  test(`${type}: ${spec.trim()} → ${expected}`, () => assert.equal(findingsOf(service(type, spec), RULE).length, expected));
}

test('a Service without type is a ClusterIP one', () => {
  const text = service('ClusterIP', '  externalName: db.example.com\n').replace('  type: ClusterIP\n', '');
  assert.equal(findingsOf(text, RULE).length, 1);
});
