import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';
import { specialIPErrors } from '../../../server/src/kubernetes/validation/ip';

const RULE = 'external-ip-invalid';
const service = (ips: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  externalIPs: ${ips}
  selector:
    app: web
  ports:
    - port: 80
`;

test('a host name is not an IP', () => {
  const text = service('[203.0.113.10, lb.example.com]');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'lb.example.com');
  assert.equal(
    finding.message,
    'spec.externalIPs[1]: Invalid value: "lb.example.com": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
      'Each entry must be a single IP address: no host names, ports or CIDR ranges.',
  );
  assert.deepEqual(finding.data, { value: 'lb.example.com' });
});

test('special addresses are refused with the API server wording', () => {
  const text = service('\n    - 0.0.0.0\n    - 127.0.0.1\n    - 169.254.169.254\n    - 224.0.0.1\n    - "::"\n    - "fe80::1"\n');
  const findings = findingsOf(text, RULE);
  assert.deepEqual(findings.map((f) => covered(text, f)), ['0.0.0.0', '127.0.0.1', '169.254.169.254', '224.0.0.1', '"::"', '"fe80::1"']);
  assert.deepEqual(
    findings.map((f) => f.message.split('\n')[0]),
    [
      'spec.externalIPs[0]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)',
      'spec.externalIPs[1]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      'spec.externalIPs[2]: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
      'spec.externalIPs[3]: Invalid value: "224.0.0.1": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
      'spec.externalIPs[4]: Invalid value: "::": may not be unspecified (::)',
      'spec.externalIPs[5]: Invalid value: "fe80::1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    ],
  );
  assert.equal(
    findings[1].message.split('\n')[1],
    'Use an address that is routed to one of your nodes; the API server refuses unspecified, loopback and link-local addresses here.',
  );
});

const cases: Array<[string, number]> = [
  ['[203.0.113.10]', 0],
  ['["2001:db8::10"]', 0],
  ['[010.0.0.1]', 0], // leading zeros are accepted (ip-non-canonical warns)
  ['[]', 0],
  ['', 0],
  ['[10.0.0.1/32]', 1],
  ['["10.0.0.1:80"]', 1],
  ['[""]', 1],
  ['[10.0.0.1, 10.0.0.300]', 1],
  ['[1]', 0], // a number is a type error
];
for (const [ips, expected] of cases) {
  test(`externalIPs ${ips || '(null)'} → ${expected}`, () => assert.equal(findingsOf(service(ips), RULE).length, expected));
}

test('ValidateNonSpecialIP: unspecified, loopback, link-local and link-local multicast', () => {
  assert.deepEqual(specialIPErrors('0.0.0.0'), ['may not be unspecified (0.0.0.0)']);
  assert.deepEqual(specialIPErrors('::'), ['may not be unspecified (::)']);
  assert.deepEqual(specialIPErrors('00.0.0.0'), ['may not be unspecified (00.0.0.0)']);
  const loopback = ['may not be in the loopback range (127.0.0.0/8, ::1/128)'];
  assert.deepEqual(specialIPErrors('127.0.0.1'), loopback);
  assert.deepEqual(specialIPErrors('127.255.0.9'), loopback);
  assert.deepEqual(specialIPErrors('::1'), loopback);
  assert.deepEqual(specialIPErrors('::ffff:127.0.0.1'), loopback);
  const linkLocal = ['may not be in the link-local range (169.254.0.0/16, fe80::/10)'];
  assert.deepEqual(specialIPErrors('169.254.169.254'), linkLocal);
  assert.deepEqual(specialIPErrors('fe80::1'), linkLocal);
  assert.deepEqual(specialIPErrors('febf::1'), linkLocal);
  assert.deepEqual(specialIPErrors('fec0::1'), []);
  const multicast = ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'];
  assert.deepEqual(specialIPErrors('224.0.0.251'), multicast);
  assert.deepEqual(specialIPErrors('ff02::1'), multicast);
  assert.deepEqual(specialIPErrors('ff12::1'), multicast); // Go checks only the scope nibble
  assert.deepEqual(specialIPErrors('ff05::1'), []);
  assert.deepEqual(specialIPErrors('224.0.1.1'), []);
  assert.deepEqual(specialIPErrors('203.0.113.10'), []);
  assert.deepEqual(specialIPErrors('2001:db8::1'), []);
});
