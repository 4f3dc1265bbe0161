import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'port-name-required';
const svc = (ports: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n${ports}\n`;

test('the second of two ports has no name: exact message, on its port key, with a suggestion', () => {
  const text = svc('  - name: http\n    port: 80\n  - port: 443\n    targetPort: 8443');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'port');
  assert.equal(finding.message, 'spec.ports[1].name: Required value\nWhen a Service has more than one port, every port needs a unique name, e.g. name: https.');
  assert.deepEqual(finding.data, { portIndex: 1, suggestion: 'https' });
});

test('both unnamed: both reported, suggestions stay unique', () => {
  const text = svc('  - port: 53\n    protocol: UDP\n  - port: 53\n    protocol: TCP');
  const findings = findingsOf(text, RULE);
  assert.deepEqual(findings.map((f) => f.data?.suggestion), ['dns', 'tcp-53']);
});

test('an empty name counts as missing and is reported on the name key', () => {
  const text = svc('  - name: ""\n    port: 80\n  - name: b\n    port: 81');
  const [finding] = findingsOf(text, RULE);
  assert.equal(covered(text, finding), 'name');
  assert.match(finding.message, /^spec\.ports\[0\]\.name: Required value\n/);
});

test('a valid named targetPort is offered as the name', () => {
  const [finding] = findingsOf(svc('  - name: a\n    port: 80\n  - port: 9000\n    targetPort: grpc'), RULE);
  assert.equal(finding.data?.suggestion, 'grpc');
});

test('an invalid container port name is not offered', () => {
  const [finding] = findingsOf(svc('  - name: a\n    port: 80\n  - port: 9000\n    targetPort: n234567890123456'), RULE);
  assert.equal(finding.data?.suggestion, 'tcp-9000');
});

test('a single port may stay unnamed', () => assert.deepEqual(findingsOf(svc('  - port: 80'), RULE), []));
test('all named', () => assert.deepEqual(findingsOf(svc('  - {name: a, port: 80}\n  - {name: b, port: 81}'), RULE), []));
test('a numeric name is a type error (value-type)', () => assert.deepEqual(findingsOf(svc('  - {name: 1, port: 80}\n  - {name: b, port: 81}'), RULE), []));
