import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goTrimSpace } from '../../../server/src/document/text';
import { ruleTester } from '../../kit/ruleTester';
import { lbSourceRangesInvalid } from '../../../server/src/rules/lb-source-ranges-invalid';

const service = (ranges: string, annotation?: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
${annotation === undefined ? '' : `  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: ${annotation}\n`}spec:
  type: LoadBalancer
  loadBalancerSourceRanges: ${ranges}
  selector:
    app: web
  ports:
    - port: 80
`;

test("Go's TrimSpace differs from String.prototype.trim at the edges", () => {
  assert.equal(goTrimSpace(' \t10.0.0.0/8\n'), '10.0.0.0/8');
  assert.equal(goTrimSpace('\u008510.0.0.0/8\u00a0'), '10.0.0.0/8');
  assert.equal(goTrimSpace('\ufeff10.0.0.0/8'), '\ufeff10.0.0.0/8');
});

ruleTester.run(lbSourceRangesInvalid, {
  valid: [
    { name: 'ranges [10.0.0.0/8, "2001:db8::/64"] annotation (none) → 0', code: service('[10.0.0.0/8, "2001:db8::/64"]') },
    // space padding is tolerated
    { name: 'ranges [" 10.0.0.0/8 "] annotation (none) → 0', code: service('[" 10.0.0.0/8 "]') },
    // host bits: accepted (ip-non-canonical warns)
    { name: 'ranges [10.0.0.1/8] annotation (none) → 0', code: service('[10.0.0.1/8]') },
    { name: 'ranges [] annotation "" → 0', code: service('[]', '""') },
    { name: 'ranges [] annotation "  " → 0', code: service('[]', '"  "') },
    // the annotation is ignored when the field is set
    { name: 'ranges [10.0.0.0/8] annotation bad → 0', code: service('[10.0.0.0/8]', 'bad') },
  ],
  invalid: [
    {
      name: 'a plain address is not a CIDR: the capital-L path, and a /32 suggestion',
      code: service('[⟦203.0.113.7⟧]'),
      errors: [
        {
          message:
            'spec.LoadBalancerSourceRanges[0]: Invalid value: "203.0.113.7": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)\n' +
            'Each entry must be a network in CIDR notation such as 203.0.113.0/24 (a single address is /32, or /128 for IPv6).',
          data: { suggestion: '203.0.113.7/32' },
          fixes: [{ title: 'Change to 203.0.113.7/32 (that single address)', output: service('[203.0.113.7/32]'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'the echoed value is trimmed, as the API server trims it',
      code: service('["10.0.0.0/8", ⟦" office.example.com "⟧]'),
      errors: [
        {
          message:
            'spec.LoadBalancerSourceRanges[1]: Invalid value: "office.example.com": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)\n' +
            'Each entry must be a network in CIDR notation such as 203.0.113.0/24 (a single address is /32, or /128 for IPv6).',
        },
      ],
    },
    {
      name: 'the annotation is checked entry by entry when the field is empty, without an index in the path',
      code: service('[]', '"10.0.0.0/8, ⟦2001:db8::1⟧"'),
      errors: [
        {
          message:
            'metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Invalid value: "2001:db8::1": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)\n' +
            'Each entry must be a network in CIDR notation such as 203.0.113.0/24 (a single address is /32, or /128 for IPv6).',
          data: { suggestion: '2001:db8::1/128' },
          fixes: [
            {
              title: 'Change to 2001:db8::1/128 (that single address)',
              output: service('[]', '"10.0.0.0/8, 2001:db8::1/128"'),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'ranges [10.0.0.0/33] annotation (none) → 1',
      code: service('[⟦10.0.0.0/33⟧]'),
      errors: [
        {
          message:
            'spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)\n' +
            'Each entry must be a network in CIDR notation such as 203.0.113.0/24 (a single address is /32, or /128 for IPv6).',
        },
      ],
    },
    {
      name: 'ranges [""] annotation (none) → 1',
      code: service('[⟦""⟧]'),
      errors: [
        {
          message:
            'spec.LoadBalancerSourceRanges[0]: Invalid value: "": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)\n' +
            'Each entry must be a network in CIDR notation such as 203.0.113.0/24 (a single address is /32, or /128 for IPv6).',
        },
      ],
    },
    {
      name: 'ranges [10.0.0.0/8, bad, worse] annotation (none) → 2',
      code: service('[10.0.0.0/8, ⟦bad⟧, ⟦worse⟧]'),
      errors: [
        {
          message:
            'spec.LoadBalancerSourceRanges[1]: Invalid value: "bad": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)\n' +
            'Each entry must be a network in CIDR notation such as 203.0.113.0/24 (a single address is /32, or /128 for IPv6).',
        },
        {
          message:
            'spec.LoadBalancerSourceRanges[2]: Invalid value: "worse": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)\n' +
            'Each entry must be a network in CIDR notation such as 203.0.113.0/24 (a single address is /32, or /128 for IPv6).',
        },
      ],
    },
    {
      name: 'ranges [] annotation bad → 1',
      code: service('[]', '⟦bad⟧'),
      errors: [
        {
          message:
            'metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Invalid value: "bad": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)\n' +
            'Each entry must be a network in CIDR notation such as 203.0.113.0/24 (a single address is /32, or /128 for IPv6).',
        },
      ],
    },
    // an empty entry between commas
    {
      name: 'ranges [] annotation "10.0.0.0/8,,10.1.0.0/16" → 1',
      code: service('[]', '⟦"10.0.0.0/8,,10.1.0.0/16"⟧'),
      errors: [
        {
          message:
            'metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Invalid value: "": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)\n' +
            'Each entry must be a network in CIDR notation such as 203.0.113.0/24 (a single address is /32, or /128 for IPv6).',
        },
      ],
    },
  ],
});
