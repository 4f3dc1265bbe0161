import { ruleTester } from '../../kit/ruleTester';
import { ipFamilyPolicyInvalid } from '../../../server/src/rules/ip-family-policy-invalid';

const service = (spec: string, selector = '  selector:\n    app: web\n') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${selector}${spec}  ports:
    - port: 80
`;

ruleTester.run(ipFamilyPolicyInvalid, {
  valid: [
    { name: 'nothing set → 0', code: service('') },
    { name: 'PreferDualStack with two families → 0', code: service('  ipFamilyPolicy: PreferDualStack\n  ipFamilies: [IPv6, IPv4]\n') },
    {
      name: 'RequireDualStack with two IPs → 0',
      code: service('  ipFamilyPolicy: RequireDualStack\n  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, "fd00::1"]\n'),
    },
    { name: 'omitted policy, one family → 0', code: service('  ipFamilies: [IPv6]\n') },
    {
      name: 'headless without selector defaults to RequireDualStack → 0',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
  ipFamilies: [IPv4, IPv6]
  ports:
    - port: 80
`,
    },
    {
      name: 'registry stops at invalid clusterIPs first → 0',
      code: service('  clusterIP: 10.0.0.1\n  clusterIPs: [10.0.0.1, 10.0.0.2]\n'),
    },
    { name: 'registry stops at duplicate families first → 0', code: service('  ipFamilies: [IPv4, IPv4]\n') },
    { name: 'null means omitted → 0', code: service('  ipFamilyPolicy:\n') },
  ],
  invalid: [
    {
      name: 'a mis-cased policy suggests the right spelling',
      code: service('  ipFamilyPolicy: ⟦singlestack⟧\n'),
      errors: [
        {
          message:
            'spec.ipFamilyPolicy: Unsupported value: "singlestack": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"\n' +
            'Values are case-sensitive: did you mean "SingleStack"?',
          data: { suggestion: 'SingleStack' },
          fixes: [{ title: 'Change ipFamilyPolicy to SingleStack', output: service('  ipFamilyPolicy: SingleStack\n'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'an explicit SingleStack with two families is rejected on the policy value',
      code: service('  ipFamilyPolicy: ⟦SingleStack⟧\n  ipFamilies: [IPv4, IPv6]\n'),
      errors: [
        {
          message:
            "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified\n" +
            'SingleStack allows one IP family: set ipFamilyPolicy to RequireDualStack or PreferDualStack to get two.',
          data: { expected: ['RequireDualStack', 'PreferDualStack'], omitted: false },
          fixes: [
            {
              title: 'Set ipFamilyPolicy: PreferDualStack',
              output: service('  ipFamilyPolicy: PreferDualStack\n  ipFamilies: [IPv4, IPv6]\n'),
              preferred: true,
            },
            { title: 'Set ipFamilyPolicy: RequireDualStack', output: service('  ipFamilyPolicy: RequireDualStack\n  ipFamilies: [IPv4, IPv6]\n') },
          ],
        },
      ],
    },
    {
      name: 'an omitted policy defaults to SingleStack: two cluster IPs are reported on the clusterIPs key',
      code: service('  clusterIP: 10.0.0.1\n  ⟦clusterIPs⟧: [10.0.0.1, "fd00::1"]\n'),
      errors: [
        {
          message:
            "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified\n" +
            'Without ipFamilyPolicy the API server assumes SingleStack, which allows one IP family: add ipFamilyPolicy: RequireDualStack or PreferDualStack.',
          data: { expected: ['RequireDualStack', 'PreferDualStack'], omitted: true },
          fixes: [
            {
              title: 'Set ipFamilyPolicy: PreferDualStack',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  clusterIP: 10.0.0.1
  clusterIPs: [10.0.0.1, "fd00::1"]
  ports:
    - port: 80
  ipFamilyPolicy: PreferDualStack
`,
              preferred: true,
            },
            {
              title: 'Set ipFamilyPolicy: RequireDualStack',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  clusterIP: 10.0.0.1
  clusterIPs: [10.0.0.1, "fd00::1"]
  ports:
    - port: 80
  ipFamilyPolicy: RequireDualStack
`,
            },
          ],
        },
      ],
    },
    {
      name: 'omitted policy, two families → 1',
      code: service('  ⟦ipFamilies⟧: [IPv4, IPv6]\n'),
      errors: [
        {
          message:
            "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified\n" +
            'Without ipFamilyPolicy the API server assumes SingleStack, which allows one IP family: add ipFamilyPolicy: RequireDualStack or PreferDualStack.',
          data: { expected: ['RequireDualStack', 'PreferDualStack'], omitted: true },
          fixes: [
            {
              title: 'Set ipFamilyPolicy: PreferDualStack',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ipFamilies: [IPv4, IPv6]
  ports:
    - port: 80
  ipFamilyPolicy: PreferDualStack
`,
              preferred: true,
            },
            {
              title: 'Set ipFamilyPolicy: RequireDualStack',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ipFamilies: [IPv4, IPv6]
  ports:
    - port: 80
  ipFamilyPolicy: RequireDualStack
`,
            },
          ],
        },
      ],
    },
    {
      name: 'headless with selector defaults to SingleStack → 1',
      code: service('  clusterIP: None\n  ⟦ipFamilies⟧: [IPv4, IPv6]\n'),
      errors: [
        {
          message:
            "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified\n" +
            'Without ipFamilyPolicy the API server assumes SingleStack, which allows one IP family: add ipFamilyPolicy: RequireDualStack or PreferDualStack.',
          data: { expected: ['RequireDualStack', 'PreferDualStack'], omitted: true },
          fixes: [
            {
              title: 'Set ipFamilyPolicy: PreferDualStack',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  clusterIP: None
  ipFamilies: [IPv4, IPv6]
  ports:
    - port: 80
  ipFamilyPolicy: PreferDualStack
`,
              preferred: true,
            },
            {
              title: 'Set ipFamilyPolicy: RequireDualStack',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  clusterIP: None
  ipFamilies: [IPv4, IPv6]
  ports:
    - port: 80
  ipFamilyPolicy: RequireDualStack
`,
            },
          ],
        },
      ],
    },
    {
      name: 'SingleStack with two IPs and two families → 2',
      code: service(`  ipFamilyPolicy: ⟦⟦SingleStack⟧⟧
  clusterIP: 10.0.0.1
  clusterIPs: [10.0.0.1, "fd00::1"]
  ipFamilies: [IPv4, IPv6]
`),
      errors: [
        {
          message:
            "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified\n" +
            'SingleStack allows one IP family: set ipFamilyPolicy to RequireDualStack or PreferDualStack to get two.',
          data: { expected: ['RequireDualStack', 'PreferDualStack'], omitted: false },
          fixes: [
            {
              title: 'Set ipFamilyPolicy: PreferDualStack',
              output: service(`  ipFamilyPolicy: PreferDualStack
  clusterIP: 10.0.0.1
  clusterIPs: [10.0.0.1, "fd00::1"]
  ipFamilies: [IPv4, IPv6]
`),
              preferred: true,
            },
            {
              title: 'Set ipFamilyPolicy: RequireDualStack',
              output: service(`  ipFamilyPolicy: RequireDualStack
  clusterIP: 10.0.0.1
  clusterIPs: [10.0.0.1, "fd00::1"]
  ipFamilies: [IPv4, IPv6]
`),
            },
          ],
        },
        {
          message:
            "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified\n" +
            'SingleStack allows one IP family: set ipFamilyPolicy to RequireDualStack or PreferDualStack to get two.',
          data: { expected: ['RequireDualStack', 'PreferDualStack'], omitted: false },
          fixes: [
            {
              title: 'Set ipFamilyPolicy: PreferDualStack',
              output: service(`  ipFamilyPolicy: PreferDualStack
  clusterIP: 10.0.0.1
  clusterIPs: [10.0.0.1, "fd00::1"]
  ipFamilies: [IPv4, IPv6]
`),
              preferred: true,
            },
            {
              title: 'Set ipFamilyPolicy: RequireDualStack',
              output: service(`  ipFamilyPolicy: RequireDualStack
  clusterIP: 10.0.0.1
  clusterIPs: [10.0.0.1, "fd00::1"]
  ipFamilies: [IPv4, IPv6]
`),
            },
          ],
        },
      ],
    },
    {
      name: 'empty string is not defaulted → 1',
      code: service('  ipFamilyPolicy: ⟦""⟧\n'),
      errors: [
        {
          message:
            'spec.ipFamilyPolicy: Unsupported value: "": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"\n' +
            'Use SingleStack (one IP family), PreferDualStack (both when the cluster has both) or RequireDualStack (fail without both).',
        },
      ],
    },
    {
      name: 'unknown value → 1',
      code: service('  ipFamilyPolicy: ⟦DualStack⟧\n'),
      errors: [
        {
          message:
            'spec.ipFamilyPolicy: Unsupported value: "DualStack": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"\n' +
            'Use SingleStack (one IP family), PreferDualStack (both when the cluster has both) or RequireDualStack (fail without both).',
        },
      ],
    },
  ],
});
