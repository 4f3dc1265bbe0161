import { ruleTester } from '../../kit/ruleTester';
import { externalIPsDeprecated } from '../../../server/src/rules/external-ips-deprecated';

const service = (type: string, extra: string, ips = '[203.0.113.10]') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
${extra}  externalIPs: ${ips}
  ports:
    - port: 80
`;

ruleTester.run(externalIPsDeprecated, {
  valid: [
    { name: 'ClusterIP  externalIPs [] → 0', code: service('ClusterIP', '', '[]') },
    // headless: ignored-field warning instead
    { name: 'ClusterIP clusterIP: None externalIPs [203.0.113.10] → 0', code: service('ClusterIP', '  clusterIP: None\n') },
    // ExternalName: ignored-field warning instead
    {
      name: 'ExternalName externalName: db.example.com externalIPs [203.0.113.10] → 0',
      code: service('ExternalName', '  externalName: db.example.com\n'),
    },
  ],
  invalid: [
    {
      name: 'externalIPs warn with the 1.36 deprecation text, saying which versions print it',
      code: service('ClusterIP', ''),
      errors: [
        {
          at: 'externalIPs',
          message:
            'spec.externalIPs is deprecated and may no longer be implemented in some clusters\n' +
            'Kubernetes 1.36 deprecated this field (older API servers accept it without this warning) because it lets a Service capture traffic for any address; many clusters block it, so prefer a LoadBalancer Service or a Gateway.',
          data: { field: 'externalIPs' },
          tags: ['deprecated'],
        },
      ],
    },
    {
      name: 'NodePort  externalIPs [203.0.113.10] → 1',
      code: service('NodePort', ''),
      errors: [
        {
          at: 'externalIPs',
          message:
            'spec.externalIPs is deprecated and may no longer be implemented in some clusters\n' +
            'Kubernetes 1.36 deprecated this field (older API servers accept it without this warning) because it lets a Service capture traffic for any address; many clusters block it, so prefer a LoadBalancer Service or a Gateway.',
          data: { field: 'externalIPs' },
          tags: ['deprecated'],
        },
      ],
    },
    {
      name: 'LoadBalancer  externalIPs [203.0.113.10] → 1',
      code: service('LoadBalancer', ''),
      errors: [
        {
          at: 'externalIPs',
          message:
            'spec.externalIPs is deprecated and may no longer be implemented in some clusters\n' +
            'Kubernetes 1.36 deprecated this field (older API servers accept it without this warning) because it lets a Service capture traffic for any address; many clusters block it, so prefer a LoadBalancer Service or a Gateway.',
          data: { field: 'externalIPs' },
          tags: ['deprecated'],
        },
      ],
    },
  ],
});
