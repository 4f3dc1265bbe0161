import { ruleTester } from '../../kit/ruleTester';
import { unknownField } from '../../../server/src/rules/unknown-field';

// A key misindentedField reports is never reported as an unknown field as well.
ruleTester.run(unknownField, {
  valid: [
    // The exact YAML of a widely copied NodePort explainer (shared/notes/user-explainers).
    {
      name: 'a selector label one level too shallow, beside an empty `selector:`',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  type: NodePort
  selector:
  app: MyApp
  ports:
  - protocol: TCP
    port: 80
    targetPort: 8080
    nodePort: 30007
`,
    },
    {
      name: 'a second label beside a non-empty selector',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector:
    app: web
  tier: frontend
  ports:
  - port: 80
`,
    },
    {
      name: 'a port field at spec level belongs to the port entry just above it',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  ports:
  - name: http
    port: 80
  - name: metrics
    port: 9090
  targetPort: 9091
`,
    },
    {
      name: 'a port field with no ports list at all',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  port: 80
`,
    },
    {
      name: '`ports:` outside `spec:`',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
ports:
- port: 80
`,
    },
    {
      name: '`namespace` at the top level',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
namespace: shop
spec:
  selector: {app: web}
  ports: [{port: 80}]
`,
    },
    {
      name: '`selector` under metadata',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
  selector:
    app: web
spec:
  ports: [{port: 80}]
`,
    },
    {
      name: 'a label one level too shallow in metadata',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
  labels:
  app: web
spec:
  selector: {app: web}
  ports: [{port: 80}]
`,
    },
    {
      name: 'a cloud load-balancer annotation one level too shallow',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
  service.beta.kubernetes.io/aws-load-balancer-type: nlb
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80}]
`,
    },
    {
      name: '`type:` indented into a port entry',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  ports:
  - port: 80
    type: NodePort
`,
    },
  ],
  invalid: [],
});
