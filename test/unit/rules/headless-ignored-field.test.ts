import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'headless-ignored-field';
const service = (spec: string, clusterIP = 'None', type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: ${type}
  clusterIP: ${clusterIP}
${spec}  selector:
    app: db
  ports:
    - port: 5432
`;

test('each ignored field of a headless Service warns on its key', () => {
  const text = service('  loadBalancerIP: 203.0.113.9\n  externalIPs: [203.0.113.10]\n  sessionAffinity: ClientIP\n');
  const findings = findingsOf(text, RULE);
  assert.deepEqual(findings.map((f) => covered(text, f)), ['loadBalancerIP', 'externalIPs', 'sessionAffinity']);
  assert.deepEqual(
    findings.map((f) => f.message.split('\n')[0]),
    ['spec.loadBalancerIP is ignored for headless services', 'spec.externalIPs is ignored for headless services', 'spec.SessionAffinity is ignored for headless services'],
  );
  assert.equal(
    findings[0].message.split('\n')[1],
    'clusterIP: None means DNS returns the Pod IPs directly and kube-proxy does not handle this Service, so this field has no effect.',
  );
  assert.equal(findings[0].severity, 'warning');
  assert.deepEqual(findings[0].tags, ['unnecessary']);
  assert.deepEqual(findings[1].data, { field: 'externalIPs' });
});

const cases: Array<[string, string, string, number]> = [
  ['  sessionAffinity: None\n', 'None', 'ClusterIP', 0],
  ['  externalIPs: []\n', 'None', 'ClusterIP', 0],
  ['  loadBalancerIP: ""\n', 'None', 'ClusterIP', 0],
  ['  sessionAffinity: ClientIP\n', '10.96.0.5', 'ClusterIP', 0], // not headless
  ['  sessionAffinity: ClientIP\n', '""', 'ClusterIP', 0],
  ['  externalIPs: [203.0.113.10]\n', 'None', 'NodePort', 0], // not headless by the warnings.go definition (an error elsewhere)
  ['  sessionAffinity: clientip\n', 'None', 'ClusterIP', 0], // invalid: an error elsewhere
];
for (const [spec, clusterIP, type, expected] of cases) {
  test(`${type} clusterIP ${clusterIP}: ${spec.trim()} → ${expected}`, () => assert.equal(findingsOf(service(spec, clusterIP, type), RULE).length, expected));
}

test('a Service without type is ClusterIP after defaulting', () => {
  const text = service('  sessionAffinity: ClientIP\n').replace('  type: ClusterIP\n', '');
  assert.equal(findingsOf(text, RULE).length, 1);
});
