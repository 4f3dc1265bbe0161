import { ruleTester } from '../../kit/ruleTester';
import { externalTrafficPolicyInvalid } from '../../../server/src/rules/external-traffic-policy-invalid';

const service = (type: string, policy: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  externalTrafficPolicy: ${policy}
${extra}  selector:
    app: web
  ports:
    - port: 80
`;

ruleTester.run(externalTrafficPolicyInvalid, {
  valid: [
    { name: 'NodePort externalTrafficPolicy Cluster  → 0', code: service('NodePort', 'Cluster') },
    { name: 'LoadBalancer externalTrafficPolicy Local  → 0', code: service('LoadBalancer', 'Local') },
    // externally accessible through externalIPs
    {
      name: 'ClusterIP externalTrafficPolicy Local externalIPs: [203.0.113.10] → 0',
      code: service('ClusterIP', 'Local', '  externalIPs: [203.0.113.10]\n'),
    },
    // defaulted to Cluster
    { name: 'NodePort externalTrafficPolicy ""  → 0', code: service('NodePort', '""') },
    // "" means unset
    { name: 'ClusterIP externalTrafficPolicy ""  → 0', code: service('ClusterIP', '""') },
    { name: 'ClusterIP externalTrafficPolicy (null)  → 0', code: service('ClusterIP', '') },
    // the invalid type is reported first by type-unsupported
    { name: 'Nodeport externalTrafficPolicy Local  → 0', code: service('Nodeport', 'Local') },
  ],
  invalid: [
    {
      name: 'a ClusterIP Service may not set externalTrafficPolicy',
      code: service('ClusterIP', '⟦Local⟧'),
      errors: [
        {
          message:
            'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services\n' +
            'externalTrafficPolicy only governs traffic arriving through node ports, a load balancer or external IPs, which this ClusterIP Service does not receive; remove it.',
          data: { type: 'ClusterIP' },
          fixes: [
            {
              title: 'Remove externalTrafficPolicy (a ClusterIP Service receives no external traffic)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
            { title: 'Change type to NodePort', output: service('NodePort', 'Local') },
            { title: 'Change type to LoadBalancer', output: service('LoadBalancer', 'Local') },
          ],
        },
      ],
    },
    {
      name: 'a mis-cased value on a NodePort Service suggests the right spelling',
      code: service('NodePort', '⟦local⟧'),
      errors: [
        {
          message:
            'spec.externalTrafficPolicy: Unsupported value: "local": supported values: "Cluster", "Local"\n' +
            'Values are case-sensitive: did you mean "Local"?',
          data: { suggestion: 'Local' },
          fixes: [{ title: 'Change externalTrafficPolicy to Local', output: service('NodePort', 'Local'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'an unknown value explains both policies',
      code: service('LoadBalancer', '⟦OnlyLocal⟧'),
      errors: [
        {
          message:
            'spec.externalTrafficPolicy: Unsupported value: "OnlyLocal": supported values: "Cluster", "Local"\n' +
            'Use Cluster (the default: any ready Pod, the client address may be replaced by a node address) or Local (only Pods on the receiving node, client address kept).',
        },
      ],
    },
    {
      name: 'ClusterIP externalTrafficPolicy Cluster  → 1',
      code: service('ClusterIP', '⟦Cluster⟧'),
      errors: [
        {
          message:
            'spec.externalTrafficPolicy: Invalid value: "Cluster": may only be set for externally-accessible services\n' +
            'externalTrafficPolicy only governs traffic arriving through node ports, a load balancer or external IPs, which this ClusterIP Service does not receive; remove it.',
          data: { type: 'ClusterIP' },
          fixes: [
            {
              title: 'Remove externalTrafficPolicy (a ClusterIP Service receives no external traffic)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
            { title: 'Change type to NodePort', output: service('NodePort', 'Cluster') },
            { title: 'Change type to LoadBalancer', output: service('LoadBalancer', 'Cluster') },
          ],
        },
      ],
    },
    {
      name: 'ClusterIP externalTrafficPolicy Local externalIPs: [] → 1',
      code: service('ClusterIP', '⟦Local⟧', '  externalIPs: []\n'),
      errors: [
        {
          message:
            'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services\n' +
            'externalTrafficPolicy only governs traffic arriving through node ports, a load balancer or external IPs, which this ClusterIP Service does not receive; remove it.',
          data: { type: 'ClusterIP' },
          fixes: [
            {
              title: 'Remove externalTrafficPolicy (a ClusterIP Service receives no external traffic)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  externalIPs: []
  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
            { title: 'Change type to NodePort', output: service('NodePort', 'Local', '  externalIPs: []\n') },
            { title: 'Change type to LoadBalancer', output: service('LoadBalancer', 'Local', '  externalIPs: []\n') },
          ],
        },
      ],
    },
    {
      name: 'ExternalName externalTrafficPolicy Cluster externalName: db.example.com → 1',
      code: service('ExternalName', '⟦Cluster⟧', '  externalName: db.example.com\n'),
      errors: [
        {
          message:
            'spec.externalTrafficPolicy: Invalid value: "Cluster": may only be set for externally-accessible services\n' +
            'externalTrafficPolicy only governs traffic arriving through node ports, a load balancer or external IPs, which this ExternalName Service does not receive; remove it.',
          data: { type: 'ExternalName' },
          fixes: [
            {
              title: 'Remove externalTrafficPolicy (a ExternalName Service receives no external traffic)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ExternalName
  externalName: db.example.com
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
      name: 'mis-cased enum values become the valid value, safely',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  externalTrafficPolicy: ⟦"local"⟧
  ports:
    - port: 80
`,
      errors: [
        {
          message:
            'spec.externalTrafficPolicy: Unsupported value: "local": supported values: "Cluster", "Local"\n' +
            'Values are case-sensitive: did you mean "Local"?',
          data: { suggestion: 'Local' },
          fixes: [
            {
              title: 'Change externalTrafficPolicy to Local',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  externalTrafficPolicy: "Local"
  ports:
    - port: 80
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
