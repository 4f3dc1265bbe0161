import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'ip-families-invalid';
const service = (families: string, type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  ipFamilyPolicy: PreferDualStack
  ipFamilies: ${families}
  selector:
    app: web
  ports:
    - port: 80
`;

test('a mis-cased family suggests the right spelling', () => {
  const text = service('[ipv4]');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'ipv4');
  assert.equal(finding.message, 'spec.ipFamilies[0]: Unsupported value: "ipv4": supported values: "IPv4", "IPv6"\nValues are case-sensitive: did you mean "IPv4"?');
  assert.deepEqual(finding.data, { suggestion: 'IPv4' });
});

test('an unknown family and a repeated one', () => {
  const text = service('[IPv6, IPv5, IPv6]');
  const findings = findingsOf(text, RULE);
  assert.deepEqual(findings.map((f) => covered(text, f)), ['IPv5', 'IPv6']);
  assert.equal(findings[0].message, 'spec.ipFamilies[1]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"\nipFamilies may only list IPv4 and IPv6.');
  assert.equal(findings[0].data, undefined);
  assert.equal(
    findings[1].message,
    'spec.ipFamilies[2]: Duplicate value: "IPv6"\nEach IP family may appear once; a dual-stack Service lists IPv4 and IPv6, the preferred one first.',
  );
  assert.equal(findings[1].start, text.lastIndexOf('IPv6'));
});

const cases: Array<[string, number]> = [
  ['[IPv4]', 0],
  ['[IPv6, IPv4]', 0],
  ['[]', 0],
  ['', 0],
  ['[IPv4, IPv4]', 1],
  ['["", IPv4]', 1],
  ['[v4]', 1],
  ['[4]', 0], // a number is a type error
];
for (const [families, expected] of cases) {
  test(`ipFamilies ${families || '(null)'} → ${expected}`, () => assert.equal(findingsOf(service(families), RULE).length, expected));
}

test('ExternalName Services may not set ipFamilies at all, which another rule reports', () => {
  assert.equal(findingsOf(service('[ipv4]', 'ExternalName'), RULE).length, 0);
});
