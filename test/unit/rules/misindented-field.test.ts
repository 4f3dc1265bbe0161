import { ruleTester } from '../../kit/ruleTester';
import { misindentedField } from '../../../server/src/rules/misindented-field';

ruleTester.run(misindentedField, {
  valid: [
    {
      name: 'no finding: a typo of a spec field is unknown-field with a suggestion',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selectors: {app: web}
  ports: [{port: 80}]
`,
    },
    {
      name: 'no finding: a stray key on an ExternalName Service, which has no use for a selector',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  type: ExternalName
  externalName: db.example.com
  app: web
`,
    },
    {
      name: 'no finding: a value that cannot be a label',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  ports: [{port: 80}]
  note: "routes to the web tier"
`,
    },
    {
      name: 'no finding: a plausible selector label named `type`',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector:
    type: frontend
  ports: [{port: 80}]
`,
    },
    {
      name: 'no finding: `type` in the selector when spec.type is set too',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  type: NodePort
  selector:
    type: NodePort
  ports: [{port: 80}]
`,
    },
    {
      name: 'no finding: a correct Service',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
  labels: {app: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`,
    },
    {
      name: 'no finding: a Deployment',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  app: web
`,
    },
  ],
  invalid: [
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
  ⟦app⟧: MyApp
  ports:
  - protocol: TCP
    port: 80
    targetPort: 8080
    nodePort: 30007
`,
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.app"\n' +
            '`app: MyApp` is at `spec` level; it was probably meant as a label under `selector:` (indent it one more level) — as written the Service has no selector, so Kubernetes picks no Pods for it.',
          data: { path: 'spec.app', key: 'app', value: 'MyApp', from: 'spec', moveTo: 'spec.selector' },
          fixes: [
            {
              title: 'Move app under selector:',
              output: `apiVersion: v1
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
              preferred: true,
            },
          ],
        },
      ],
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
  ⟦tier⟧: frontend
  ports:
  - port: 80
`,
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.tier"\n' +
            '`tier: frontend` is at `spec` level; it was probably meant as a label under `selector:` (indent it one more level) — as written it is not part of the selector.',
          data: { path: 'spec.tier', key: 'tier', value: 'frontend', from: 'spec', moveTo: 'spec.selector' },
          fixes: [
            {
              title: 'Move tier under selector:',
              output: `apiVersion: v1
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
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: '`namespace` at the top level',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
⟦namespace⟧: shop
spec:
  selector: {app: web}
  ports: [{port: 80}]
`,
      errors: [
        {
          message: 'strict decoding error: unknown field "namespace"\n' + '`namespace` is at the top level of the Service; it belongs under `metadata:`.',
          data: { path: 'namespace', key: 'namespace', value: 'shop', from: '', moveTo: 'metadata' },
          fixes: [
            {
              title: 'Move namespace under metadata:',
              output: `apiVersion: v1
kind: Service
metadata:
  name: my-service
  namespace: shop
spec:
  selector: {app: web}
  ports: [{port: 80}]
`,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: '`selector` under metadata',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
  ⟦selector⟧:
    app: web
spec:
  ports: [{port: 80}]
`,
      errors: [
        {
          message:
            'strict decoding error: unknown field "metadata.selector"\n' +
            '`selector` is under `metadata`; it belongs under `spec:` — as written the Service has no selector, so Kubernetes picks no Pods for it.',
          data: { path: 'metadata.selector', key: 'selector', from: 'metadata', moveTo: 'spec' },
          fixes: [
            {
              title: 'Move selector under spec:',
              output: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  ports: [{port: 80}]
  selector:
    app: web
`,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'a label one level too shallow in metadata',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
  labels:
  ⟦app⟧: web
spec:
  selector: {app: web}
  ports: [{port: 80}]
`,
      errors: [
        {
          message:
            'strict decoding error: unknown field "metadata.app"\n' + '`app: web` is at `metadata` level; it was probably meant as a label under `labels:`.',
          data: { path: 'metadata.app', key: 'app', value: 'web', from: 'metadata', moveTo: 'metadata.labels' },
          fixes: [
            {
              title: 'Move app under labels:',
              output: `apiVersion: v1
kind: Service
metadata:
  name: my-service
  labels:
    app: web
spec:
  selector: {app: web}
  ports: [{port: 80}]
`,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'a cloud load-balancer annotation one level too shallow',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
  ⟦service.beta.kubernetes.io/aws-load-balancer-type⟧: nlb
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80}]
`,
      errors: [
        {
          message:
            'strict decoding error: unknown field "metadata.service.beta.kubernetes.io/aws-load-balancer-type"\n' +
            '`service.beta.kubernetes.io/aws-load-balancer-type: nlb` is at `metadata` level; it was probably meant as an annotation under `annotations:`.',
          data: {
            path: 'metadata.service.beta.kubernetes.io/aws-load-balancer-type',
            key: 'service.beta.kubernetes.io/aws-load-balancer-type',
            value: 'nlb',
            from: 'metadata',
            moveTo: 'metadata.annotations',
          },
          fixes: [
            {
              title: 'Move service.beta.kubernetes.io/aws-load-balancer-type under annotations:',
              output: `apiVersion: v1
kind: Service
metadata:
  name: my-service
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-type: nlb
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80}]
`,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'a Service field inside `selector:` is accepted by the API server, so it is a warning without an API error line',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector:
    app: web
    ⟦type⟧: NodePort
  ports: [{port: 80}]
`,
      errors: [
        {
          message:
            "`type: NodePort` is inside `selector:`, so it is a label the selected Pods must carry, not the Service's `type` (which stays unset); move it out one level, lined up with `selector:`.",
          data: {
            path: 'spec.selector.type',
            key: 'type',
            value: 'NodePort',
            from: 'spec.selector',
            moveTo: 'spec',
          },
          severity: 'warning',
          fixes: [
            {
              title: 'Move type under spec:',
              output: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  type: NodePort
  selector:
    app: web
  ports: [{port: 80}]
`,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'selector labels written beside `selector:` move under it, all at once or one by one',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
  ⟦app⟧: web
  ⟦tier⟧: frontend
  ports:
    - port: 80
`,
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.app"\n' +
            '`app: web` is at `spec` level; it was probably meant as a label under `selector:` (indent it one more level) — as written the Service has no selector, so Kubernetes picks no Pods for it.',
          data: { path: 'spec.app', key: 'app', value: 'web', from: 'spec', moveTo: 'spec.selector' },
          fixes: [
            {
              title: 'Move app, tier under selector:',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
    tier: frontend
  ports:
    - port: 80
`,
              preferred: true,
            },
            {
              title: 'Move app under selector:',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  tier: frontend
  ports:
    - port: 80
`,
            },
          ],
        },
        {
          message:
            'strict decoding error: unknown field "spec.tier"\n' +
            '`tier: frontend` is at `spec` level; it was probably meant as a label under `selector:` (indent it one more level) — as written the Service has no selector, so Kubernetes picks no Pods for it.',
          data: { path: 'spec.tier', key: 'tier', value: 'frontend', from: 'spec', moveTo: 'spec.selector' },
          fixes: [
            {
              title: 'Move app, tier under selector:',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
    tier: frontend
  ports:
    - port: 80
`,
              preferred: true,
            },
            {
              title: 'Move tier under selector:',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    tier: frontend
  app: web
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
