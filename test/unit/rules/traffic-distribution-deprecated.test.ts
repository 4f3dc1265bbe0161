import { ruleTester } from '../../kit/ruleTester';
import { trafficDistributionDeprecated } from '../../../server/src/rules/traffic-distribution-deprecated';

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

ruleTester.run(trafficDistributionDeprecated, {
  valid: [
    { name: 'trafficDistribution PreferSameZone → 0', code: service('PreferSameZone') },
    { name: 'trafficDistribution PreferSameNode → 0', code: service('PreferSameNode') },
    { name: 'trafficDistribution preferclose → 0', code: service('preferclose') },
    { name: 'trafficDistribution (null) → 0', code: service('') },
  ],
  invalid: [
    {
      name: 'PreferClose warns with the API server text and a PreferSameZone suggestion',
      code: service('⟦PreferClose⟧'),
      errors: [
        {
          message:
            'spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"\n' +
            "PreferSameZone has the same meaning (prefer endpoints in the client's zone) and works from Kubernetes 1.34; keep PreferClose only for older clusters.",
          data: { suggestion: 'PreferSameZone' },
          tags: ['deprecated'],
          fixes: [{ title: 'Change trafficDistribution to PreferSameZone (Kubernetes 1.34 or later)', output: service('PreferSameZone'), preferred: true }],
        },
      ],
    },
    {
      name: 'trafficDistribution "PreferClose" → 1',
      code: service('⟦"PreferClose"⟧'),
      errors: [
        {
          message:
            'spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"\n' +
            "PreferSameZone has the same meaning (prefer endpoints in the client's zone) and works from Kubernetes 1.34; keep PreferClose only for older clusters.",
          data: { suggestion: 'PreferSameZone' },
          tags: ['deprecated'],
          fixes: [
            {
              title: 'Change trafficDistribution to PreferSameZone (Kubernetes 1.34 or later)',
              output: service('"PreferSameZone"'),
              preferred: true,
            },
          ],
        },
      ],
    },
  ],
});
