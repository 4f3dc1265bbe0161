import { ruleTester } from '../../kit/ruleTester';
import { ipFamiliesInvalid } from '../../../server/src/rules/ip-families-invalid';

const service = (families: string, type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  ipFamilyPolicy: PreferDualStack
  ipFamilies: ${families}
  selector:
    app: web
  ports:
    - port: 80
`;

ruleTester.run(ipFamiliesInvalid, {
  valid: [
    { name: 'ipFamilies [IPv4] → 0', code: service('[IPv4]') },
    { name: 'ipFamilies [IPv6, IPv4] → 0', code: service('[IPv6, IPv4]') },
    { name: 'ipFamilies [] → 0', code: service('[]') },
    { name: 'ipFamilies (null) → 0', code: service('') },
    // a number is a type error
    { name: 'ipFamilies [4] → 0', code: service('[4]') },
    { name: 'ExternalName Services may not set ipFamilies at all, which another rule reports', code: service('[ipv4]', 'ExternalName') },
  ],
  invalid: [
    {
      name: 'a mis-cased family suggests the right spelling',
      code: service('[⟦ipv4⟧]'),
      errors: [
        {
          message: 'spec.ipFamilies[0]: Unsupported value: "ipv4": supported values: "IPv4", "IPv6"\n' + 'Values are case-sensitive: did you mean "IPv4"?',
          data: { suggestion: 'IPv4' },
          fixes: [{ title: 'Change the IP family to IPv4', output: service('[IPv4]'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'an unknown family and a repeated one',
      code: service('[IPv6, ⟦IPv5⟧, ⟦IPv6⟧]'),
      errors: [
        {
          message: 'spec.ipFamilies[1]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"\n' + 'ipFamilies may only list IPv4 and IPv6.',
        },
        {
          message:
            'spec.ipFamilies[2]: Duplicate value: "IPv6"\n' +
            'Each IP family may appear once; a dual-stack Service lists IPv4 and IPv6, the preferred one first.',
          fixes: [{ title: 'Remove the second IPv6', output: service('[IPv6, IPv5]'), preferred: true }],
        },
      ],
    },
    {
      name: 'ipFamilies [IPv4, IPv4] → 1',
      code: service('[IPv4, ⟦IPv4⟧]'),
      errors: [
        {
          message:
            'spec.ipFamilies[1]: Duplicate value: "IPv4"\n' +
            'Each IP family may appear once; a dual-stack Service lists IPv4 and IPv6, the preferred one first.',
          fixes: [{ title: 'Remove the second IPv4', output: service('[IPv4]'), preferred: true }],
        },
      ],
    },
    {
      name: 'ipFamilies ["", IPv4] → 1',
      code: service('[⟦""⟧, IPv4]'),
      errors: [
        {
          message: 'spec.ipFamilies[0]: Unsupported value: "": supported values: "IPv4", "IPv6"\n' + 'ipFamilies may only list IPv4 and IPv6.',
        },
      ],
    },
    {
      name: 'ipFamilies [v4] → 1',
      code: service('[⟦v4⟧]'),
      errors: [
        {
          message: 'spec.ipFamilies[0]: Unsupported value: "v4": supported values: "IPv4", "IPv6"\n' + 'ipFamilies may only list IPv4 and IPv6.',
        },
      ],
    },
  ],
});
