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
      name: 'the same block written twice (as in the archived openshift-origin examples) is information only',
      code: `apiVersion: v1
kind: Service
metadata:
  name: etcd
spec:
  ⟦selector⟧:
    name: etcd
  ports: [{port: 2379}]
  selector: {name: etcd}
`,
      errors: [
        {
          message:
            '`selector` is set again later in `spec` to the same value; kubectl apply keeps the last one, so this one changes nothing (kustomize rejects the file, though): keep a single `selector:`.',
          severity: 'information',
          data: { path: 'spec.selector', key: 'selector', occurrences: 2, kept: '{name: etcd}', dropped: '{name: etcd}', same: true },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove this repeated `selector` (the same value is set again later)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: etcd
spec:
  ports: [{port: 2379}]
  selector: {name: etcd}
`,
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'the same value is judged as the JSON kubectl sends: key order and spelling do not matter, types do',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {⟦a⟧: "1", b: x, a: "1", ⟦c⟧: 80, c: "80"}
spec:
  ⟦selector⟧: {app: web, tier: fe}
  selector: {tier: 'fe', app: "web"}
`,
      errors: [
        {
          message:
            '`a` is set again later in `metadata.labels` to the same value; kubectl apply keeps the last one, so this one changes nothing (kustomize rejects the file, though): keep a single `a:`.',
          severity: 'information',
          data: { path: 'metadata.labels.a', key: 'a', occurrences: 2, kept: '"1"', dropped: '"1"', same: true },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove this repeated `a` (the same value is set again later)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {b: x, a: "1", c: 80, c: "80"}
spec:
  selector: {app: web, tier: fe}
  selector: {tier: 'fe', app: "web"}
`,
              safe: true,
              preferred: true,
            },
          ],
        },
        {
          message:
            '`c` is set again later in `metadata.labels`; kubectl apply keeps the last value, `"80"`, and silently drops this one, `80` (kustomize rejects the file instead): keep a single `c:` with the value you mean.',
          data: { path: 'metadata.labels.c', key: 'c', occurrences: 2, kept: '"80"', dropped: '80', same: false },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove this earlier `c` (kubectl ignores it; the later one wins)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {a: "1", b: x, a: "1", c: "80"}
spec:
  selector: {app: web, tier: fe}
  selector: {tier: 'fe', app: "web"}
`,
              safe: true,
              preferred: true,
            },
          ],
        },
        {
          message:
            '`selector` is set again later in `spec` to the same value; kubectl apply keeps the last one, so this one changes nothing (kustomize rejects the file, though): keep a single `selector:`.',
          severity: 'information',
          data: { path: 'spec.selector', key: 'selector', occurrences: 2, kept: '{tier: fe, app: web}', dropped: '{app: web, tier: fe}', same: true },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove this repeated `selector` (the same value is set again later)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {a: "1", b: x, a: "1", c: 80, c: "80"}
spec:
  selector: {tier: 'fe', app: "web"}
`,
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
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
            '`selector` is set again later in `spec`; kubectl apply keeps the last value, `{app: api}`, and silently drops this one, `{app: web}` (kustomize rejects the file instead): keep a single `selector:` with the value you mean.',
          data: { path: 'spec.selector', key: 'selector', occurrences: 2, kept: '{app: api}', dropped: '{app: web}', same: false },
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
            '`port` is set again later in `spec.ports[0]`; kubectl apply keeps the last value, `82`, and silently drops this one, `80` (kustomize rejects the file instead): keep a single `port:` with the value you mean.',
          data: { path: 'spec.ports[0].port', key: 'port', occurrences: 3, kept: '82', dropped: '80', same: false },
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
            '`port` is set again later in `spec.ports[0]`; kubectl apply keeps the last value, `82`, and silently drops this one, `81` (kustomize rejects the file instead): keep a single `port:` with the value you mean.',
          data: { path: 'spec.ports[0].port', key: 'port', occurrences: 3, kept: '82', dropped: '81', same: false },
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
            '`metadata` is set again later at the top level of this Deployment; kubectl apply keeps the last value, `{name: b}`, and silently drops this one, `{name: a}` (kustomize rejects the file instead): keep a single `metadata:` with the value you mean.',
          data: { path: 'metadata', key: 'metadata', occurrences: 2, kept: '{name: b}', dropped: '{name: a}', same: false },
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
            '`containers` is set again later in `spec.template.spec`; kubectl apply keeps the last value, `[{name: b, image: b}]`, and silently drops this one, `[{name: a, image: a}]` (kustomize rejects the file instead): keep a single `containers:` with the value you mean.',
          data: {
            path: 'spec.template.spec.containers',
            key: 'containers',
            occurrences: 2,
            kept: '[{name: b, image: b}]',
            dropped: '[{name: a, image: a}]',
            same: false,
          },
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
            '`app` is set again later in `metadata.labels`; kubectl apply keeps the last value, `api`, and silently drops this one, `web` (kustomize rejects the file instead): keep a single `app:` with the value you mean.',
          data: { path: 'metadata.labels.app', key: 'app', occurrences: 2, kept: 'api', dropped: 'web', same: false },
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
            '`type` is set again later in `spec`; kubectl apply keeps the last value, `ClusterIP`, and silently drops this one, `NodePort` (kustomize rejects the file instead): keep a single `type:` with the value you mean.',
          data: { path: 'spec.type', key: 'type', occurrences: 2, kept: 'ClusterIP', dropped: 'NodePort', same: false },
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
            '`selector` is set again later in `spec`; kubectl apply keeps the last value, `{app: c}`, and silently drops this one, `{app: b}` (kustomize rejects the file instead): keep a single `selector:` with the value you mean.',
          data: { path: 'spec.selector', key: 'selector', occurrences: 2, kept: '{app: c}', dropped: '{app: b}', same: false },
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
