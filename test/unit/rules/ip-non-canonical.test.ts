import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'ip-non-canonical';
const service = (spec: string, type = 'LoadBalancer') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
${spec}  selector:
    app: web
  ports:
    - port: 80
`;

test('leading zeros in an external IP', () => {
  const text = service('  externalIPs: [010.001.002.003]\n');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '010.001.002.003');
  assert.equal(finding.severity, 'warning');
  assert.equal(
    finding.message,
    'spec.externalIPs[0]: non-standard IP address "010.001.002.003" will be considered invalid in a future Kubernetes release: use "10.1.2.3"\n' +
      'Kubernetes reads it as "10.1.2.3", other software may read a leading 0 as octal, and API servers with the StrictIPCIDRValidation feature (alpha since 1.33) already reject it.',
  );
  assert.deepEqual(finding.data, { suggestion: '10.1.2.3', suggestions: ['10.1.2.3'] });
});

test('an IPv4-mapped cluster IP and a non-canonical IPv6 loadBalancerIP', () => {
  const text = service('  clusterIP: "::ffff:10.96.0.10"\n  loadBalancerIP: "2001:DB8:0::1"\n');
  const findings = findingsOf(text, RULE);
  assert.deepEqual(findings.map((f) => covered(text, f)), ['"::ffff:10.96.0.10"', '"2001:DB8:0::1"']);
  assert.equal(
    findings[0].message,
    'spec.clusterIPs[0]: non-standard IP address "::ffff:10.96.0.10" will be considered invalid in a future Kubernetes release: use "10.96.0.10"\n' +
      'Kubernetes treats it as the IPv4 address "10.96.0.10", other software may treat it as IPv6, and API servers with the StrictIPCIDRValidation feature (alpha since 1.33) already reject it.',
  );
  assert.equal(
    findings[1].message,
    'spec.loadBalancerIP: IPv6 address "2001:DB8:0::1" should be in RFC 5952 canonical format ("2001:db8::1")\n' +
      'Write "2001:db8::1", the RFC 5952 form Kubernetes itself prints (lower case, no leading zeros, :: for the longest run of zero groups).',
  );
});

test('a source range with host bits set offers both readings', () => {
  const text = service('  loadBalancerSourceRanges: [10.0.0.1/8]\n');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '10.0.0.1/8');
  assert.equal(
    finding.message,
    'spec.loadBalancerSourceRanges[0]: CIDR value "10.0.0.1/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.0.0.1/32"?)\n' +
      'Only the network part counts, so this allows all of "10.0.0.0/8"; write that, or "10.0.0.1/32" for a single address.',
  );
  assert.deepEqual(finding.data, { suggestion: '10.0.0.0/8', suggestions: ['10.0.0.0/8', '10.0.0.1/32'] });
});

test('a source range with two problems gets both warnings', () => {
  const text = service('  loadBalancerSourceRanges: [192.012.2.8/24]\n');
  const findings = findingsOf(text, RULE);
  assert.equal(findings.length, 2);
  assert.match(findings[1].message, /^spec\.loadBalancerSourceRanges\[0\]: non-standard CIDR value "192\.012\.2\.8\/24" will be considered invalid in a future Kubernetes release: use "192\.12\.2\.0\/24"\nWrite "192\.12\.2\.0\/24"/);
});

const cases: Array<[string, number]> = [
  ['  clusterIP: 10.96.0.10\n  externalIPs: [203.0.113.10, "2001:db8::1"]\n  loadBalancerIP: 203.0.113.9\n  loadBalancerSourceRanges: [10.0.0.0/8, "2001:db8::/32"]\n', 0],
  ['  clusterIP: None\n', 0],
  ['  clusterIP: 010.96.0.10\n', 1],
  ['  clusterIP: 10.96.0.1\n  clusterIPs: [10.96.0.1, "FD00::1"]\n  ipFamilyPolicy: PreferDualStack\n', 1],
  ['  clusterIPs: ["FD00::1"]\n', 0], // without clusterIP no IP is set (an error elsewhere)
  ['  externalIPs: [bad, 10.0.0.01]\n', 1], // invalid values are errors elsewhere
  ['  loadBalancerIP: not-an-ip\n', 0], // loadBalancerIP is never validated, and warnings need a parseable value
  ['  loadBalancerSourceRanges: ["2001:DB8::/32"]\n', 1],
  ['  loadBalancerSourceRanges: [10.0.0.0/08]\n', 1],
  ['  loadBalancerSourceRanges: [" 10.0.0.1/8"]\n', 0], // checked untrimmed: unparseable, no warning
];
for (const [spec, expected] of cases) {
  test(`${spec.replace(/\s+/g, ' ').trim()} → ${expected}`, () => assert.equal(findingsOf(service(spec), RULE).length, expected));
}
