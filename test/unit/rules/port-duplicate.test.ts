import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'port-duplicate';
const svc = (ports: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n${ports}\n`;

test('two TCP entries for 12345: Go dump of the key, on the second port value', () => {
  const text = svc('  - name: a\n    port: 12345\n  - name: b\n    port: 12345\n    targetPort: 8080');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '12345');
  assert.equal(text.slice(0, finding.start).split('\n').length, 10);
  assert.equal(
    finding.message,
    'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:12345, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}\n' +
      'spec.ports[0] already uses port 12345/TCP: remove this entry or give it another port (the same number may appear once for TCP and once for UDP).',
  );
  assert.deepEqual(finding.data, { portIndex: 1, firstIndex: 0, value: 12345, protocol: 'TCP' });
});

test('the same number for TCP and UDP is fine', () => {
  assert.deepEqual(findingsOf(svc('  - {name: a, port: 53, protocol: UDP}\n  - {name: b, port: 53, protocol: TCP}'), RULE), []);
});

test('UDP twice is a duplicate', () => {
  const [finding] = findingsOf(svc('  - {name: a, port: 53, protocol: UDP}\n  - {name: b, port: 53, protocol: UDP}'), RULE);
  assert.match(finding.message, /Protocol:"UDP", AppProtocol:\(\*string\)\(nil\), Port:53,/);
});

test('omitted protocol is TCP', () => {
  assert.equal(findingsOf(svc('  - {name: a, port: 80}\n  - {name: b, port: 80, protocol: TCP}'), RULE).length, 1);
});

test('missing ports are port-out-of-range\'s, not duplicates here', () => {
  assert.deepEqual(findingsOf(svc('  - {name: a, targetPort: 1}\n  - {name: b, targetPort: 2}'), RULE), []);
});
