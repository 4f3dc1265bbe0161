import { ruleTester } from '../../kit/ruleTester';
import { clusterIPInvalid } from '../../../server/src/rules/clusterip-invalid';

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

ruleTester.run(clusterIPInvalid, {
  valid: [
    { name: 'no clusterIP at all → 0', code: service('') },
    { name: 'a plain address → 0', code: service('  clusterIP: 10.96.0.10\n') },
    { name: 'headless → 0', code: service('  clusterIP: None\n') },
    { name: 'empty clusterIP means "allocate" → 0', code: service('  clusterIP: ""\n') },
    { name: 'null clusterIP → 0', code: service('  clusterIP:\n') },
    { name: 'IPv6 address → 0', code: service('  clusterIP: "2001:db8::10"\n') },
    { name: 'leading zeros are accepted (a warning elsewhere) → 0', code: service('  clusterIP: 010.96.0.10\n') },
    {
      name: 'matching dual-stack pair → 0',
      code: service('  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, "fd00::1"]\n  ipFamilyPolicy: RequireDualStack\n'),
    },
    { name: 'matching families → 0', code: service('  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1]\n  ipFamilies: [IPv4, IPv6]\n') },
    { name: 'IPv4-mapped counts as IPv4 → 0', code: service('  clusterIP: "::ffff:10.0.0.1"\n  ipFamilies: [IPv4]\n') },
    { name: 'headless ignores ipFamilies order → 0', code: service('  clusterIP: None\n  clusterIPs: [None]\n  ipFamilies: [IPv6]\n') },
    { name: 'a number is a type error, not this rule → 0', code: service('  clusterIP: 10\n') },
    {
      name: 'ExternalName Services are left to the ExternalName rules',
      code: service('  externalName: db.example.com\n  clusterIP: bad\n', 'ExternalName'),
    },
  ],
  invalid: [
    {
      name: 'an invalid singular clusterIP is reported on its value with the clusterIPs[0] path the registry gives it',
      code: service('  clusterIP: ⟦10.0.0.300⟧\n'),
      errors: [
        {
          message:
            'spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
            'Write an IPv4 or IPv6 address from the cluster\'s service IP range, "None" for a headless Service, or leave the field out so Kubernetes picks one.',
          data: { value: '10.0.0.300' },
          fixes: [{ title: 'Remove clusterIP (Kubernetes allocates one)', output: service(''), preferred: true }],
        },
      ],
    },
    {
      name: 'clusterIPs[0] must repeat clusterIP',
      code: service('  clusterIP: 10.0.0.1\n  clusterIPs: [⟦10.0.0.2⟧, "2001:db8::1"]\n'),
      errors: [
        {
          message:
            'spec.clusterIPs: Invalid value: []string{"10.0.0.2", "2001:db8::1"}: first value must match `clusterIP`\n' +
            'When both fields are set, clusterIPs[0] must be the same address as clusterIP ("10.0.0.1").',
          data: { expected: '10.0.0.1' },
          fixes: [
            {
              title: 'Change clusterIPs[0] to 10.0.0.1',
              output: service('  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, "2001:db8::1"]\n'),
              preferred: true,
            },
            { title: 'Change clusterIP to 10.0.0.2', output: service('  clusterIP: 10.0.0.2\n  clusterIPs: [10.0.0.2, "2001:db8::1"]\n') },
          ],
        },
      ],
    },
    {
      name: 'clusterIPs without clusterIP is rejected as a whole list',
      code: service('  clusterIPs: ⟦[10.0.0.2]⟧\n'),
      errors: [
        {
          message:
            'spec.clusterIPs: Invalid value: []string{"10.0.0.2"}: must be empty when `clusterIP` is not specified\n' +
            'clusterIPs can only be used together with clusterIP: add clusterIP with the same first value.',
          data: { clusterIP: '10.0.0.2' },
          fixes: [
            {
              title: 'Add clusterIP: 10.0.0.2 (the first of clusterIPs)',
              output: service('  clusterIPs: [10.0.0.2]\n  clusterIP: 10.0.0.2\n'),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'None mixed with addresses, more than two values, two of one family, family mismatch',
      code: service('  clusterIP: None\n  clusterIPs: [⟦None⟧, 10.0.0.2]\n'),
      errors: [
        {
          message:
            'spec.clusterIPs: Invalid value: []string{"None", "10.0.0.2"}: \'None\' must be the first and only value\n' +
            '"None" makes the Service headless, so it cannot be combined with addresses: keep only "None" or only addresses.',
        },
      ],
    },
    {
      name: 'None mixed with addresses, more than two values, two of one family, family mismatch (2)',
      code: service(
        `  clusterIP: 10.0.0.1
  clusterIPs:
    - 10.0.0.1
    - 2001:db8::1
    - ⟦10.0.0.3
    - 10.0.0.4⟧
`,
        'NodePort',
      ),
      errors: [
        {
          message:
            'spec.clusterIPs: Invalid value: []string{"10.0.0.1", "2001:db8::1", "10.0.0.3", "10.0.0.4"}: may only hold up to 2 values\n' +
            'A Service has at most one cluster IP per IP family (one IPv4 and one IPv6): remove the extra entries.',
          data: { max: 2 },
          fixes: [
            {
              title: 'Keep only the first two cluster IPs',
              output: service(
                `  clusterIP: 10.0.0.1
  clusterIPs:
    - 10.0.0.1
    - 2001:db8::1
`,
                'NodePort',
              ),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'None mixed with addresses, more than two values, two of one family, family mismatch (3)',
      code: service('  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, ⟦10.0.0.2⟧]\n'),
      errors: [
        {
          message:
            'spec.clusterIPs: Invalid value: []string{"10.0.0.1", "10.0.0.2"}: may specify no more than one IP for each IP family\n' +
            'These addresses are both IPv4; a dual-stack Service takes one IPv4 and one IPv6 address.',
        },
      ],
    },
    {
      name: 'None mixed with addresses, more than two values, two of one family, family mismatch (4)',
      code: service('  clusterIP: 10.0.0.1\n  clusterIPs: [⟦10.0.0.1⟧, ⟦"2001:db8::1"⟧]\n  ipFamilies: [IPv6, IPv4]\n'),
      errors: [
        {
          message:
            'spec.clusterIPs[0]: Invalid value: "10.0.0.1": expected an IPv6 value as indicated by `ipFamilies[0]`\n' +
            'clusterIPs and ipFamilies are read position by position: put the IPv6 address at index 0 or reorder ipFamilies.',
          data: { expectedFamily: 'IPv6' },
        },
        {
          message:
            'spec.clusterIPs[1]: Invalid value: "2001:db8::1": expected an IPv4 value as indicated by `ipFamilies[1]`\n' +
            'clusterIPs and ipFamilies are read position by position: put the IPv4 address at index 1 or reorder ipFamilies.',
          data: { expectedFamily: 'IPv4' },
        },
      ],
    },
    {
      name: 'a host name → 1',
      code: service('  clusterIP: ⟦my-service.default⟧\n'),
      errors: [
        {
          message:
            'spec.clusterIPs[0]: Invalid value: "my-service.default": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
            'Write an IPv4 or IPv6 address from the cluster\'s service IP range, "None" for a headless Service, or leave the field out so Kubernetes picks one.',
          data: { value: 'my-service.default' },
          fixes: [{ title: 'Remove clusterIP (Kubernetes allocates one)', output: service(''), preferred: true }],
        },
      ],
    },
    {
      name: 'a CIDR → 1',
      code: service('  clusterIP: ⟦10.0.0.0/24⟧\n'),
      errors: [
        {
          message:
            'spec.clusterIPs[0]: Invalid value: "10.0.0.0/24": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
            'Write an IPv4 or IPv6 address from the cluster\'s service IP range, "None" for a headless Service, or leave the field out so Kubernetes picks one.',
          data: { value: '10.0.0.0/24' },
          fixes: [{ title: 'Remove clusterIP (Kubernetes allocates one)', output: service(''), preferred: true }],
        },
      ],
    },
    {
      name: 'an empty entry in clusterIPs → 1',
      code: service('  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, ⟦""⟧]\n'),
      errors: [
        {
          message:
            'spec.clusterIPs[1]: Invalid value: "": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
            "The second cluster IP must be an address of the other IP family from the cluster's service IP range.",
          data: { value: '' },
        },
      ],
    },
    {
      name: 'None in second place → 1',
      code: service('  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, ⟦None⟧]\n'),
      errors: [
        {
          message:
            'spec.clusterIPs[1]: Invalid value: "None": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
            "The second cluster IP must be an address of the other IP family from the cluster's service IP range.",
          data: { value: 'None' },
        },
      ],
    },
    {
      name: 'family checks stop after an invalid IP → 1',
      code: service('  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, ⟦bad⟧]\n  ipFamilies: [IPv6]\n'),
      errors: [
        {
          message:
            'spec.clusterIPs[1]: Invalid value: "bad": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n' +
            "The second cluster IP must be an address of the other IP family from the cluster's service IP range.",
          data: { value: 'bad' },
        },
      ],
    },
  ],
});
