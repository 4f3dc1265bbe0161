import { ruleTester } from '../../kit/ruleTester';
import { topologyHintsDeprecated } from '../../../server/src/rules/topology-hints-deprecated';

const service = (annotations: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
${annotations}spec:
  selector:
    app: web
  ports:
    - port: 80
`;

ruleTester.run(topologyHintsDeprecated, {
  valid: [
    { name: 'service.kubernetes.io/topology-mode: Auto → 0', code: service('    service.kubernetes.io/topology-mode: Auto\n') },
    { name: 'example.com/topology-aware-hints: auto → 0', code: service('    example.com/topology-aware-hints: auto\n') },
  ],
  invalid: [
    {
      name: 'the old annotation warns on its key',
      code: service('    ⟦service.kubernetes.io/topology-aware-hints⟧: Auto\n'),
      errors: [
        {
          message:
            'annotation service.kubernetes.io/topology-aware-hints is deprecated, please use service.kubernetes.io/topology-mode instead\n' +
            'Rename the key to service.kubernetes.io/topology-mode and keep the value (or use spec.trafficDistribution); if both annotations are present they must have the same value.',
          data: { replacement: 'service.kubernetes.io/topology-mode' },
          tags: ['deprecated'],
          fixes: [
            {
              title: 'Rename the annotation to service.kubernetes.io/topology-mode',
              output: service('    service.kubernetes.io/topology-mode: Auto\n'),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    // any value, even empty
    {
      name: 'service.kubernetes.io/topology-aware-hints: "" → 1',
      code: service('    ⟦service.kubernetes.io/topology-aware-hints⟧: ""\n'),
      errors: [
        {
          message:
            'annotation service.kubernetes.io/topology-aware-hints is deprecated, please use service.kubernetes.io/topology-mode instead\n' +
            'Rename the key to service.kubernetes.io/topology-mode and keep the value (or use spec.trafficDistribution); if both annotations are present they must have the same value.',
          data: { replacement: 'service.kubernetes.io/topology-mode' },
          tags: ['deprecated'],
          fixes: [
            {
              title: 'Rename the annotation to service.kubernetes.io/topology-mode',
              output: service('    service.kubernetes.io/topology-mode: ""\n'),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'service.kubernetes.io/topology-aware-hints: disabled\n    service.kubernetes.io/topology-mode: Auto → 1',
      code: service('    ⟦service.kubernetes.io/topology-aware-hints⟧: disabled\n    service.kubernetes.io/topology-mode: Auto\n'),
      errors: [
        {
          message:
            'annotation service.kubernetes.io/topology-aware-hints is deprecated, please use service.kubernetes.io/topology-mode instead\n' +
            'Rename the key to service.kubernetes.io/topology-mode and keep the value (or use spec.trafficDistribution); if both annotations are present they must have the same value.',
          data: { replacement: 'service.kubernetes.io/topology-mode' },
          tags: ['deprecated'],
          fixes: [
            {
              title: 'Remove the deprecated annotation (service.kubernetes.io/topology-mode is set)',
              output: service('    service.kubernetes.io/topology-mode: Auto\n'),
              preferred: true,
            },
          ],
        },
      ],
    },
  ],
});
