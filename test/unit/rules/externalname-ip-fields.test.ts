import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'externalname-ip-fields';
const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n  externalName: db.example.com\n${spec}\n`;

test('clusterIP: None is forbidden too, reported on the key', () => {
  const text = svc('  clusterIP: None');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'clusterIP');
  assert.equal(
    finding.message,
    'spec.clusterIPs: Forbidden: may not be set for ExternalName services\nAn ExternalName Service is only a DNS alias (CNAME) for externalName and never gets a cluster IP: remove clusterIP.',
  );
  assert.deepEqual(finding.data, { field: 'clusterIP' });
});

test('clusterIP and clusterIPs: one error, on clusterIPs', () => {
  const text = svc('  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1]');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'clusterIPs');
  assert.match(finding.message, /: remove clusterIP and clusterIPs\.$/);
});

test('ipFamilies and ipFamilyPolicy (even empty) are forbidden', () => {
  const text = svc('  ipFamilies: [IPv4]\n  ipFamilyPolicy: ""');
  const findings = findingsOf(text, RULE);
  assert.deepEqual(findings.map((f) => [covered(text, f), f.message.split('\n')[0]]), [
    ['ipFamilies', 'spec.ipFamilies: Forbidden: may not be set for ExternalName services'],
    ['ipFamilyPolicy', 'spec.ipFamilyPolicy: Forbidden: may not be set for ExternalName services'],
  ]);
});

const quiet = ['  clusterIP: ""', '  clusterIPs: []', '  ipFamilies: []', '  ipFamilyPolicy:', '  clusterIP:', '  sessionAffinity: None'];
for (const spec of quiet) {
  test(`no finding for ${spec.trim()}`, () => assert.deepEqual(findingsOf(svc(spec), RULE), []));
}

test('only ExternalName Services are concerned', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  ipFamilyPolicy: SingleStack\n  ports: [{port: 80}]\n';
  assert.deepEqual(findingsOf(text, RULE), []);
});
