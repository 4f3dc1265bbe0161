import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cidrWarnings,
  ipString,
  ipWarning,
  isIPv6String,
  isValidCIDR,
  isValidIP,
  parseAddr,
  parseIPSloppy,
} from '../../../../server/src/kubernetes/validation/ip';

// Cases from k8s.io/apimachinery/pkg/util/validation/ip_test.go (TestIsValidIP, legacy column) and from Go's net/netip rules.
const validIPs = [
  '1.2.3.4',
  '0.0.0.0',
  '255.255.255.255',
  '1234::abcd',
  '::',
  'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
  '0:0:0:0:0:0:0:0',
  '0001:002:03:4::',
  '1234::ABCD',
  '1.1.1.01', // leading zeros: accepted by ParseIPSloppy
  '010.001.002.003',
  '::ffff:1.1.1.1', // IPv4-mapped
  '::ffff:010.1.2.3', // the sloppy retry also strips zeros after a colon
  '::1.2.3.4',
  '1:2:3:4:5:6:1.2.3.4',
  '1::2:3:4:5:6:7',
];
const invalidIPs = [
  '',
  'aaaaaaa',
  'myhost.mydomain',
  '1.2.3.0/24',
  '1.2.3.400',
  '0300.1.1.1',
  '-1.0.0.0',
  '2001:db8::10005',
  '2001:db8::00001',
  '1.2.3.4:80',
  '[2001:db8::1]',
  '[2001:db8::1]:80',
  'example.com:80',
  '1234::abcd%eth0', // zones are refused by net.ParseIP
  '169.254.0.0%eth0',
  '1:2:3:4:5:6:7:8:9',
  '1::2::3',
  '1:2:3:4:5:6:7:8::',
  '1:2:3:4:5:1.2.3.4', // embedded IPv4 must be the last 32 bits
  '::ffff:1.2.3',
  '1.2.3.4.5',
  ' 1.2.3.4',
  '1.2.3.',
  ':1::',
];

for (const value of validIPs) test(`IsValidIP accepts ${JSON.stringify(value)}`, () => assert.equal(isValidIP(value), true));
for (const value of invalidIPs) test(`IsValidIP rejects ${JSON.stringify(value)}`, () => assert.equal(isValidIP(value), false));

test('the strict netip parser refuses what only the sloppy one accepts', () => {
  assert.equal(parseAddr('1.1.1.01'), undefined);
  assert.deepEqual(parseAddr('::ffff:1.2.3.4')?.v4, false);
  assert.equal(parseAddr('fe80::1%eth0')?.zone, 'eth0');
  assert.equal(parseAddr('fe80::1%'), undefined);
});

test('net.IP.String: dotted quad for IPv4-mapped, RFC 5952 otherwise', () => {
  const str = (value: string) => ipString(parseIPSloppy(value) as number[]);
  assert.equal(str('::ffff:1.2.3.4'), '1.2.3.4');
  assert.equal(str('010.001.002.003'), '10.1.2.3');
  assert.equal(str('2001:0DB8:0:0:0:0:0:1'), '2001:db8::1');
  assert.equal(str('1:0:0:1:0:0:0:1'), '1:0:0:1::1'); // the longest zero run wins
  assert.equal(str('1:0:0:2:0:0:3:4'), '1::2:0:0:3:4'); // on a tie, the first
  assert.equal(str('1:0:2:3:4:5:6:7'), '1:0:2:3:4:5:6:7'); // a single zero group stays
  assert.equal(str('0:0:0:0:0:0:0:0'), '::');
  assert.equal(str('1::'), '1::');
  assert.equal(str('::1.2.3.4'), '::102:304');
});

test('IPv6 family detection treats IPv4-mapped addresses as IPv4, like netutils.IsIPv6String', () => {
  assert.equal(isIPv6String('2001:db8::1'), true);
  assert.equal(isIPv6String('::ffff:1.2.3.4'), false);
  assert.equal(isIPv6String('10.0.0.1'), false);
  assert.equal(isIPv6String('nonsense'), false);
});

// TestGetWarningsForIP, with the 1.33-1.35 wording ("will be considered invalid in a future Kubernetes release").
test('GetWarningsForIP', () => {
  const path = 'spec.clusterIPs[0]';
  assert.equal(ipWarning(path, '192.12.2.2'), undefined);
  assert.equal(ipWarning(path, '2001:db8::2'), undefined);
  assert.deepEqual(ipWarning(path, '192.012.2.2'), {
    message: 'spec.clusterIPs[0]: non-standard IP address "192.012.2.2" will be considered invalid in a future Kubernetes release: use "192.12.2.2"',
    suggestions: ['192.12.2.2'],
  });
  assert.equal(
    ipWarning(path, '::ffff:192.12.2.2')?.message,
    'spec.clusterIPs[0]: non-standard IP address "::ffff:192.12.2.2" will be considered invalid in a future Kubernetes release: use "192.12.2.2"',
  );
  assert.deepEqual(ipWarning('spec.loadBalancerIP', '2001:db8:0:0::2'), {
    message: 'spec.loadBalancerIP: IPv6 address "2001:db8:0:0::2" should be in RFC 5952 canonical format ("2001:db8::2")',
    suggestions: ['2001:db8::2'],
  });
  assert.equal(ipWarning(path, '2001:DB8::1')?.suggestions[0], '2001:db8::1');
  assert.equal(ipWarning(path, 'not-an-ip'), undefined);
});

const validCIDRs = [
  '1.0.0.0/8',
  '0.0.0.0/0',
  '1.1.1.1/32',
  '2001:4860:4860::/48',
  '::/0',
  '::1/128',
  '2a00:79e0:2:0::/64',
  '2001:DB8::/64',
  '1.1.01.0/24',
  '::ffff:1.1.1.0/24',
  '::ffff:1.1.1.0/120',
  '1.2.3.4/24',
  '2001:db8::1/64',
  '192.168.0.0/016',
  '10.0.0.0/0000000008', // net.ParseCIDR's dtoi takes any number of leading zeros
];
const invalidCIDRs = [
  '',
  'aaaaaaa',
  '1.2.3.4',
  '192.168.0.1/healthz',
  '192.168.0.1/0/99',
  '192.168.0.0/-16',
  '192.168.0.0/+16',
  '1.2.3.4/33',
  '::/129',
  'fe80::1%eth0/64',
  '10.0.0.0/ 8',
  ' 10.0.0.0/8',
  'example.com/32',
];
for (const value of validCIDRs) test(`IsValidCIDR accepts ${JSON.stringify(value)}`, () => assert.equal(isValidCIDR(value), true));
for (const value of invalidCIDRs) test(`IsValidCIDR rejects ${JSON.stringify(value)}`, () => assert.equal(isValidCIDR(value), false));

// TestGetWarningsForCIDR.
test('GetWarningsForCIDR', () => {
  const path = 'spec.loadBalancerSourceRanges[0]';
  const messages = (value: string) => cidrWarnings(path, value).map((w) => w.message);
  assert.deepEqual(messages('192.12.2.0/24'), []);
  assert.deepEqual(messages('2001:db8::/64'), []);
  const future = 'will be considered invalid in a future Kubernetes release';
  assert.deepEqual(messages('192.012.2.0/24'), [`${path}: non-standard CIDR value "192.012.2.0/24" ${future}: use "192.12.2.0/24"`]);
  assert.deepEqual(messages('192.12.2.0/024'), [`${path}: non-standard CIDR value "192.12.2.0/024" ${future}: use "192.12.2.0/24"`]);
  assert.deepEqual(messages('::ffff:192.12.2.0/120'), [`${path}: non-standard CIDR value "::ffff:192.12.2.0/120" ${future}: use "192.12.2.0/24"`]);
  assert.deepEqual(messages('192.12.2.8/24'), [
    `${path}: CIDR value "192.12.2.8/24" is ambiguous in this context (should be "192.12.2.0/24" or "192.12.2.8/32"?)`,
  ]);
  assert.deepEqual(messages('192.012.2.8/24'), [
    `${path}: CIDR value "192.012.2.8/24" is ambiguous in this context (should be "192.12.2.0/24" or "192.12.2.8/32"?)`,
    `${path}: non-standard CIDR value "192.012.2.8/24" ${future}: use "192.12.2.0/24"`,
  ]);
  assert.deepEqual(messages('2001:db8:0:0::/64'), [`${path}: IPv6 CIDR value "2001:db8:0:0::/64" should be in RFC 5952 canonical format ("2001:db8::/64")`]);
  assert.deepEqual(cidrWarnings(path, '2001:db8::1/64')[0].suggestions, ['2001:db8::/64', '2001:db8::1/128']);
  // An IPv4-mapped address with an IPv4-sized prefix is an IPv6 /24: Go's answers look odd but are what users see.
  assert.deepEqual(cidrWarnings(path, '::ffff:1.1.1.0/24')[0].suggestions, ['::/24', '1.1.1.0/128']);
  assert.deepEqual(messages(' 10.0.0.0/8'), []); // not parseable untrimmed: the API server logs and warns nothing
});
