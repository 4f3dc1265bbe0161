import { ruleTester } from '../../kit/ruleTester';
import { externalNameIgnoredField } from '../../../server/src/rules/externalname-ignored-field';

const service = (type: string, spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: ${type}
${spec}`;

ruleTester.run(externalNameIgnoredField, {
  valid: [
    { name: 'ExternalName: externalName: db.example.com → 0', code: service('ExternalName', '  externalName: db.example.com\n') },
    { name: 'NodePort: externalName: "" → 0', code: service('NodePort', '  externalName: ""\n') },
    {
      name: 'ExternalName: externalName: db.example.com\n  externalIPs: [] → 0',
      code: service('ExternalName', '  externalName: db.example.com\n  externalIPs: []\n'),
    },
    { name: 'ClusterIP: externalIPs: [203.0.113.10] → 0', code: service('ClusterIP', '  externalIPs: [203.0.113.10]\n') },
    // invalid type: its own error first
    { name: 'Externalname: externalName: db.example.com → 0', code: service('Externalname', '  externalName: db.example.com\n') },
  ],
  invalid: [
    {
      name: 'externalName on a ClusterIP Service is ignored: probably a forgotten type',
      code: service('ClusterIP', '  ⟦externalName⟧: db.example.com\n'),
      errors: [
        {
          message:
            'spec.externalName is ignored when spec.type is not "ExternalName"\n' +
            'This is a ClusterIP Service, not a DNS alias: set type: ExternalName if it should resolve to db.example.com, or remove externalName.',
          data: { field: 'externalName', suggestion: 'ExternalName' },
          tags: ['unnecessary'],
          fixes: [
            { title: 'Remove externalName (ignored for this Service type)', output: service('ClusterIP', ''), safe: true, preferred: true },
            {
              title: 'Change type to ExternalName (a DNS alias; kube-proxy no longer routes its ports)',
              output: service('ExternalName', '  externalName: db.example.com\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'externalIPs on an ExternalName Service are ignored',
      code: service('ExternalName', '  externalName: db.example.com\n  ⟦externalIPs⟧: [203.0.113.10]\n'),
      errors: [
        {
          message:
            'spec.externalIPs is ignored when spec.type is "ExternalName"\n' +
            'An ExternalName Service is only a DNS alias (CNAME) and kube-proxy does not route anything for it; remove externalIPs.',
          data: { field: 'externalIPs' },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove externalIPs (ignored for this Service type)',
              output: service('ExternalName', '  externalName: db.example.com\n'),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'LoadBalancer: externalName: db.example.com → 1',
      code: service('LoadBalancer', '  ⟦externalName⟧: db.example.com\n'),
      errors: [
        {
          message:
            'spec.externalName is ignored when spec.type is not "ExternalName"\n' +
            'This is a LoadBalancer Service, not a DNS alias: set type: ExternalName if it should resolve to db.example.com, or remove externalName.',
          data: { field: 'externalName', suggestion: 'ExternalName' },
          tags: ['unnecessary'],
          fixes: [
            { title: 'Remove externalName (ignored for this Service type)', output: service('LoadBalancer', ''), safe: true, preferred: true },
            {
              title: 'Change type to ExternalName (a DNS alias; kube-proxy no longer routes its ports)',
              output: service('ExternalName', '  externalName: db.example.com\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'a Service without type is a ClusterIP one',
      code: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  ⟦externalName⟧: db.example.com
`,
      errors: [
        {
          message:
            'spec.externalName is ignored when spec.type is not "ExternalName"\n' +
            'This is a ClusterIP Service, not a DNS alias: set type: ExternalName if it should resolve to db.example.com, or remove externalName.',
          data: { field: 'externalName', suggestion: 'ExternalName' },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove externalName (ignored for this Service type)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
`,
              safe: true,
              preferred: true,
            },
            {
              title: 'Change type to ExternalName (a DNS alias; kube-proxy no longer routes its ports)',
              output: service('ExternalName', '  externalName: db.example.com\n'),
            },
          ],
        },
      ],
    },
  ],
});
