import { ruleTester } from '../../kit/ruleTester';
import { healthCheckNodePortInvalid } from '../../../server/src/rules/health-check-nodeport-invalid';

const service = (type: string, policy: string, port: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  externalTrafficPolicy: ${policy}
  healthCheckNodePort: ${port}
  selector:
    app: web
  ports:
    - port: 80
`;

ruleTester.run(healthCheckNodePortInvalid, {
  valid: [
    { name: 'LoadBalancer/Local healthCheckNodePort 30100 → 0', code: service('LoadBalancer', 'Local', '30100') },
    // allocate one
    { name: 'LoadBalancer/Local healthCheckNodePort 0 → 0', code: service('LoadBalancer', 'Local', '0') },
    { name: 'LoadBalancer/Cluster healthCheckNodePort 0 → 0', code: service('LoadBalancer', 'Cluster', '0') },
    // a string is a type error
    { name: 'LoadBalancer/Local healthCheckNodePort "30100" → 0', code: service('LoadBalancer', 'Local', '"30100"') },
    // invalid type: its own error first
    { name: 'Loadbalancer/Local healthCheckNodePort 30100 → 0', code: service('Loadbalancer', 'Local', '30100') },
    {
      name: 'honours a configured node-port range',
      code: service('LoadBalancer', 'Local', '21000'),
      settings: { nodePortRange: { first: 20000, last: 22767 } },
    },
  ],
  invalid: [
    {
      name: 'a health-check port without LoadBalancer + Local is rejected',
      code: service('NodePort', 'Local', '⟦30100⟧'),
      errors: [
        {
          message:
            "spec.healthCheckNodePort: Invalid value: 30100: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'\n" +
            'Kubernetes only opens a health-check node port for LoadBalancer Services with externalTrafficPolicy: Local; remove healthCheckNodePort.',
          data: { value: 30100 },
          fixes: [
            {
              title: 'Remove healthCheckNodePort',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
            { title: 'Change type to LoadBalancer', output: service('LoadBalancer', 'Local', '30100') },
          ],
        },
      ],
    },
    {
      name: 'an out-of-range port fails allocation with an internal error',
      code: service('LoadBalancer', 'Local', '⟦40000⟧'),
      errors: [
        {
          message:
            'Internal error occurred: failed to allocate requested HealthCheck NodePort 40000: provided port is not in the valid range. The range of valid ports is 30000-32767\n' +
            'The health-check port is a node port like any other: choose one from 30000-32767, or remove healthCheckNodePort and Kubernetes allocates one.',
          data: { value: 40000, range: { first: 30000, last: 32767 } },
          fixes: [
            {
              title: 'Remove healthCheckNodePort (Kubernetes allocates a free one)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector:
    app: web
  ports:
    - port: 80
`,
              safe: true,
              preferred: true,
            },
            { title: 'Use free node port 30000', output: service('LoadBalancer', 'Local', '30000') },
          ],
        },
      ],
    },
    {
      name: 'LoadBalancer/Local healthCheckNodePort -1 → 1',
      code: service('LoadBalancer', 'Local', '⟦-1⟧'),
      errors: [
        {
          message:
            'Internal error occurred: failed to allocate requested HealthCheck NodePort -1: provided port is not in the valid range. The range of valid ports is 30000-32767\n' +
            'The health-check port is a node port like any other: choose one from 30000-32767, or remove healthCheckNodePort and Kubernetes allocates one.',
          data: { value: -1, range: { first: 30000, last: 32767 } },
          fixes: [
            {
              title: 'Remove healthCheckNodePort (Kubernetes allocates a free one)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector:
    app: web
  ports:
    - port: 80
`,
              safe: true,
              preferred: true,
            },
            { title: 'Use free node port 30000', output: service('LoadBalancer', 'Local', '30000') },
          ],
        },
      ],
    },
    {
      name: 'LoadBalancer/Cluster healthCheckNodePort 30100 → 1',
      code: service('LoadBalancer', 'Cluster', '⟦30100⟧'),
      errors: [
        {
          message:
            "spec.healthCheckNodePort: Invalid value: 30100: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'\n" +
            'Kubernetes only opens a health-check node port for LoadBalancer Services with externalTrafficPolicy: Local; remove healthCheckNodePort.',
          data: { value: 30100 },
          fixes: [
            {
              title: 'Remove healthCheckNodePort',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  externalTrafficPolicy: Cluster
  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
            {
              title: 'Set externalTrafficPolicy: Local (only nodes with a ready pod forward external traffic)',
              output: service('LoadBalancer', 'Local', '30100'),
            },
          ],
        },
      ],
    },
    // only the exact "Local" needs a health check
    {
      name: 'LoadBalancer/local healthCheckNodePort 30100 → 1',
      code: service('LoadBalancer', 'local', '⟦30100⟧'),
      errors: [
        {
          message:
            "spec.healthCheckNodePort: Invalid value: 30100: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'\n" +
            'Kubernetes only opens a health-check node port for LoadBalancer Services with externalTrafficPolicy: Local; remove healthCheckNodePort.',
          data: { value: 30100 },
          fixes: [
            {
              title: 'Remove healthCheckNodePort',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  externalTrafficPolicy: local
  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
            {
              title: 'Set externalTrafficPolicy: Local (only nodes with a ready pod forward external traffic)',
              output: service('LoadBalancer', 'Local', '30100'),
            },
          ],
        },
      ],
    },
    {
      name: 'ClusterIP/"" healthCheckNodePort 30100 → 1',
      code: service('ClusterIP', '""', '⟦30100⟧'),
      errors: [
        {
          message:
            "spec.healthCheckNodePort: Invalid value: 30100: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'\n" +
            'Kubernetes only opens a health-check node port for LoadBalancer Services with externalTrafficPolicy: Local; remove healthCheckNodePort.',
          data: { value: 30100 },
          fixes: [
            {
              title: 'Remove healthCheckNodePort',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  externalTrafficPolicy: ""
  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'honours a configured node-port range (2)',
      code: service('LoadBalancer', 'Local', '⟦30100⟧'),
      settings: { nodePortRange: { first: 20000, last: 22767 } },
      errors: [
        {
          message:
            'Internal error occurred: failed to allocate requested HealthCheck NodePort 30100: provided port is not in the valid range. The range of valid ports is 20000-22767\n' +
            'The health-check port is a node port like any other: choose one from 20000-22767, or remove healthCheckNodePort and Kubernetes allocates one.',
          data: { value: 30100, range: { first: 20000, last: 22767 } },
          fixes: [
            {
              title: 'Remove healthCheckNodePort (Kubernetes allocates a free one)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector:
    app: web
  ports:
    - port: 80
`,
              safe: true,
              preferred: true,
            },
            { title: 'Use free node port 20000', output: service('LoadBalancer', 'Local', '20000') },
          ],
        },
      ],
    },
  ],
});
