import { ruleTester } from '../../kit/ruleTester';
import { externalNameIpFields } from '../../../server/src/rules/externalname-ip-fields';

const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n  externalName: db.example.com\n${spec}\n`;

ruleTester.run(externalNameIpFields, {
  valid: [
    { name: 'no finding for clusterIP: ""', code: svc('  clusterIP: ""') },
    { name: 'no finding for clusterIPs: []', code: svc('  clusterIPs: []') },
    { name: 'no finding for ipFamilies: []', code: svc('  ipFamilies: []') },
    { name: 'no finding for ipFamilyPolicy:', code: svc('  ipFamilyPolicy:') },
    { name: 'no finding for clusterIP:', code: svc('  clusterIP:') },
    { name: 'no finding for sessionAffinity: None', code: svc('  sessionAffinity: None') },
    {
      name: 'only ExternalName Services are concerned',
      code: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  ipFamilyPolicy: SingleStack
  ports: [{port: 80}]
`,
    },
  ],
  invalid: [
    {
      name: 'clusterIP: None is forbidden too, reported on the key',
      code: svc('  ⟦clusterIP⟧: None'),
      errors: [
        {
          message:
            'spec.clusterIPs: Forbidden: may not be set for ExternalName services\n' +
            'An ExternalName Service is only a DNS alias (CNAME) for externalName and never gets a cluster IP: remove clusterIP.',
          data: { field: 'clusterIP' },
          fixes: [
            {
              title: 'Remove clusterIP (an ExternalName Service has no IP)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: ExternalName
  externalName: db.example.com
`,
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'clusterIP and clusterIPs: one error, on clusterIPs',
      code: svc('  clusterIP: 10.0.0.1\n  ⟦clusterIPs⟧: [10.0.0.1]'),
      errors: [
        {
          message:
            'spec.clusterIPs: Forbidden: may not be set for ExternalName services\n' +
            'An ExternalName Service is only a DNS alias (CNAME) for externalName and never gets a cluster IP: remove clusterIP and clusterIPs.',
          data: { field: 'clusterIPs' },
          fixes: [
            {
              title: 'Remove clusterIP and clusterIPs (an ExternalName Service has no IP)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: ExternalName
  externalName: db.example.com
`,
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'ipFamilies and ipFamilyPolicy (even empty) are forbidden',
      code: svc('  ⟦ipFamilies⟧: [IPv4]\n  ⟦ipFamilyPolicy⟧: ""'),
      errors: [
        {
          message:
            'spec.ipFamilies: Forbidden: may not be set for ExternalName services\n' +
            'An ExternalName Service is only a DNS alias (CNAME) for externalName and never gets a cluster IP: remove ipFamilies.',
          data: { field: 'ipFamilies' },
          fixes: [{ title: 'Remove ipFamilies (an ExternalName Service has no IP)', output: svc('  ipFamilyPolicy: ""'), safe: true, preferred: true }],
        },
        {
          message:
            'spec.ipFamilyPolicy: Forbidden: may not be set for ExternalName services\n' +
            'An ExternalName Service is only a DNS alias (CNAME) for externalName and never gets a cluster IP: remove ipFamilyPolicy.',
          data: { field: 'ipFamilyPolicy' },
          fixes: [{ title: 'Remove ipFamilyPolicy (an ExternalName Service has no IP)', output: svc('  ipFamilies: [IPv4]'), safe: true, preferred: true }],
        },
      ],
    },
  ],
});
