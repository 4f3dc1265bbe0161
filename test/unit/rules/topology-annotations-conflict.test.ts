import { ruleTester } from '../../kit/ruleTester';
import { topologyAnnotationsConflict } from '../../../server/src/rules/topology-annotations-conflict';

const svc = (annotations: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n${annotations}\nspec:\n  ports: [{port: 80}]\n`;

ruleTester.run(topologyAnnotationsConflict, {
  valid: [
    {
      name: 'no finding for service.kubernetes.io/topology-mode: Auto + service.kubernetes.io/topology-aware-hints: Auto',
      code: svc('    service.kubernetes.io/topology-mode: Auto\n    service.kubernetes.io/topology-aware-hints: Auto'),
    },
    { name: 'no finding for service.kubernetes.io/topology-mode: Auto', code: svc('    service.kubernetes.io/topology-mode: Auto') },
    {
      name: 'no finding for service.kubernetes.io/topology-aware-hints: auto',
      code: svc('    service.kubernetes.io/topology-aware-hints: auto'),
    },
    {
      name: 'no finding for service.kubernetes.io/topology-mode: "" + service.kubernetes.io/topology-aware-hints:',
      code: svc('    service.kubernetes.io/topology-mode: ""\n    service.kubernetes.io/topology-aware-hints:'),
    },
  ],
  invalid: [
    {
      name: 'different values: reported on the topology-mode value',
      code: svc('    service.kubernetes.io/topology-mode: ⟦Auto⟧\n    service.kubernetes.io/topology-aware-hints: "off"'),
      errors: [
        {
          message:
            'metadata.annotations[service.kubernetes.io/topology-mode]: Invalid value: "Auto": must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified\n' +
            'service.kubernetes.io/topology-aware-hints is the deprecated name of service.kubernetes.io/topology-mode: remove it, or give both the same value.',
          data: {
            deprecatedKey: 'service.kubernetes.io/topology-aware-hints',
            value: 'Auto',
            deprecatedValue: 'off',
          },
          fixes: [
            {
              title: 'Remove service.kubernetes.io/topology-aware-hints (keep topology-mode "Auto")',
              output: svc('    service.kubernetes.io/topology-mode: Auto'),
              preferred: true,
            },
            {
              title: 'Set topology-mode to "off" as well',
              output: svc('    service.kubernetes.io/topology-mode: "off"\n    service.kubernetes.io/topology-aware-hints: "off"'),
            },
          ],
        },
      ],
    },
    {
      name: 'values are compared exactly (Auto vs auto differ)',
      code: svc('    service.kubernetes.io/topology-mode: ⟦Auto⟧\n    service.kubernetes.io/topology-aware-hints: auto'),
      errors: [
        {
          message:
            'metadata.annotations[service.kubernetes.io/topology-mode]: Invalid value: "Auto": must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified\n' +
            'service.kubernetes.io/topology-aware-hints is the deprecated name of service.kubernetes.io/topology-mode: remove it, or give both the same value.',
          data: {
            deprecatedKey: 'service.kubernetes.io/topology-aware-hints',
            value: 'Auto',
            deprecatedValue: 'auto',
          },
          fixes: [
            {
              title: 'Remove service.kubernetes.io/topology-aware-hints (keep topology-mode "Auto")',
              output: svc('    service.kubernetes.io/topology-mode: Auto'),
              preferred: true,
            },
            {
              title: 'Set topology-mode to "auto" as well',
              output: svc('    service.kubernetes.io/topology-mode: auto\n    service.kubernetes.io/topology-aware-hints: auto'),
            },
          ],
        },
      ],
    },
  ],
});
