import { ruleTester } from '../../kit/ruleTester';
import { nodePortDuplicate } from '../../../server/src/rules/nodeport-duplicate';

const svc = (type: string, ports: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ${type}\n  ports:\n${ports}\n`;

ruleTester.run(nodePortDuplicate, {
  valid: [
    {
      name: 'NodePort with different port numbers: the allocator fails first (nodeport-collision), so not here',
      code: svc('NodePort', '  - {name: a, port: 80, nodePort: 30080}\n  - {name: b, port: 81, nodePort: 30080}'),
    },
    {
      name: 'different protocols may share a node port (DNS on 53/TCP and 53/UDP)',
      code: svc('NodePort', '  - {name: a, port: 53, protocol: UDP, nodePort: 30053}\n  - {name: b, port: 53, protocol: TCP, nodePort: 30053}'),
    },
    {
      name: '0 means unset and never collides',
      code: svc('NodePort', '  - {name: a, port: 80, nodePort: 0}\n  - {name: b, port: 80, nodePort: 0}'),
    },
  ],
  invalid: [
    {
      name: 'ClusterIP with two equal TCP nodePorts: exact message on the second value',
      code: svc('ClusterIP', '  - {name: a, port: 80, nodePort: 30080}\n  - {name: b, port: 81, nodePort: ⟦30080⟧}'),
      errors: [
        {
          message:
            'spec.ports[1].nodePort: Duplicate value: 30080\n' +
            'spec.ports[0] already uses node port 30080 for TCP: give each port its own nodePort, or remove nodePort and let Kubernetes choose one.',
          data: { portIndex: 1, firstIndex: 0, value: 30080, protocol: 'TCP' },
          fixes: [
            {
              title: 'Remove this nodePort (Kubernetes allocates a free one)',
              output: svc('ClusterIP', '  - {name: a, port: 80, nodePort: 30080}\n  - {name: b, port: 81}'),
              preferred: true,
            },
            {
              title: 'Use free node port 31080',
              output: svc('ClusterIP', '  - {name: a, port: 80, nodePort: 30080}\n  - {name: b, port: 81, nodePort: 31080}'),
            },
          ],
        },
      ],
    },
    {
      name: 'NodePort with the same port number and protocol: ValidateService reports it',
      code: svc('NodePort', '  - {name: a, port: 80, nodePort: 30080}\n  - {name: b, port: 80, nodePort: ⟦30080⟧}'),
      errors: [
        {
          message:
            'spec.ports[1].nodePort: Duplicate value: 30080\n' +
            'spec.ports[0] already uses node port 30080 for TCP: give each port its own nodePort, or remove nodePort and let Kubernetes choose one.',
          data: { portIndex: 1, firstIndex: 0, value: 30080, protocol: 'TCP' },
          fixes: [
            {
              title: 'Remove this nodePort (Kubernetes allocates a free one)',
              output: svc('NodePort', '  - {name: a, port: 80, nodePort: 30080}\n  - {name: b, port: 80}'),
              preferred: true,
            },
            {
              title: 'Use free node port 31080',
              output: svc('NodePort', '  - {name: a, port: 80, nodePort: 30080}\n  - {name: b, port: 80, nodePort: 31080}'),
            },
          ],
        },
      ],
    },
    {
      name: 'omitted protocol is TCP',
      code: svc('LoadBalancer', '  - {name: a, port: 80, protocol: TCP, nodePort: 30080}\n  - {name: b, port: 80, nodePort: ⟦30080⟧}'),
      errors: [
        {
          message:
            'spec.ports[1].nodePort: Duplicate value: 30080\n' +
            'spec.ports[0] already uses node port 30080 for TCP: give each port its own nodePort, or remove nodePort and let Kubernetes choose one.',
          data: { portIndex: 1, firstIndex: 0, value: 30080, protocol: 'TCP' },
          fixes: [
            {
              title: 'Remove this nodePort (Kubernetes allocates a free one)',
              output: svc('LoadBalancer', '  - {name: a, port: 80, protocol: TCP, nodePort: 30080}\n  - {name: b, port: 80}'),
              preferred: true,
            },
            {
              title: 'Use free node port 31080',
              output: svc('LoadBalancer', '  - {name: a, port: 80, protocol: TCP, nodePort: 30080}\n  - {name: b, port: 80, nodePort: 31080}'),
            },
          ],
        },
      ],
    },
  ],
});
