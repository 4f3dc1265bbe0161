import { ruleTester } from '../../kit/ruleTester';
import { loadBalancerPending } from '../../../server/src/rules/loadbalancer-pending';

const service = (type: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
${extra}  selector: {app: web}
  ports:
    - port: 80
`;

ruleTester.run(loadBalancerPending, {
  valid: [
    { name: 'unknown profile says nothing → no finding', code: service('LoadBalancer'), settings: { clusterProfile: 'unknown' } },
    { name: 'cloud profile says nothing → no finding', code: service('LoadBalancer'), settings: { clusterProfile: 'cloud' } },
    { name: 'NodePort is not affected → no finding', code: service('NodePort'), settings: { clusterProfile: 'bare-metal' } },
    { name: 'ClusterIP is not affected → no finding', code: service('ClusterIP'), settings: { clusterProfile: 'local' } },
    {
      name: 'an address already in status, or a MetalLB pool in the workspace, shows an implementation exists',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector: {app: web}
  ports:
    - port: 80
status:
  loadBalancer:
    ingress:
      - ip: 192.0.2.10
`,
      settings: { clusterProfile: 'bare-metal' },
    },
    {
      name: 'an address already in status, or a MetalLB pool in the workspace, shows an implementation exists (2)',
      code: service('LoadBalancer'),
      files: {
        'file:///w/metallb.yaml': `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: first-pool
  namespace: metallb-system
spec:
  addresses: [192.168.10.0/24]
`,
      },
      settings: { clusterProfile: 'bare-metal' },
    },
  ],
  invalid: [
    {
      name: 'bare metal → warning',
      code: service('⟦LoadBalancer⟧'),
      settings: { clusterProfile: 'bare-metal' },
      errors: [
        {
          message:
            'Kubernetes has no built-in load balancer: on a bare-metal cluster, Service `web` gets no external address (EXTERNAL-IP stays `<pending>`) until a load-balancer implementation such as MetalLB (configured with an IPAddressPool and an L2Advertisement or BGPAdvertisement) assigns one. Meanwhile it still works as a NodePort Service: <node IP>:<nodePort> reaches it.',
          data: { clusterProfile: 'bare-metal', loadBalancerClass: undefined, allocateLoadBalancerNodePorts: true },
        },
      ],
    },
    {
      name: 'local → information',
      code: service('⟦LoadBalancer⟧'),
      settings: { clusterProfile: 'local' },
      errors: [
        {
          message:
            'Kubernetes has no built-in load balancer: on a local cluster, Service `web` gets no external address (EXTERNAL-IP stays `<pending>`) until a load-balancer implementation assigns one. On kind run cloud-provider-kind, on minikube run `minikube tunnel`; k3s and k3d provide one (ServiceLB) unless it is disabled. Meanwhile it still works as a NodePort Service: <node IP>:<nodePort> reaches it.',
          data: { clusterProfile: 'local', loadBalancerClass: undefined, allocateLoadBalancerNodePorts: true },
          severity: 'information',
        },
      ],
    },
    {
      name: 'no node ports allocated: the NodePort fallback is not promised',
      code: service('⟦LoadBalancer⟧', '  allocateLoadBalancerNodePorts: false\n'),
      settings: { clusterProfile: 'bare-metal' },
      errors: [
        {
          message:
            'Kubernetes has no built-in load balancer: on a bare-metal cluster, Service `web` gets no external address (EXTERNAL-IP stays `<pending>`) until a load-balancer implementation such as MetalLB (configured with an IPAddressPool and an L2Advertisement or BGPAdvertisement) assigns one.',
          data: {
            clusterProfile: 'bare-metal',
            loadBalancerClass: undefined,
            allocateLoadBalancerNodePorts: false,
          },
        },
      ],
    },
    {
      name: 'a loadBalancerClass needs the implementation of that class',
      code: service('⟦LoadBalancer⟧', '  loadBalancerClass: example.com/internal-vip\n'),
      settings: { clusterProfile: 'local' },
      errors: [
        {
          message:
            'Kubernetes has no built-in load balancer: on a local cluster, Service `web` gets no external address (EXTERNAL-IP stays `<pending>`) until the load-balancer implementation that handles loadBalancerClass `example.com/internal-vip` assigns one. Meanwhile it still works as a NodePort Service: <node IP>:<nodePort> reaches it.',
          data: {
            clusterProfile: 'local',
            loadBalancerClass: 'example.com/internal-vip',
            allocateLoadBalancerNodePorts: true,
          },
          severity: 'information',
        },
      ],
    },
  ],
});
