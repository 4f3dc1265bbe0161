import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'clusterip-invalid';
const service = (spec: string, type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  selector:
    app: web
  ports:
    - port: 80
${spec}`;

test('an invalid singular clusterIP is reported on its value with the clusterIPs[0] path the registry gives it', () => {
  const text = service('  clusterIP: 10.0.0.300\n');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '10.0.0.300');
  assert.equal(finding.severity, 'error');
  assert.equal(
    finding.message,
    'spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
      "Write an IPv4 or IPv6 address from the cluster's service IP range, \"None\" for a headless Service, or leave the field out so Kubernetes picks one.",
  );
  assert.deepEqual(finding.data, { value: '10.0.0.300' });
});

test('clusterIPs[0] must repeat clusterIP', () => {
  const text = service('  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.2, "2001:db8::1"]\n');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '10.0.0.2');
  assert.equal(
    finding.message,
    'spec.clusterIPs: Invalid value: []string{"10.0.0.2", "2001:db8::1"}: first value must match `clusterIP`\n' +
      'When both fields are set, clusterIPs[0] must be the same address as clusterIP ("10.0.0.1").',
  );
  assert.deepEqual(finding.data, { expected: '10.0.0.1' });
});

test('clusterIPs without clusterIP is rejected as a whole list', () => {
  const text = service('  clusterIPs: [10.0.0.2]\n');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '[10.0.0.2]');
  assert.equal(
    finding.message,
    'spec.clusterIPs: Invalid value: []string{"10.0.0.2"}: must be empty when `clusterIP` is not specified\n' +
      'clusterIPs can only be used together with clusterIP: add clusterIP with the same first value.',
  );
  assert.deepEqual(finding.data, { clusterIP: '10.0.0.2' });
});

test('None mixed with addresses, more than two values, two of one family, family mismatch', () => {
  const none = service('  clusterIP: None\n  clusterIPs: [None, 10.0.0.2]\n');
  const [mixed] = findingsOf(none, RULE);
  assert.equal(covered(none, mixed), 'None');
  assert.match(mixed.message, /^spec\.clusterIPs: Invalid value: \[\]string\{"None", "10\.0\.0\.2"\}: 'None' must be the first and only value\n/);

  const three = service('  clusterIP: 10.0.0.1\n  clusterIPs:\n    - 10.0.0.1\n    - 2001:db8::1\n    - 10.0.0.3\n    - 10.0.0.4\n', 'NodePort');
  const [tooMany] = findingsOf(three, RULE);
  assert.equal(covered(three, tooMany), '10.0.0.3\n    - 10.0.0.4');
  assert.match(tooMany.message, /: may only hold up to 2 values\n/);

  const twoV4 = service('  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, 10.0.0.2]\n');
  const [sameFamily] = findingsOf(twoV4, RULE);
  assert.equal(covered(twoV4, sameFamily), '10.0.0.2');
  assert.equal(
    sameFamily.message,
    'spec.clusterIPs: Invalid value: []string{"10.0.0.1", "10.0.0.2"}: may specify no more than one IP for each IP family\n' +
      'These addresses are both IPv4; a dual-stack Service takes one IPv4 and one IPv6 address.',
  );

  const swapped = service('  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, "2001:db8::1"]\n  ipFamilies: [IPv6, IPv4]\n');
  const mismatches = findingsOf(swapped, RULE);
  assert.deepEqual(mismatches.map((f) => covered(swapped, f)), ['10.0.0.1', '"2001:db8::1"']);
  assert.equal(
    mismatches[0].message,
    'spec.clusterIPs[0]: Invalid value: "10.0.0.1": expected an IPv6 value as indicated by `ipFamilies[0]`\n' +
      'clusterIPs and ipFamilies are read position by position: put the IPv6 address at index 0 or reorder ipFamilies.',
  );
  assert.match(mismatches[1].message, /^spec\.clusterIPs\[1\]: Invalid value: "2001:db8::1": expected an IPv4 value as indicated by `ipFamilies\[1\]`\n/);
});

const cases: Array<[string, string, number]> = [
  ['no clusterIP at all', '', 0],
  ['a plain address', '  clusterIP: 10.96.0.10\n', 0],
  ['headless', '  clusterIP: None\n', 0],
  ['empty clusterIP means "allocate"', '  clusterIP: ""\n', 0],
  ['null clusterIP', '  clusterIP:\n', 0],
  ['IPv6 address', '  clusterIP: "2001:db8::10"\n', 0],
  ['leading zeros are accepted (a warning elsewhere)', '  clusterIP: 010.96.0.10\n', 0],
  ['matching dual-stack pair', '  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, "fd00::1"]\n  ipFamilyPolicy: RequireDualStack\n', 0],
  ['matching families', '  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1]\n  ipFamilies: [IPv4, IPv6]\n', 0],
  ['IPv4-mapped counts as IPv4', '  clusterIP: "::ffff:10.0.0.1"\n  ipFamilies: [IPv4]\n', 0],
  ['headless ignores ipFamilies order', '  clusterIP: None\n  clusterIPs: [None]\n  ipFamilies: [IPv6]\n', 0],
  ['a host name', '  clusterIP: my-service.default\n', 1],
  ['a CIDR', '  clusterIP: 10.0.0.0/24\n', 1],
  ['an empty entry in clusterIPs', '  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, ""]\n', 1],
  ['None in second place', '  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, None]\n', 1],
  ['a number is a type error, not this rule', '  clusterIP: 10\n', 0],
  ['family checks stop after an invalid IP', '  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, bad]\n  ipFamilies: [IPv6]\n', 1],
];
for (const [name, spec, expected] of cases) {
  test(`${name} → ${expected}`, () => assert.equal(findingsOf(service(spec), RULE).length, expected));
}

test('ExternalName Services are left to the ExternalName rules', () => {
  assert.equal(findingsOf(service('  externalName: db.example.com\n  clusterIP: bad\n', 'ExternalName'), RULE).length, 0);
});
