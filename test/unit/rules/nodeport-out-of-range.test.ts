import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const service = (type: string, nodePort: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: ${nodePort}
`;

const RULE = 'nodeport-out-of-range';

test('reports a nodePort below the range on the value, with the API server wording', () => {
  const text = service('NodePort', '80');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '80');
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /^spec\.ports\[0\]\.nodePort: Invalid value: 80: provided port is not in the valid range\. The range of valid ports is 30000-32767\n/);
  assert.deepEqual(finding.data, { portIndex: 0, value: 80, range: { first: 30000, last: 32767 } });
});

const cases: Array<[string, string, boolean]> = [
  ['NodePort', '30000', false],
  ['NodePort', '32767', false],
  ['NodePort', '29999', true],
  ['NodePort', '32768', true],
  ['NodePort', '-1', true],
  ['LoadBalancer', '9090', true],
  ['NodePort', '0', false], // 0 means "allocate one"
  ['ClusterIP', '80', false], // another rule: nodePort is forbidden on ClusterIP
  ['ExternalName', '80', false],
  ['NodePort', '"80"', false], // a string is a type error, reported by another rule
];

for (const [type, nodePort, expected] of cases) {
  test(`${type} nodePort ${nodePort} → ${expected ? 'error' : 'no finding'}`, () => {
    assert.equal(findingsOf(service(type, nodePort), RULE).length, expected ? 1 : 0);
  });
}

test('honours a configured node-port range', () => {
  const text = service('NodePort', '8080');
  const settings = { nodePortRange: { first: 1, last: 10000 } };
  assert.equal(findingsOf(text, RULE, { settings }).length, 0);
  const [finding] = findingsOf(service('NodePort', '20000'), RULE, { settings });
  assert.match(finding.message, /The range of valid ports is 1-10000/);
});

test('each offending port of a multi-port, multi-document file is reported at its own place', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\n---\n${service('LoadBalancer', '1')}---\n${service('NodePort', '31000')}---\n${service('NodePort', '40000')}`;
  const findings = findingsOf(text, RULE);
  assert.deepEqual(findings.map((f) => covered(text, f)), ['1', '40000']);
});

test('a severity setting changes or silences the rule', () => {
  const text = service('NodePort', '80');
  assert.equal(findingsOf(text, RULE, { settings: { severities: { [RULE]: 'warning' } } })[0].severity, 'warning');
  assert.equal(findingsOf(text, RULE, { settings: { severities: { [RULE]: 'off' } } }).length, 0);
});
