import { ruleTester } from '../../kit/ruleTester';
import { nodePortOutOfRange } from '../../../server/src/rules/nodeport-out-of-range';

const service = (type: string, nodePort: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: ${nodePort}
`;

ruleTester.run(nodePortOutOfRange, {
  valid: [
    { name: 'NodePort nodePort 30000 → no finding', code: service('NodePort', '30000') },
    { name: 'NodePort nodePort 32767 → no finding', code: service('NodePort', '32767') },
    // 0 means "allocate one"
    { name: 'NodePort nodePort 0 → no finding', code: service('NodePort', '0') },
    // another rule: nodePort is forbidden on ClusterIP
    { name: 'ClusterIP nodePort 80 → no finding', code: service('ClusterIP', '80') },
    { name: 'ExternalName nodePort 80 → no finding', code: service('ExternalName', '80') },
    // a string is a type error, reported by another rule
    { name: 'NodePort nodePort "80" → no finding', code: service('NodePort', '"80"') },
    {
      name: 'honours a configured node-port range',
      code: service('NodePort', '8080'),
      settings: { nodePortRange: { first: 1, last: 10000 } },
    },
    {
      name: 'a severity setting changes or silences the rule (2)',
      code: service('NodePort', '80'),
      settings: { severities: { 'nodeport-out-of-range': 'off' } },
    },
  ],
  invalid: [
    {
      name: 'reports a nodePort below the range on the value, with the API server wording',
      code: service('NodePort', '⟦80⟧'),
      errors: [
        {
          message:
            'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n' +
            "Node ports are opened on every node and must come from the cluster's node-port range: choose a port from 30000-32767, or remove nodePort and Kubernetes allocates a free one.",
          data: { portIndex: 0, value: 80, range: { first: 30000, last: 32767 } },
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
`,
              safe: true,
              preferred: true,
            },
            { title: 'Use free node port 30080', output: service('NodePort', '30080') },
          ],
        },
      ],
    },
    {
      name: 'NodePort nodePort 29999 → error',
      code: service('NodePort', '⟦29999⟧'),
      errors: [
        {
          message:
            'spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767\n' +
            "Node ports are opened on every node and must come from the cluster's node-port range: choose a port from 30000-32767, or remove nodePort and Kubernetes allocates a free one.",
          data: { portIndex: 0, value: 29999, range: { first: 30000, last: 32767 } },
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
`,
              safe: true,
              preferred: true,
            },
            { title: 'Use free node port 30999', output: service('NodePort', '30999') },
          ],
        },
      ],
    },
    {
      name: 'NodePort nodePort 32768 → error',
      code: service('NodePort', '⟦32768⟧'),
      errors: [
        {
          message:
            'spec.ports[0].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767\n' +
            "Node ports are opened on every node and must come from the cluster's node-port range: choose a port from 30000-32767, or remove nodePort and Kubernetes allocates a free one.",
          data: { portIndex: 0, value: 32768, range: { first: 30000, last: 32767 } },
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
`,
              safe: true,
              preferred: true,
            },
            { title: 'Use free node port 30768', output: service('NodePort', '30768') },
          ],
        },
      ],
    },
    {
      name: 'NodePort nodePort -1 → error',
      code: service('NodePort', '⟦-1⟧'),
      errors: [
        {
          message:
            'spec.ports[0].nodePort: Invalid value: -1: provided port is not in the valid range. The range of valid ports is 30000-32767\n' +
            "Node ports are opened on every node and must come from the cluster's node-port range: choose a port from 30000-32767, or remove nodePort and Kubernetes allocates a free one.",
          data: { portIndex: 0, value: -1, range: { first: 30000, last: 32767 } },
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
`,
              safe: true,
              preferred: true,
            },
            { title: 'Use free node port 30000', output: service('NodePort', '30000') },
          ],
        },
      ],
    },
    {
      name: 'LoadBalancer nodePort 9090 → error',
      code: service('LoadBalancer', '⟦9090⟧'),
      errors: [
        {
          message:
            'spec.ports[0].nodePort: Invalid value: 9090: provided port is not in the valid range. The range of valid ports is 30000-32767\n' +
            "Node ports are opened on every node and must come from the cluster's node-port range: choose a port from 30000-32767, or remove nodePort and Kubernetes allocates a free one.",
          data: { portIndex: 0, value: 9090, range: { first: 30000, last: 32767 } },
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: http
      port: 80
`,
              safe: true,
              preferred: true,
            },
            { title: 'Use free node port 30090', output: service('LoadBalancer', '30090') },
          ],
        },
      ],
    },
    {
      name: 'honours a configured node-port range (2)',
      code: service('NodePort', '⟦20000⟧'),
      settings: { nodePortRange: { first: 1, last: 10000 } },
      errors: [
        {
          message:
            'spec.ports[0].nodePort: Invalid value: 20000: provided port is not in the valid range. The range of valid ports is 1-10000\n' +
            "Node ports are opened on every node and must come from the cluster's node-port range: choose a port from 1-10000, or remove nodePort and Kubernetes allocates a free one.",
          data: { portIndex: 0, value: 20000, range: { first: 1, last: 10000 } },
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
`,
              safe: true,
              preferred: true,
            },
            { title: 'Use free node port 1', output: service('NodePort', '1') },
          ],
        },
      ],
    },
    {
      name: 'each offending port of a multi-port, multi-document file is reported at its own place',
      code: `apiVersion: v1
kind: ConfigMap
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: ⟦1⟧
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: 31000
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: ⟦40000⟧
`,
      errors: [
        {
          message:
            'spec.ports[0].nodePort: Invalid value: 1: provided port is not in the valid range. The range of valid ports is 30000-32767\n' +
            "Node ports are opened on every node and must come from the cluster's node-port range: choose a port from 30000-32767, or remove nodePort and Kubernetes allocates a free one.",
          data: { portIndex: 0, value: 1, range: { first: 30000, last: 32767 } },
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: `apiVersion: v1
kind: ConfigMap
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: http
      port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: 31000
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: 40000
`,
              safe: true,
              preferred: true,
            },
            {
              title: 'Use free node port 30001',
              output: `apiVersion: v1
kind: ConfigMap
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: 30001
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: 31000
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: 40000
`,
            },
          ],
        },
        {
          message:
            'spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767\n' +
            "Node ports are opened on every node and must come from the cluster's node-port range: choose a port from 30000-32767, or remove nodePort and Kubernetes allocates a free one.",
          data: { portIndex: 0, value: 40000, range: { first: 30000, last: 32767 } },
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: `apiVersion: v1
kind: ConfigMap
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: 1
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: 31000
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
`,
              safe: true,
              preferred: true,
            },
            {
              title: 'Use free node port 30000',
              output: `apiVersion: v1
kind: ConfigMap
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: 1
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: 31000
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      nodePort: 30000
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a severity setting changes or silences the rule',
      code: service('NodePort', '⟦80⟧'),
      settings: { severities: { 'nodeport-out-of-range': 'warning' } },
      errors: [
        {
          message:
            'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n' +
            "Node ports are opened on every node and must come from the cluster's node-port range: choose a port from 30000-32767, or remove nodePort and Kubernetes allocates a free one.",
          data: { portIndex: 0, value: 80, range: { first: 30000, last: 32767 } },
          severity: 'warning',
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
`,
              safe: true,
              preferred: true,
            },
            { title: 'Use free node port 30080', output: service('NodePort', '30080') },
          ],
        },
      ],
    },
  ],
});
