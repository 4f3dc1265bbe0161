import { ruleTester } from '../../kit/ruleTester';
import { headlessIgnoredField } from '../../../server/src/rules/headless-ignored-field';

const service = (spec: string, clusterIP = 'None', type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: ${type}
  clusterIP: ${clusterIP}
${spec}  selector:
    app: db
  ports:
    - port: 5432
`;

ruleTester.run(headlessIgnoredField, {
  valid: [
    { name: 'ClusterIP clusterIP None: sessionAffinity: None → 0', code: service('  sessionAffinity: None\n') },
    { name: 'ClusterIP clusterIP None: externalIPs: [] → 0', code: service('  externalIPs: []\n') },
    { name: 'ClusterIP clusterIP None: loadBalancerIP: "" → 0', code: service('  loadBalancerIP: ""\n') },
    // not headless
    { name: 'ClusterIP clusterIP 10.96.0.5: sessionAffinity: ClientIP → 0', code: service('  sessionAffinity: ClientIP\n', '10.96.0.5') },
    { name: 'ClusterIP clusterIP "": sessionAffinity: ClientIP → 0', code: service('  sessionAffinity: ClientIP\n', '""') },
    // not headless by the warnings.go definition (an error elsewhere)
    {
      name: 'NodePort clusterIP None: externalIPs: [203.0.113.10] → 0',
      code: service('  externalIPs: [203.0.113.10]\n', 'None', 'NodePort'),
    },
    // invalid: an error elsewhere
    { name: 'ClusterIP clusterIP None: sessionAffinity: clientip → 0', code: service('  sessionAffinity: clientip\n') },
  ],
  invalid: [
    {
      name: 'each ignored field of a headless Service warns on its key',
      code: service('  ⟦loadBalancerIP⟧: 203.0.113.9\n  ⟦externalIPs⟧: [203.0.113.10]\n  ⟦sessionAffinity⟧: ClientIP\n'),
      errors: [
        {
          message:
            'spec.loadBalancerIP is ignored for headless services\n' +
            'clusterIP: None means DNS returns the Pod IPs directly and kube-proxy does not handle this Service, so this field has no effect.',
          data: { field: 'loadBalancerIP' },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove loadBalancerIP (ignored by a headless Service)',
              output: service('  externalIPs: [203.0.113.10]\n  sessionAffinity: ClientIP\n'),
              safe: true,
              preferred: true,
            },
          ],
        },
        {
          message:
            'spec.externalIPs is ignored for headless services\n' +
            'clusterIP: None means DNS returns the Pod IPs directly and kube-proxy does not handle this Service, so this field has no effect.',
          data: { field: 'externalIPs' },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove externalIPs (ignored by a headless Service)',
              output: service('  loadBalancerIP: 203.0.113.9\n  sessionAffinity: ClientIP\n'),
              safe: true,
              preferred: true,
            },
          ],
        },
        {
          message:
            'spec.SessionAffinity is ignored for headless services\n' +
            'clusterIP: None means DNS returns the Pod IPs directly and kube-proxy does not handle this Service, so this field has no effect.',
          data: { field: 'sessionAffinity' },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove sessionAffinity (ignored by a headless Service)',
              output: service('  loadBalancerIP: 203.0.113.9\n  externalIPs: [203.0.113.10]\n'),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'a Service without type is ClusterIP after defaulting',
      code: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  ⟦sessionAffinity⟧: ClientIP
  selector:
    app: db
  ports:
    - port: 5432
`,
      errors: [
        {
          message:
            'spec.SessionAffinity is ignored for headless services\n' +
            'clusterIP: None means DNS returns the Pod IPs directly and kube-proxy does not handle this Service, so this field has no effect.',
          data: { field: 'sessionAffinity' },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove sessionAffinity (ignored by a headless Service)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector:
    app: db
  ports:
    - port: 5432
`,
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
  ],
});
