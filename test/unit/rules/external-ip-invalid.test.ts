import { test } from 'node:test';
import assert from 'node:assert/strict';
import { specialIPErrors } from '../../../server/src/kubernetes/validation/ip';
import { ruleTester } from '../../kit/ruleTester';
import { externalIPInvalid } from '../../../server/src/rules/external-ip-invalid';

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

ruleTester.run(externalIPInvalid, {
  valid: [
    { name: 'externalIPs [203.0.113.10] → 0', code: service('[203.0.113.10]') },
    { name: 'externalIPs ["2001:db8::10"] → 0', code: service('["2001:db8::10"]') },
    // leading zeros are accepted (ip-non-canonical warns)
    { name: 'externalIPs [010.0.0.1] → 0', code: service('[010.0.0.1]') },
    { name: 'externalIPs [] → 0', code: service('[]') },
    { name: 'externalIPs (null) → 0', code: service('') },
    // a number is a type error
    { name: 'externalIPs [1] → 0', code: service('[1]') },
  ],
  invalid: [
    {
      name: 'a host name is not an IP',
      code: service('[203.0.113.10, ⟦lb.example.com⟧]'),
      errors: [
        {
          message:
            'spec.externalIPs[1]: Invalid value: "lb.example.com": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
            'Each entry must be a single IP address: no host names, ports or CIDR ranges.',
          data: { value: 'lb.example.com' },
          fixes: [{ title: 'Remove lb.example.com from externalIPs', output: service('[203.0.113.10]'), preferred: true }],
        },
      ],
    },
    {
      name: 'special addresses are refused with the API server wording',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  externalIPs: 
    - ⟦0.0.0.0⟧
    - ⟦127.0.0.1⟧
    - ⟦169.254.169.254⟧
    - ⟦224.0.0.1⟧
    - ⟦"::"⟧
    - ⟦"fe80::1"⟧

  selector:
    app: web
  ports:
    - port: 80
`,
      errors: [
        {
          message:
            'spec.externalIPs[0]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)\n' +
            'Use an address that is routed to one of your nodes; the API server refuses unspecified, loopback and link-local addresses here.',
          data: { value: '0.0.0.0' },
          fixes: [
            {
              title: 'Remove 0.0.0.0 from externalIPs',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  externalIPs: 
    - 127.0.0.1
    - 169.254.169.254
    - 224.0.0.1
    - "::"
    - "fe80::1"

  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
          ],
        },
        {
          message:
            'spec.externalIPs[1]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)\n' +
            'Use an address that is routed to one of your nodes; the API server refuses unspecified, loopback and link-local addresses here.',
          data: { value: '127.0.0.1' },
          fixes: [
            {
              title: 'Remove 127.0.0.1 from externalIPs',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  externalIPs: 
    - 0.0.0.0
    - 169.254.169.254
    - 224.0.0.1
    - "::"
    - "fe80::1"

  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
          ],
        },
        {
          message:
            'spec.externalIPs[2]: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)\n' +
            'Use an address that is routed to one of your nodes; the API server refuses unspecified, loopback and link-local addresses here.',
          data: { value: '169.254.169.254' },
          fixes: [
            {
              title: 'Remove 169.254.169.254 from externalIPs',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  externalIPs: 
    - 0.0.0.0
    - 127.0.0.1
    - 224.0.0.1
    - "::"
    - "fe80::1"

  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
          ],
        },
        {
          message:
            'spec.externalIPs[3]: Invalid value: "224.0.0.1": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)\n' +
            'Use an address that is routed to one of your nodes; the API server refuses unspecified, loopback and link-local addresses here.',
          data: { value: '224.0.0.1' },
          fixes: [
            {
              title: 'Remove 224.0.0.1 from externalIPs',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  externalIPs: 
    - 0.0.0.0
    - 127.0.0.1
    - 169.254.169.254
    - "::"
    - "fe80::1"

  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
          ],
        },
        {
          message:
            'spec.externalIPs[4]: Invalid value: "::": may not be unspecified (::)\n' +
            'Use an address that is routed to one of your nodes; the API server refuses unspecified, loopback and link-local addresses here.',
          data: { value: '::' },
          fixes: [
            {
              title: 'Remove :: from externalIPs',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  externalIPs: 
    - 0.0.0.0
    - 127.0.0.1
    - 169.254.169.254
    - 224.0.0.1
    - "fe80::1"

  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
          ],
        },
        {
          message:
            'spec.externalIPs[5]: Invalid value: "fe80::1": may not be in the link-local range (169.254.0.0/16, fe80::/10)\n' +
            'Use an address that is routed to one of your nodes; the API server refuses unspecified, loopback and link-local addresses here.',
          data: { value: 'fe80::1' },
          fixes: [
            {
              title: 'Remove fe80::1 from externalIPs',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  externalIPs: 
    - 0.0.0.0
    - 127.0.0.1
    - 169.254.169.254
    - 224.0.0.1
    - "::"

  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'externalIPs [10.0.0.1/32] → 1',
      code: service('[⟦10.0.0.1/32⟧]'),
      errors: [
        {
          message:
            'spec.externalIPs[0]: Invalid value: "10.0.0.1/32": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
            'Each entry must be a single IP address: no host names, ports or CIDR ranges.',
          data: { value: '10.0.0.1/32' },
          fixes: [
            { title: 'Change to 10.0.0.1', output: service('[10.0.0.1]'), preferred: true },
            {
              title: 'Remove externalIPs',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`,
            },
          ],
        },
      ],
    },
    {
      name: 'externalIPs ["10.0.0.1:80"] → 1',
      code: service('[⟦"10.0.0.1:80"⟧]'),
      errors: [
        {
          message:
            'spec.externalIPs[0]: Invalid value: "10.0.0.1:80": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
            'Each entry must be a single IP address: no host names, ports or CIDR ranges.',
          data: { value: '10.0.0.1:80' },
          fixes: [
            { title: 'Change to 10.0.0.1', output: service('["10.0.0.1"]'), preferred: true },
            {
              title: 'Remove externalIPs',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`,
            },
          ],
        },
      ],
    },
    {
      name: 'externalIPs [""] → 1',
      code: service('[⟦""⟧]'),
      errors: [
        {
          message:
            'spec.externalIPs[0]: Invalid value: "": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
            'Each entry must be a single IP address: no host names, ports or CIDR ranges.',
          data: { value: '' },
          fixes: [
            {
              title: 'Remove externalIPs',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'externalIPs [10.0.0.1, 10.0.0.300] → 1',
      code: service('[10.0.0.1, ⟦10.0.0.300⟧]'),
      errors: [
        {
          message:
            'spec.externalIPs[1]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
            'Each entry must be a single IP address: no host names, ports or CIDR ranges.',
          data: { value: '10.0.0.300' },
          fixes: [{ title: 'Remove 10.0.0.300 from externalIPs', output: service('[10.0.0.1]'), preferred: true }],
        },
      ],
    },
  ],
});
