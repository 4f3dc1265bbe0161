import { ruleTester } from '../../kit/ruleTester';
import { nodePortOnClusterIP } from '../../../server/src/rules/nodeport-on-clusterip';

const svc = (type: string, nodePort: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${type ? `  type: ${type}\n` : ''}  ports:\n  - port: 80\n    nodePort: ${nodePort}\n`;

ruleTester.run(nodePortOnClusterIP, {
  valid: [
    // 0 means unset
    { name: 'type ClusterIP nodePort 0 → no finding', code: svc('ClusterIP', '0') },
    { name: 'type ClusterIP nodePort (null) → no finding', code: svc('ClusterIP', '') },
    { name: 'type NodePort nodePort 30080 → no finding', code: svc('NodePort', '30080') },
    {
      name: 'type written twice, NodePort last: kubectl keeps NodePort → no finding',
      code: `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ClusterIP\n  ports:\n  - port: 80\n    nodePort: 30080\n  type: NodePort\n`,
    },
    { name: 'type LoadBalancer nodePort 30080 → no finding', code: svc('LoadBalancer', '30080') },
    // not checked by ValidateService
    { name: 'type ExternalName nodePort 30080 → no finding', code: svc('ExternalName', '30080') },
    // an unsupported type is type-unsupported's
    { name: 'type clusterip nodePort 30080 → no finding', code: svc('clusterip', '30080') },
    // a string is value-type's
    { name: 'type ClusterIP nodePort "30080" → no finding', code: svc('ClusterIP', '"30080"') },
  ],
  invalid: [
    {
      name: 'no type: the Service is ClusterIP; reported on the nodePort key',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
    ⟦nodePort⟧: 30080
`,
      errors: [
        {
          message:
            "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'\n" +
            'This Service has no type, so it is a ClusterIP Service: it is only reachable inside the cluster and opens no node port: set type: NodePort (or LoadBalancer) to expose it on every node, or remove nodePort.',
          data: { portIndex: 0, value: 30080, expected: 'NodePort' },
          fixes: [
            { title: 'Change type to NodePort', output: svc('NodePort', '30080'), preferred: true },
            {
              title: 'Remove nodePort (stay reachable only inside the cluster)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a stray `type: ClusterIP` after `type: NodePort`: kubectl keeps the last, so the API server rejects the nodePort',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ports:
  - port: 80
    ⟦nodePort⟧: 30080
  type: ClusterIP
`,
      errors: [
        {
          message:
            "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'\n" +
            'A ClusterIP Service is only reachable inside the cluster and opens no node port: set type: NodePort (or LoadBalancer) to expose it on every node, or remove nodePort.',
          data: { portIndex: 0, value: 30080, expected: 'NodePort' },
          fixes: [
            {
              title: 'Change type to NodePort',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ports:
  - port: 80
    nodePort: 30080
  type: NodePort
`,
              preferred: true,
            },
            {
              title: 'Remove nodePort (stay reachable only inside the cluster)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ports:
  - port: 80
  type: ClusterIP
`,
            },
          ],
        },
      ],
    },
    {
      name: 'explicit ClusterIP',
      code: svc('ClusterIP', '30080'),
      errors: [
        {
          at: 'nodePort',
          message:
            "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'\n" +
            'A ClusterIP Service is only reachable inside the cluster and opens no node port: set type: NodePort (or LoadBalancer) to expose it on every node, or remove nodePort.',
          data: { portIndex: 0, value: 30080, expected: 'NodePort' },
          fixes: [
            { title: 'Change type to NodePort', output: svc('NodePort', '30080'), preferred: true },
            {
              title: 'Remove nodePort (stay reachable only inside the cluster)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  ports:
  - port: 80
`,
            },
          ],
        },
      ],
    },
    // an empty type is defaulted to ClusterIP
    {
      name: 'type "" nodePort 30080 → error',
      code: svc('""', '30080'),
      errors: [
        {
          at: 'nodePort',
          message:
            "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'\n" +
            'This Service has no type, so it is a ClusterIP Service: it is only reachable inside the cluster and opens no node port: set type: NodePort (or LoadBalancer) to expose it on every node, or remove nodePort.',
          data: { portIndex: 0, value: 30080, expected: 'NodePort' },
          fixes: [
            { title: 'Change type to NodePort', output: svc('"NodePort"', '30080'), preferred: true },
            {
              title: 'Remove nodePort (stay reachable only inside the cluster)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ""
  ports:
  - port: 80
`,
            },
          ],
        },
      ],
    },
    {
      name: 'nodePort on a ClusterIP Service: set type NodePort (preferred), or remove the nodePort',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      ⟦nodePort⟧: 30080
`,
      errors: [
        {
          message:
            "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'\n" +
            'This Service has no type, so it is a ClusterIP Service: it is only reachable inside the cluster and opens no node port: set type: NodePort (or LoadBalancer) to expose it on every node, or remove nodePort.',
          data: { portIndex: 0, value: 30080, expected: 'NodePort' },
          fixes: [
            {
              title: 'Change type to NodePort',
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
      nodePort: 30080
`,
              preferred: true,
            },
            {
              title: 'Remove nodePort (stay reachable only inside the cluster)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
`,
            },
          ],
        },
      ],
    },
  ],
});
