import { ruleTester } from '../../kit/ruleTester';
import { duplicateField } from '../../../server/src/rules/duplicate-field';

ruleTester.run(duplicateField, {
  valid: [
    {
      name: 'no finding: the same key in different mappings',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {app: web}
spec:
  selector: {app: web}
  ports: [{name: a, port: 80}, {name: b, port: 81}]
`,
    },
    {
      name: 'no finding: a document kubectl cannot parse at all',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: {PREFIX}.16
  clusterIP: None
`,
    },
    {
      name: 'no finding: YAML merge keys',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  <<: {type: ClusterIP}
  ports: [{port: 80}]
`,
    },
  ],
  invalid: [
    {
      name: 'the earlier of two keys is reported: it is the one kubectl silently drops',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ⟦selector⟧:
    app: web
  ports: [{port: 80}]
  selector:
    app: api
`,
      errors: [
        {
          message:
            '`selector` is set again later in `spec`; kubectl apply keeps only the last one and silently ignores this one (kustomize rejects the file instead): keep a single `selector:`.',
          data: { path: 'spec.selector', key: 'selector', occurrences: 2 },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove this earlier `selector` (kubectl ignores it; the later one wins)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports: [{port: 80}]
  selector:
    app: api
`,
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'three occurrences give two findings; paths carry list indices',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - ⟦port⟧: 80
    ⟦port⟧: 81
    port: 82
`,
      errors: [
        {
          message:
            '`port` is set again later in `spec.ports[0]`; kubectl apply keeps only the last one and silently ignores this one (kustomize rejects the file instead): keep a single `port:`.',
          data: { path: 'spec.ports[0].port', key: 'port', occurrences: 3 },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove this earlier `port` (kubectl ignores it; the later one wins)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 81
    port: 82
`,
              safe: true,
              preferred: true,
            },
          ],
        },
        {
          message:
            '`port` is set again later in `spec.ports[0]`; kubectl apply keeps only the last one and silently ignores this one (kustomize rejects the file instead): keep a single `port:`.',
          data: { path: 'spec.ports[0].port', key: 'port', occurrences: 3 },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove this earlier `port` (kubectl ignores it; the later one wins)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
    port: 82
`,
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: "at the top level, and for every kind of object (the behaviour is kubectl's, not the Service schema's)",
      code: `apiVersion: apps/v1
kind: Deployment
⟦metadata⟧: {name: a}
metadata: {name: b}
spec:
  template:
    spec:
      ⟦containers⟧: [{name: a, image: a}]
      containers: [{name: b, image: b}]
`,
      errors: [
        {
          message:
            '`metadata` is set again later at the top level of this Deployment; kubectl apply keeps only the last one and silently ignores this one (kustomize rejects the file instead): keep a single `metadata:`.',
          data: { path: 'metadata', key: 'metadata', occurrences: 2 },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove this earlier `metadata` (kubectl ignores it; the later one wins)',
              output: `apiVersion: apps/v1
kind: Deployment
metadata: {name: b}
spec:
  template:
    spec:
      containers: [{name: a, image: a}]
      containers: [{name: b, image: b}]
`,
              safe: true,
              preferred: true,
            },
          ],
        },
        {
          message:
            '`containers` is set again later in `spec.template.spec`; kubectl apply keeps only the last one and silently ignores this one (kustomize rejects the file instead): keep a single `containers:`.',
          data: { path: 'spec.template.spec.containers', key: 'containers', occurrences: 2 },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove this earlier `containers` (kubectl ignores it; the later one wins)',
              output: `apiVersion: apps/v1
kind: Deployment
metadata: {name: a}
metadata: {name: b}
spec:
  template:
    spec:
      containers: [{name: b, image: b}]
`,
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'label keys written twice',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    ⟦app⟧: web
    app: api
spec:
  ports: [{port: 80}]
`,
      errors: [
        {
          message:
            '`app` is set again later in `metadata.labels`; kubectl apply keeps only the last one and silently ignores this one (kustomize rejects the file instead): keep a single `app:`.',
          data: { path: 'metadata.labels.app', key: 'app', occurrences: 2 },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove this earlier `app` (kubectl ignores it; the later one wins)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app: api
spec:
  ports: [{port: 80}]
`,
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'reported even when YAML syntax errors are left to another extension',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ⟦type⟧: NodePort
  type: ClusterIP
  ports: [{port: 80}]
`,
      settings: { yamlSyntaxErrors: false },
      errors: [
        {
          message:
            '`type` is set again later in `spec`; kubectl apply keeps only the last one and silently ignores this one (kustomize rejects the file instead): keep a single `type:`.',
          data: { path: 'spec.type', key: 'type', occurrences: 2 },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove this earlier `type` (kubectl ignores it; the later one wins)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  ports: [{port: 80}]
`,
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'only the kept value is searched for nested duplicates',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ⟦selector⟧: {app: a, app: b}
  selector: {app: c}
`,
      errors: [
        {
          message:
            '`selector` is set again later in `spec`; kubectl apply keeps only the last one and silently ignores this one (kustomize rejects the file instead): keep a single `selector:`.',
          data: { path: 'spec.selector', key: 'selector', occurrences: 2 },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove this earlier `selector` (kubectl ignores it; the later one wins)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: c}
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
