import { ruleTester } from '../../kit/ruleTester';
import { internalTrafficPolicyInvalid } from '../../../server/src/rules/internal-traffic-policy-invalid';

const service = (policy: string, type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  internalTrafficPolicy: ${policy}
  selector:
    app: web
  ports:
    - port: 80
`;

ruleTester.run(internalTrafficPolicyInvalid, {
  valid: [
    { name: 'ClusterIP internalTrafficPolicy Cluster → 0', code: service('Cluster') },
    { name: 'NodePort internalTrafficPolicy Local → 0', code: service('Local', 'NodePort') },
    // null: defaulted
    { name: 'ClusterIP internalTrafficPolicy (null) → 0', code: service('') },
    { name: 'ExternalName internalTrafficPolicy Local → 0', code: service('Local', 'ExternalName') },
    // a boolean is a type error
    { name: 'ClusterIP internalTrafficPolicy true → 0', code: service('true') },
  ],
  invalid: [
    {
      name: 'a mis-cased value suggests the right spelling',
      code: service('⟦local⟧'),
      errors: [
        {
          message:
            'spec.internalTrafficPolicy: Unsupported value: "local": supported values: "Cluster", "Local"\n' +
            'Values are case-sensitive: did you mean "Local"?',
          data: { suggestion: 'Local' },
          fixes: [{ title: 'Change internalTrafficPolicy to Local', output: service('Local'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'an unknown value explains both options',
      code: service('⟦Node⟧'),
      errors: [
        {
          message:
            'spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"\n' +
            'Use Cluster (the default: any ready Pod) or Local (only Pods on the same node as the client).',
        },
      ],
    },
    // a written empty string is not defaulted
    {
      name: 'ClusterIP internalTrafficPolicy "" → 1',
      code: service('⟦""⟧'),
      errors: [
        {
          message:
            'spec.internalTrafficPolicy: Unsupported value: "": supported values: "Cluster", "Local"\n' +
            'Use Cluster (the default: any ready Pod) or Local (only Pods on the same node as the client).',
        },
      ],
    },
    {
      name: 'LoadBalancer internalTrafficPolicy cluster → 1',
      code: service('⟦cluster⟧', 'LoadBalancer'),
      errors: [
        {
          message:
            'spec.internalTrafficPolicy: Unsupported value: "cluster": supported values: "Cluster", "Local"\n' +
            'Values are case-sensitive: did you mean "Cluster"?',
          data: { suggestion: 'Cluster' },
          fixes: [{ title: 'Change internalTrafficPolicy to Cluster', output: service('Cluster', 'LoadBalancer'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'ExternalName internalTrafficPolicy Nope → 1',
      code: service('⟦Nope⟧', 'ExternalName'),
      errors: [
        {
          message:
            'spec.internalTrafficPolicy: Unsupported value: "Nope": supported values: "Cluster", "Local"\n' +
            'Use Cluster (the default: any ready Pod) or Local (only Pods on the same node as the client).',
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
  internalTrafficPolicy: ⟦cluster⟧
  ports:
    - port: 80
`,
      errors: [
        {
          message:
            'spec.internalTrafficPolicy: Unsupported value: "cluster": supported values: "Cluster", "Local"\n' +
            'Values are case-sensitive: did you mean "Cluster"?',
          data: { suggestion: 'Cluster' },
          fixes: [
            {
              title: 'Change internalTrafficPolicy to Cluster',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  internalTrafficPolicy: Cluster
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
