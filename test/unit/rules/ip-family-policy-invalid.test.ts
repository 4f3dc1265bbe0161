import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'ip-family-policy-invalid';
const service = (spec: string, selector = '  selector:\n    app: web\n') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${selector}${spec}  ports:
    - port: 80
`;

test('a mis-cased policy suggests the right spelling', () => {
  const text = service('  ipFamilyPolicy: singlestack\n');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'singlestack');
  assert.equal(
    finding.message,
    'spec.ipFamilyPolicy: Unsupported value: "singlestack": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"\n' +
      'Values are case-sensitive: did you mean "SingleStack"?',
  );
  assert.deepEqual(finding.data, { suggestion: 'SingleStack' });
});

test('an explicit SingleStack with two families is rejected on the policy value', () => {
  const text = service('  ipFamilyPolicy: SingleStack\n  ipFamilies: [IPv4, IPv6]\n');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'SingleStack');
  assert.equal(
    finding.message,
    `spec.ipFamilyPolicy: Invalid value: "SingleStack": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified\n` +
      'SingleStack allows one IP family: set ipFamilyPolicy to RequireDualStack or PreferDualStack to get two.',
  );
  assert.deepEqual(finding.data, { expected: ['RequireDualStack', 'PreferDualStack'], omitted: false });
});

test('an omitted policy defaults to SingleStack: two cluster IPs are reported on the clusterIPs key', () => {
  const text = service('  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, "fd00::1"]\n');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'clusterIPs');
  assert.equal(
    finding.message,
    `spec.ipFamilyPolicy: Invalid value: "SingleStack": must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified\n` +
      'Without ipFamilyPolicy the API server assumes SingleStack, which allows one IP family: add ipFamilyPolicy: RequireDualStack or PreferDualStack.',
  );
  assert.deepEqual(finding.data, { expected: ['RequireDualStack', 'PreferDualStack'], omitted: true });
});

const cases: Array<[string, string, string | undefined, number]> = [
  ['nothing set', '', undefined, 0],
  ['PreferDualStack with two families', '  ipFamilyPolicy: PreferDualStack\n  ipFamilies: [IPv6, IPv4]\n', undefined, 0],
  ['RequireDualStack with two IPs', '  ipFamilyPolicy: RequireDualStack\n  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, "fd00::1"]\n', undefined, 0],
  ['omitted policy, one family', '  ipFamilies: [IPv6]\n', undefined, 0],
  ['omitted policy, two families', '  ipFamilies: [IPv4, IPv6]\n', undefined, 1],
  ['headless without selector defaults to RequireDualStack', '  clusterIP: None\n  ipFamilies: [IPv4, IPv6]\n', '', 0],
  ['headless with selector defaults to SingleStack', '  clusterIP: None\n  ipFamilies: [IPv4, IPv6]\n', undefined, 1],
  ['SingleStack with two IPs and two families', '  ipFamilyPolicy: SingleStack\n  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, "fd00::1"]\n  ipFamilies: [IPv4, IPv6]\n', undefined, 2],
  ['registry stops at invalid clusterIPs first', '  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, 10.0.0.2]\n', undefined, 0],
  ['registry stops at duplicate families first', '  ipFamilies: [IPv4, IPv4]\n', undefined, 0],
  ['empty string is not defaulted', '  ipFamilyPolicy: ""\n', undefined, 1],
  ['null means omitted', '  ipFamilyPolicy:\n', undefined, 0],
  ['unknown value', '  ipFamilyPolicy: DualStack\n', undefined, 1],
];
for (const [name, spec, selector, expected] of cases) {
  test(`${name} → ${expected}`, () => assert.equal(findingsOf(service(spec, selector), RULE).length, expected));
}
