import { ruleTester } from '../../kit/ruleTester';
import { lbOnlyField } from '../../../server/src/rules/lb-only-field';

const service = (type: string, spec: string, annotations = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
${annotations}spec:
  type: ${type}
${spec}  selector:
    app: web
  ports:
    - port: 80
`;

ruleTester.run(lbOnlyField, {
  valid: [
    {
      name: 'LoadBalancer: loadBalancerSourceRanges: [10.0.0.0/8] allocateLoadBalancerNodePorts: false loadBalancerClass: x → 0',
      code: service('LoadBalancer', '  loadBalancerSourceRanges: [10.0.0.0/8]\n  allocateLoadBalancerNodePorts: false\n  loadBalancerClass: x\n'),
    },
    // empty list: nothing set
    { name: 'NodePort: loadBalancerSourceRanges: [] → 0', code: service('NodePort', '  loadBalancerSourceRanges: []\n') },
    // null is unset
    { name: 'NodePort: allocateLoadBalancerNodePorts: → 0', code: service('NodePort', '  allocateLoadBalancerNodePorts:\n') },
    // not validated at all
    { name: 'ClusterIP: loadBalancerIP: 203.0.113.10 → 0', code: service('ClusterIP', '  loadBalancerIP: 203.0.113.10\n') },
    // invalid type: its own error first
    {
      name: 'loadbalancer: loadBalancerSourceRanges: [10.0.0.0/8] → 0',
      code: service('loadbalancer', '  loadBalancerSourceRanges: [10.0.0.0/8]\n'),
    },
  ],
  invalid: [
    {
      name: 'loadBalancerSourceRanges on a NodePort Service is forbidden, reported on the key',
      code: service('NodePort', '  ⟦loadBalancerSourceRanges⟧: [10.0.0.0/8]\n'),
      errors: [
        {
          message:
            "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'\n" +
            'loadBalancerSourceRanges (who may reach the cloud load balancer) only applies to LoadBalancer Services, and this one is NodePort: remove it or set type: LoadBalancer.',
          data: { field: 'loadBalancerSourceRanges', type: 'NodePort' },
          fixes: [
            { title: 'Remove loadBalancerSourceRanges (only used by LoadBalancer Services)', output: service('NodePort', ''), preferred: true },
            { title: 'Change type to LoadBalancer', output: service('LoadBalancer', '  loadBalancerSourceRanges: [10.0.0.0/8]\n') },
          ],
        },
      ],
    },
    {
      name: 'the legacy annotation, allocateLoadBalancerNodePorts and loadBalancerClass',
      code: service(
        'ClusterIP',
        '  ⟦allocateLoadBalancerNodePorts⟧: false\n  ⟦loadBalancerClass⟧: example.com/internal\n',
        '  annotations:\n    ⟦service.beta.kubernetes.io/load-balancer-source-ranges⟧: ""\n',
      ),
      errors: [
        {
          message:
            "metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Forbidden: may only be used when `type` is 'LoadBalancer'\n" +
            'This annotation (who may reach the cloud load balancer) only applies to LoadBalancer Services, and this one is ClusterIP: remove it or set type: LoadBalancer.',
          data: { field: 'service.beta.kubernetes.io/load-balancer-source-ranges', type: 'ClusterIP' },
          fixes: [
            {
              title: 'Remove service.beta.kubernetes.io/load-balancer-source-ranges (only used by LoadBalancer Services)',
              output: service('ClusterIP', '  allocateLoadBalancerNodePorts: false\n  loadBalancerClass: example.com/internal\n'),
              preferred: true,
            },
            {
              title: 'Change type to LoadBalancer',
              output: service(
                'LoadBalancer',
                '  allocateLoadBalancerNodePorts: false\n  loadBalancerClass: example.com/internal\n',
                '  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: ""\n',
              ),
            },
          ],
        },
        {
          message:
            "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'\n" +
            'allocateLoadBalancerNodePorts only applies to LoadBalancer Services, and this one is ClusterIP: remove it or set type: LoadBalancer.',
          data: { field: 'allocateLoadBalancerNodePorts', type: 'ClusterIP' },
          fixes: [
            {
              title: 'Remove allocateLoadBalancerNodePorts (only used by LoadBalancer Services)',
              output: service(
                'ClusterIP',
                '  loadBalancerClass: example.com/internal\n',
                '  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: ""\n',
              ),
              preferred: true,
            },
            {
              title: 'Change type to LoadBalancer',
              output: service(
                'LoadBalancer',
                '  allocateLoadBalancerNodePorts: false\n  loadBalancerClass: example.com/internal\n',
                '  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: ""\n',
              ),
            },
          ],
        },
        {
          message:
            "spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'\n" +
            'loadBalancerClass (which controller provisions the load balancer) only applies to LoadBalancer Services, and this one is ClusterIP: remove it or set type: LoadBalancer.',
          data: { field: 'loadBalancerClass', type: 'ClusterIP' },
          fixes: [
            {
              title: 'Remove loadBalancerClass (only used by LoadBalancer Services)',
              output: service(
                'ClusterIP',
                '  allocateLoadBalancerNodePorts: false\n',
                '  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: ""\n',
              ),
              preferred: true,
            },
            {
              title: 'Change type to LoadBalancer',
              output: service(
                'LoadBalancer',
                '  allocateLoadBalancerNodePorts: false\n  loadBalancerClass: example.com/internal\n',
                '  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: ""\n',
              ),
            },
          ],
        },
      ],
    },
    // "" is still set
    {
      name: 'ExternalName: externalName: db.example.com loadBalancerClass: "" → 1',
      code: service('ExternalName', '  externalName: db.example.com\n  ⟦loadBalancerClass⟧: ""\n'),
      errors: [
        {
          message:
            "spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'\n" +
            'loadBalancerClass (which controller provisions the load balancer) only applies to LoadBalancer Services, and this one is ExternalName: remove it or set type: LoadBalancer.',
          data: { field: 'loadBalancerClass', type: 'ExternalName' },
          fixes: [
            {
              title: 'Remove loadBalancerClass (only used by LoadBalancer Services)',
              output: service('ExternalName', '  externalName: db.example.com\n'),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'ClusterIP: loadBalancerSourceRanges: [10.0.0.0/8] annotations: service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8" → 1',
      code: service(
        'ClusterIP',
        '  ⟦loadBalancerSourceRanges⟧: [10.0.0.0/8]\n',
        '  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8"\n',
      ),
      errors: [
        {
          message:
            "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'\n" +
            'loadBalancerSourceRanges (who may reach the cloud load balancer) only applies to LoadBalancer Services, and this one is ClusterIP: remove it or set type: LoadBalancer.',
          data: { field: 'loadBalancerSourceRanges', type: 'ClusterIP' },
          fixes: [
            {
              title: 'Remove loadBalancerSourceRanges (only used by LoadBalancer Services)',
              output: service('ClusterIP', '', '  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8"\n'),
              preferred: true,
            },
            {
              title: 'Change type to LoadBalancer',
              output: service(
                'LoadBalancer',
                '  loadBalancerSourceRanges: [10.0.0.0/8]\n',
                '  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8"\n',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'load-balancer fields on another type: remove them, or change the type',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ⟦loadBalancerSourceRanges⟧:
    - 10.0.0.0/8
  ports:
    - port: 80
`,
      errors: [
        {
          message:
            "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'\n" +
            'loadBalancerSourceRanges (who may reach the cloud load balancer) only applies to LoadBalancer Services, and this one is NodePort: remove it or set type: LoadBalancer.',
          data: { field: 'loadBalancerSourceRanges', type: 'NodePort' },
          fixes: [
            {
              title: 'Remove loadBalancerSourceRanges (only used by LoadBalancer Services)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ports:
    - port: 80
`,
              preferred: true,
            },
            {
              title: 'Change type to LoadBalancer',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  loadBalancerSourceRanges:
    - 10.0.0.0/8
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
