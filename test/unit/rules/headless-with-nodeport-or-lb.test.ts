import { ruleTester } from '../../kit/ruleTester';
import { headlessWithNodePortOrLb } from '../../../server/src/rules/headless-with-nodeport-or-lb';

const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${spec}\n  ports: [{port: 80}]\n`;

ruleTester.run(headlessWithNodePortOrLb, {
  valid: [
    { name: 'no finding for type: ClusterIP, clusterIP: None', code: svc('  type: ClusterIP\n  clusterIP: None') },
    { name: 'no finding for clusterIP: None', code: svc('  clusterIP: None') },
    { name: 'no finding for type: NodePort, clusterIP: 10.0.0.10', code: svc('  type: NodePort\n  clusterIP: 10.0.0.10') },
    // not "None": the clusterIP rules report it
    { name: 'no finding for type: NodePort, clusterIP: none', code: svc('  type: NodePort\n  clusterIP: none') },
    // not headless; clusterIPs rules report it
    { name: 'no finding for type: NodePort, clusterIPs: [None, 10.0.0.1]', code: svc('  type: NodePort\n  clusterIPs: [None, 10.0.0.1]') },
  ],
  invalid: [
    {
      name: 'LoadBalancer with clusterIP: None, reported on None',
      code: svc('  type: LoadBalancer\n  clusterIP: ⟦None⟧'),
      errors: [
        {
          message:
            'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for LoadBalancer services\n' +
            'A headless Service (clusterIP: None) has no cluster IP for a load balancer to forward to: remove clusterIP: None, or remove type: LoadBalancer if you wanted a headless Service.',
          data: { type: 'LoadBalancer' },
          fixes: [
            { title: 'Remove clusterIP: None (keep type LoadBalancer)', output: svc('  type: LoadBalancer'), preferred: true },
            {
              title: 'Make it a headless ClusterIP Service (drops node ports and load-balancer fields)',
              output: svc('  type: ClusterIP\n  clusterIP: None'),
            },
          ],
        },
      ],
    },
    {
      name: 'NodePort with clusterIPs: [None], reported on the list item',
      code: svc('  type: NodePort\n  clusterIPs: [⟦"None"⟧]'),
      errors: [
        {
          message:
            'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services\n' +
            'A headless Service (clusterIP: None) has no cluster IP for node ports to forward to: remove clusterIP: None, or remove type: NodePort if you wanted a headless Service.',
          data: { type: 'NodePort' },
          fixes: [
            { title: 'Remove clusterIP: None (keep type NodePort)', output: svc('  type: NodePort'), preferred: true },
            {
              title: 'Make it a headless ClusterIP Service (drops node ports and load-balancer fields)',
              output: svc('  type: ClusterIP\n  clusterIPs: ["None"]'),
            },
          ],
        },
      ],
    },
    {
      name: 'clusterIP: None on a NodePort Service: remove it, or make the Service a headless ClusterIP',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  clusterIP: ⟦None⟧
  ports:
    - port: 80
      nodePort: 30080
`,
      errors: [
        {
          message:
            'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services\n' +
            'A headless Service (clusterIP: None) has no cluster IP for node ports to forward to: remove clusterIP: None, or remove type: NodePort if you wanted a headless Service.',
          data: { type: 'NodePort' },
          fixes: [
            {
              title: 'Remove clusterIP: None (keep type NodePort)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 30080
`,
              preferred: true,
            },
            {
              title: 'Make it a headless ClusterIP Service (drops node ports and load-balancer fields)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  clusterIP: None
  ports:
    - port: 80
`,
            },
          ],
        },
      ],
    },
  ],
});
