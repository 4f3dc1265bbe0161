import { ruleTester } from '../../kit/ruleTester';
import { ipNonCanonical } from '../../../server/src/rules/ip-non-canonical';

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

ruleTester.run(ipNonCanonical, {
  valid: [
    {
      name: 'clusterIP: 10.96.0.10 externalIPs: [203.0.113.10, "2001:db8::1"] loadBalancerIP: 203.0.113.9 loadBalancerSourceRanges: [10.0.0.0/8, "2001:db8::/32"] → 0',
      code: service(`  clusterIP: 10.96.0.10
  externalIPs: [203.0.113.10, "2001:db8::1"]
  loadBalancerIP: 203.0.113.9
  loadBalancerSourceRanges: [10.0.0.0/8, "2001:db8::/32"]
`),
    },
    { name: 'clusterIP: None → 0', code: service('  clusterIP: None\n') },
    // without clusterIP no IP is set (an error elsewhere)
    { name: 'clusterIPs: ["FD00::1"] → 0', code: service('  clusterIPs: ["FD00::1"]\n') },
    // loadBalancerIP is never validated, and warnings need a parseable value
    { name: 'loadBalancerIP: not-an-ip → 0', code: service('  loadBalancerIP: not-an-ip\n') },
    // checked untrimmed: unparseable, no warning
    { name: 'loadBalancerSourceRanges: [" 10.0.0.1/8"] → 0', code: service('  loadBalancerSourceRanges: [" 10.0.0.1/8"]\n') },
  ],
  invalid: [
    {
      name: 'leading zeros in an external IP',
      code: service('  externalIPs: [⟦010.001.002.003⟧]\n'),
      errors: [
        {
          message:
            'spec.externalIPs[0]: non-standard IP address "010.001.002.003" will be considered invalid in a future Kubernetes release: use "10.1.2.3"\n' +
            'Kubernetes reads it as "10.1.2.3", other software may read a leading 0 as octal, and API servers with the StrictIPCIDRValidation feature (alpha since 1.33) already reject it.',
          data: { suggestion: '10.1.2.3', suggestions: ['10.1.2.3'] },
          fixes: [{ title: 'Change to 10.1.2.3', output: service('  externalIPs: [10.1.2.3]\n'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'an IPv4-mapped cluster IP and a non-canonical IPv6 loadBalancerIP',
      code: service('  clusterIP: ⟦"::ffff:10.96.0.10"⟧\n  loadBalancerIP: ⟦"2001:DB8:0::1"⟧\n'),
      errors: [
        {
          message:
            'spec.clusterIPs[0]: non-standard IP address "::ffff:10.96.0.10" will be considered invalid in a future Kubernetes release: use "10.96.0.10"\n' +
            'Kubernetes treats it as the IPv4 address "10.96.0.10", other software may treat it as IPv6, and API servers with the StrictIPCIDRValidation feature (alpha since 1.33) already reject it.',
          data: { suggestion: '10.96.0.10', suggestions: ['10.96.0.10'] },
          fixes: [
            {
              title: 'Change to 10.96.0.10',
              output: service('  clusterIP: "10.96.0.10"\n  loadBalancerIP: "2001:DB8:0::1"\n'),
              safe: true,
              preferred: true,
            },
          ],
        },
        {
          message:
            'spec.loadBalancerIP: IPv6 address "2001:DB8:0::1" should be in RFC 5952 canonical format ("2001:db8::1")\n' +
            'Write "2001:db8::1", the RFC 5952 form Kubernetes itself prints (lower case, no leading zeros, :: for the longest run of zero groups).',
          data: { suggestion: '2001:db8::1', suggestions: ['2001:db8::1'] },
          fixes: [
            {
              title: 'Change to 2001:db8::1',
              output: service('  clusterIP: "::ffff:10.96.0.10"\n  loadBalancerIP: "2001:db8::1"\n'),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'a source range with host bits set offers both readings',
      code: service('  loadBalancerSourceRanges: [⟦10.0.0.1/8⟧]\n'),
      errors: [
        {
          message:
            'spec.loadBalancerSourceRanges[0]: CIDR value "10.0.0.1/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.0.0.1/32"?)\n' +
            'Only the network part counts, so this allows all of "10.0.0.0/8"; write that, or "10.0.0.1/32" for a single address.',
          data: { suggestion: '10.0.0.0/8', suggestions: ['10.0.0.0/8', '10.0.0.1/32'] },
          fixes: [
            {
              title: 'Change to 10.0.0.0/8 (the network Kubernetes uses)',
              output: service('  loadBalancerSourceRanges: [10.0.0.0/8]\n'),
              preferred: true,
            },
            { title: 'Change to 10.0.0.1/32 (only this address)', output: service('  loadBalancerSourceRanges: [10.0.0.1/32]\n') },
          ],
        },
      ],
    },
    {
      name: 'a source range with two problems gets both warnings',
      code: service('  loadBalancerSourceRanges: [⟦⟦192.012.2.8/24⟧⟧]\n'),
      errors: [
        {
          message:
            'spec.loadBalancerSourceRanges[0]: CIDR value "192.012.2.8/24" is ambiguous in this context (should be "192.12.2.0/24" or "192.12.2.8/32"?)\n' +
            'Only the network part counts, so this allows all of "192.12.2.0/24"; write that, or "192.12.2.8/32" for a single address.',
          data: { suggestion: '192.12.2.0/24', suggestions: ['192.12.2.0/24', '192.12.2.8/32'] },
          fixes: [
            {
              title: 'Change to 192.12.2.0/24 (the network Kubernetes uses)',
              output: service('  loadBalancerSourceRanges: [192.12.2.0/24]\n'),
              preferred: true,
            },
            { title: 'Change to 192.12.2.8/32 (only this address)', output: service('  loadBalancerSourceRanges: [192.12.2.8/32]\n') },
          ],
        },
        {
          message:
            'spec.loadBalancerSourceRanges[0]: non-standard CIDR value "192.012.2.8/24" will be considered invalid in a future Kubernetes release: use "192.12.2.0/24"\n' +
            'Write "192.12.2.0/24": leading zeros and IPv4-mapped addresses are read differently by other software, and API servers with the StrictIPCIDRValidation feature (alpha since 1.33) already reject it.',
          data: { suggestion: '192.12.2.0/24', suggestions: ['192.12.2.0/24'] },
          fixes: [{ title: 'Change to 192.12.2.0/24', output: service('  loadBalancerSourceRanges: [192.12.2.0/24]\n'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'clusterIP: 010.96.0.10 → 1',
      code: service('  clusterIP: ⟦010.96.0.10⟧\n'),
      errors: [
        {
          message:
            'spec.clusterIPs[0]: non-standard IP address "010.96.0.10" will be considered invalid in a future Kubernetes release: use "10.96.0.10"\n' +
            'Kubernetes reads it as "10.96.0.10", other software may read a leading 0 as octal, and API servers with the StrictIPCIDRValidation feature (alpha since 1.33) already reject it.',
          data: { suggestion: '10.96.0.10', suggestions: ['10.96.0.10'] },
          fixes: [{ title: 'Change to 10.96.0.10', output: service('  clusterIP: 10.96.0.10\n'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'clusterIP: 10.96.0.1 clusterIPs: [10.96.0.1, "FD00::1"] ipFamilyPolicy: PreferDualStack → 1',
      code: service('  clusterIP: 10.96.0.1\n  clusterIPs: [10.96.0.1, ⟦"FD00::1"⟧]\n  ipFamilyPolicy: PreferDualStack\n'),
      errors: [
        {
          message:
            'spec.clusterIPs[1]: IPv6 address "FD00::1" should be in RFC 5952 canonical format ("fd00::1")\n' +
            'Write "fd00::1", the RFC 5952 form Kubernetes itself prints (lower case, no leading zeros, :: for the longest run of zero groups).',
          data: { suggestion: 'fd00::1', suggestions: ['fd00::1'] },
          fixes: [
            {
              title: 'Change to fd00::1',
              output: service('  clusterIP: 10.96.0.1\n  clusterIPs: [10.96.0.1, "fd00::1"]\n  ipFamilyPolicy: PreferDualStack\n'),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    // invalid values are errors elsewhere
    {
      name: 'externalIPs: [bad, 10.0.0.01] → 1',
      code: service('  externalIPs: [bad, ⟦10.0.0.01⟧]\n'),
      errors: [
        {
          message:
            'spec.externalIPs[1]: non-standard IP address "10.0.0.01" will be considered invalid in a future Kubernetes release: use "10.0.0.1"\n' +
            'Kubernetes reads it as "10.0.0.1", other software may read a leading 0 as octal, and API servers with the StrictIPCIDRValidation feature (alpha since 1.33) already reject it.',
          data: { suggestion: '10.0.0.1', suggestions: ['10.0.0.1'] },
          fixes: [{ title: 'Change to 10.0.0.1', output: service('  externalIPs: [bad, 10.0.0.1]\n'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'loadBalancerSourceRanges: ["2001:DB8::/32"] → 1',
      code: service('  loadBalancerSourceRanges: [⟦"2001:DB8::/32"⟧]\n'),
      errors: [
        {
          message:
            'spec.loadBalancerSourceRanges[0]: IPv6 CIDR value "2001:DB8::/32" should be in RFC 5952 canonical format ("2001:db8::/32")\n' +
            'Write "2001:db8::/32", the RFC 5952 form Kubernetes itself prints.',
          data: { suggestion: '2001:db8::/32', suggestions: ['2001:db8::/32'] },
          fixes: [{ title: 'Change to 2001:db8::/32', output: service('  loadBalancerSourceRanges: ["2001:db8::/32"]\n'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'loadBalancerSourceRanges: [10.0.0.0/08] → 1',
      code: service('  loadBalancerSourceRanges: [⟦10.0.0.0/08⟧]\n'),
      errors: [
        {
          message:
            'spec.loadBalancerSourceRanges[0]: non-standard CIDR value "10.0.0.0/08" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"\n' +
            'Write "10.0.0.0/8": leading zeros and IPv4-mapped addresses are read differently by other software, and API servers with the StrictIPCIDRValidation feature (alpha since 1.33) already reject it.',
          data: { suggestion: '10.0.0.0/8', suggestions: ['10.0.0.0/8'] },
          fixes: [{ title: 'Change to 10.0.0.0/8', output: service('  loadBalancerSourceRanges: [10.0.0.0/8]\n'), safe: true, preferred: true }],
        },
      ],
    },
  ],
});
