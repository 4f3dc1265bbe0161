import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'ports-required';
const MESSAGE =
  'spec.ports: Required value\nAdd at least one port (the port clients connect to, and the targetPort your Pods listen on); only headless (clusterIP: None) and ExternalName Services may have none.';
const head = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

const cases: Array<[string, string, string | undefined]> = [
  ['no ports: on the spec key', `${head}spec:\n  selector: {app: web}\n`, 'spec'],
  ['ports: []: on the ports key', `${head}spec:\n  ports: []\n`, 'ports'],
  ['ports: (null): on the ports key', `${head}spec:\n  ports:\n`, 'ports'],
  ['no spec: on the kind', head, 'Service'],
  ['NodePort without ports', `${head}spec:\n  type: NodePort\n`, 'spec'],
  ['misspelt ExternalName still needs ports', `${head}spec:\n  type: externalname\n  externalName: db.example.com\n`, 'spec'],
  ['clusterIPs with two entries is not headless', `${head}spec:\n  clusterIPs: [None, 10.0.0.1]\n`, 'spec'],
  ['headless via clusterIP', `${head}spec:\n  clusterIP: None\n`, undefined],
  ['headless via clusterIPs', `${head}spec:\n  clusterIPs: [None]\n`, undefined],
  ['ExternalName', `${head}spec:\n  type: ExternalName\n  externalName: db.example.com\n`, undefined],
  ['one port', `${head}spec:\n  ports: [{port: 80}]\n`, undefined],
  ['ports as a map is a type error (value-type)', `${head}spec:\n  ports: {port: 80}\n`, undefined],
  ['spec as a string is a type error (value-type)', `${head}spec: none\n`, undefined],
];

for (const [title, text, expected] of cases) {
  test(title, () => {
    const findings = findingsOf(text, RULE);
    if (expected === undefined) return assert.deepEqual(findings, []);
    assert.equal(findings.length, 1);
    assert.equal(covered(text, findings[0]), expected);
    assert.equal(findings[0].message, MESSAGE);
  });
}

test('a document with a YAML syntax error is left to yaml-syntax (the missing part may be in the broken text)', () => {
  assert.deepEqual(findingsOf('apiVersion: v1\nkind: Service\nmetadata: {name: x\n', RULE), []);
});
