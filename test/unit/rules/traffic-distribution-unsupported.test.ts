import { ruleTester } from '../../kit/ruleTester';
import { trafficDistributionUnsupported } from '../../../server/src/rules/traffic-distribution-unsupported';

const service = (value: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  trafficDistribution: ${value}
  selector:
    app: web
  ports:
    - port: 80
`;

ruleTester.run(trafficDistributionUnsupported, {
  valid: [
    { name: 'trafficDistribution PreferClose → 0', code: service('PreferClose') },
    { name: 'trafficDistribution PreferSameZone → 0', code: service('PreferSameZone') },
    { name: 'trafficDistribution PreferSameNode → 0', code: service('PreferSameNode') },
    { name: 'trafficDistribution (null) → 0', code: service('') },
  ],
  invalid: [
    {
      name: 'a mis-cased value suggests the right spelling (1.34+ value list)',
      code: service('⟦prefersamezone⟧'),
      errors: [
        {
          message:
            'spec.trafficDistribution: Unsupported value: "prefersamezone": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"\n' +
            'Values are case-sensitive: did you mean "PreferSameZone"?',
          data: { suggestion: 'PreferSameZone' },
          fixes: [{ title: 'Change trafficDistribution to PreferSameZone', output: service('PreferSameZone'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'an unknown value names the accepted ones',
      code: service('⟦PreferLocal⟧'),
      errors: [
        {
          message:
            'spec.trafficDistribution: Unsupported value: "PreferLocal": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"\n' +
            'Use PreferSameZone or PreferSameNode (Kubernetes 1.34 and later), or PreferClose on older clusters.',
        },
      ],
    },
    {
      name: 'trafficDistribution "" → 1',
      code: service('⟦""⟧'),
      errors: [
        {
          message:
            'spec.trafficDistribution: Unsupported value: "": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"\n' +
            'Use PreferSameZone or PreferSameNode (Kubernetes 1.34 and later), or PreferClose on older clusters.',
        },
      ],
    },
    {
      name: 'trafficDistribution preferclose → 1',
      code: service('⟦preferclose⟧'),
      errors: [
        {
          message:
            'spec.trafficDistribution: Unsupported value: "preferclose": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"\n' +
            'Values are case-sensitive: did you mean "PreferClose"?',
          data: { suggestion: 'PreferClose' },
          fixes: [{ title: 'Change trafficDistribution to PreferClose', output: service('PreferClose'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'trafficDistribution Auto → 1',
      code: service('⟦Auto⟧'),
      errors: [
        {
          message:
            'spec.trafficDistribution: Unsupported value: "Auto": supported values: "PreferClose", "PreferSameZone", "PreferSameNode"\n' +
            'Use PreferSameZone or PreferSameNode (Kubernetes 1.34 and later), or PreferClose on older clusters.',
        },
      ],
    },
  ],
});
