import { ruleTester } from '../../kit/ruleTester';
import { selectorMatchesNothing } from '../../../server/src/rules/selector-matches-nothing';

const service = (selector: string, namespace = '', type = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
${type ? `  type: ${type}\n  externalName: example.com\n` : ''}  selector: ${selector}
  ports:
    - port: 80
`;

const deployment = (labels: string, namespace = '', objectLabels = '{}') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: ${objectLabels}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  selector:
    matchLabels: {app: whatever}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers:
        - name: app
          image: nginx
`;

/** A selector written twice: kubectl keeps the last one. */
const twoSelectors = (first: string, second: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: ${first}
  ports:
    - port: 80
  selector: ${second}
`;

ruleTester.run(selectorMatchesNothing, {
  valid: [
    {
      name: 'a selector written twice is judged on the last one, which kubectl keeps: it matches → no finding',
      code: twoSelectors('{app: nothing}', '{app: web}'),
      files: { 'file:///w/deploy.yaml': deployment('{app: web}') },
    },
    {
      name: 'labels match → no finding',
      code: service('{app: web}'),
      files: { 'file:///w/deploy.yaml': deployment('{app: web, tier: fe}') },
    },
    {
      name: 'no namespace vs explicit default → no finding',
      code: service('{app: web}'),
      files: { 'file:///w/deploy.yaml': deployment('{app: web}', 'default') },
    },
    {
      name: 'ExternalName is out of scope → no finding',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ExternalName
  externalName: example.com
  selector: {app: nothing}
  ports:
    - port: 80
`,
      files: { 'file:///w/deploy.yaml': deployment('{app: web}') },
    },
    {
      name: 'no selector is another rule → no finding',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
`,
      files: { 'file:///w/deploy.yaml': deployment('{app: web}') },
    },
    {
      name: 'templated selector is not checked → no finding',
      code: service('{app: "{{ .Values.app }}"}'),
      files: { 'file:///w/deploy.yaml': deployment('{app: web}') },
    },
    {
      name: 'a Job pod template still matches → no finding',
      code: service('{app: web}'),
      files: {
        'file:///w/deploy.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: web
  labels: {}
spec:
  selector:
    matchLabels: {app: whatever}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx
`,
      },
    },
    {
      name: 'a selector using the Deployment pod-template-hash still matches → no finding',
      code: service('{app: web, pod-template-hash: abc}'),
      files: { 'file:///w/deploy.yaml': deployment('{app: web}') },
    },
    { name: 'nothing is said when the workspace has no workloads at all (pods defined elsewhere)', code: service('{app: web}') },
    {
      name: 'pods created by an operator from a custom resource carrying the labels are assumed to match',
      code: service('{app.kubernetes.io/name: prometheus}', 'monitoring'),
      files: {
        'file:///w/deploy.yaml': deployment('{app: other}', 'monitoring'),
        'file:///w/prometheus.yaml': `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata:
  name: k8s
  namespace: monitoring
  labels: {app.kubernetes.io/name: prometheus}
`,
      },
    },
    {
      name: 'the matching workload may live in any file of the workspace',
      code: service('{app: web}'),
      files: { 'file:///w/a.yaml': deployment('{app: other}'), 'file:///w/b/c.yaml': deployment('{app: web}') },
    },
    {
      name: 'a severity setting changes or silences the rule (2)',
      code: service('{app: web}'),
      files: { 'file:///w/deploy.yaml': deployment('{app: api}') },
      settings: { severities: { 'selector-matches-nothing': 'off' } },
    },
  ],
  invalid: [
    {
      name: 'the closest workload is sought in the example folder of the Service first',
      uri: 'file:///w/examples/b/svc.yaml',
      code: service('{app: webs}'),
      files: {
        'file:///w/examples/a/deploy.yaml': deployment('{app: web}'),
        'file:///w/examples/b/deploy.yaml': deployment('{app: web}'),
      },
      errors: [
        {
          at: 'selector',
          message:
            'Service `web` selects pods with `app=webs`, but no workload in the same namespace in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels. The closest is Deployment `web` (examples/b/deploy.yaml:11): its pods have `app=web` instead of `app=webs`.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { app: 'webs' },
            namespace: 'default',
            closest: {
              kind: 'Deployment',
              name: 'web',
              namespace: 'default',
              uri: 'file:///w/examples/b/deploy.yaml',
              line: 11,
              range: { start: { line: 10, character: 14 }, end: { line: 10, character: 24 } },
              podLabels: { app: 'web' },
              differences: [{ key: 'app', expected: 'webs', actual: 'web', actualKey: undefined }],
              namespaceDiffers: false,
              onlyObjectLabelsMatch: false,
            },
          },
          related: [{ uri: 'file:///w/examples/b/deploy.yaml', start: 163, end: 173, message: 'Closest: Deployment web, pods labelled app=web' }],
          fixes: [{ title: 'Change the selector to app=web (the pods of Deployment web)', output: service('{app: web}'), preferred: true }],
        },
      ],
    },
    {
      name: 'a selector written twice: the last one, which kubectl keeps, matches nothing → warning on it',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web-v2}
  ports:
    - port: 80
  ⟦selector⟧: {app: web}
`,
      files: { 'file:///w/deploy.yaml': deployment('{app: web-v2}') },
      errors: [
        {
          message:
            'Service `web` selects pods with `app=web`, but no workload in the same namespace in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels. The closest is Deployment `web` (deploy.yaml:11): its pods have `app=web-v2` instead of `app=web`.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { app: 'web' },
            namespace: 'default',
            closest: {
              kind: 'Deployment',
              name: 'web',
              namespace: 'default',
              uri: 'file:///w/deploy.yaml',
              line: 11,
              range: { start: { line: 10, character: 14 }, end: { line: 10, character: 27 } },
              podLabels: { app: 'web-v2' },
              differences: [{ key: 'app', expected: 'web', actual: 'web-v2', actualKey: undefined }],
              namespaceDiffers: false,
              onlyObjectLabelsMatch: false,
            },
          },
          related: [
            {
              uri: 'file:///w/deploy.yaml',
              start: 163,
              end: 176,
              message: 'Closest: Deployment web, pods labelled app=web-v2',
            },
          ],
          fixes: [
            {
              title: 'Change the selector to app=web-v2 (the pods of Deployment web)',
              output: twoSelectors('{app: web-v2}', '{app: web-v2}'),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'value differs → warning',
      code: service('{app: web}'),
      files: { 'file:///w/deploy.yaml': deployment('{app: web-v2}') },
      errors: [
        {
          at: 'selector',
          message:
            'Service `web` selects pods with `app=web`, but no workload in the same namespace in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels. The closest is Deployment `web` (deploy.yaml:11): its pods have `app=web-v2` instead of `app=web`.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { app: 'web' },
            namespace: 'default',
            closest: {
              kind: 'Deployment',
              name: 'web',
              namespace: 'default',
              uri: 'file:///w/deploy.yaml',
              line: 11,
              range: { start: { line: 10, character: 14 }, end: { line: 10, character: 27 } },
              podLabels: { app: 'web-v2' },
              differences: [{ key: 'app', expected: 'web', actual: 'web-v2', actualKey: undefined }],
              namespaceDiffers: false,
              onlyObjectLabelsMatch: false,
            },
          },
          related: [
            {
              uri: 'file:///w/deploy.yaml',
              start: 163,
              end: 176,
              message: 'Closest: Deployment web, pods labelled app=web-v2',
            },
          ],
          fixes: [{ title: 'Change the selector to app=web-v2 (the pods of Deployment web)', output: service('{app: web-v2}'), preferred: true }],
        },
      ],
    },
    {
      name: 'key case differs → warning',
      code: service('{app: web}'),
      files: { 'file:///w/deploy.yaml': deployment('{App: web}') },
      errors: [
        {
          at: 'selector',
          message:
            'Service `web` selects pods with `app=web`, but no workload in the same namespace in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels. The closest is Deployment `web` (deploy.yaml:11): its pods have `App=web` instead of `app=web`.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { app: 'web' },
            namespace: 'default',
            closest: {
              kind: 'Deployment',
              name: 'web',
              namespace: 'default',
              uri: 'file:///w/deploy.yaml',
              line: 11,
              range: { start: { line: 10, character: 14 }, end: { line: 10, character: 24 } },
              podLabels: { App: 'web' },
              differences: [{ key: 'app', expected: 'web', actual: 'web', actualKey: 'App' }],
              namespaceDiffers: false,
              onlyObjectLabelsMatch: false,
            },
          },
          related: [
            {
              uri: 'file:///w/deploy.yaml',
              start: 163,
              end: 173,
              message: 'Closest: Deployment web, pods labelled App=web',
            },
          ],
          fixes: [{ title: 'Change the selector to App=web (the pods of Deployment web)', output: service('{App: web}'), preferred: true }],
        },
      ],
    },
    {
      name: 'a label is missing → warning',
      code: service('{app: web, tier: fe}'),
      files: { 'file:///w/deploy.yaml': deployment('{app: web}') },
      errors: [
        {
          at: 'selector',
          message:
            'Service `web` selects pods with `app=web, tier=fe`, but no workload in the same namespace in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels. The closest is Deployment `web` (deploy.yaml:11): its pods have no `tier` label.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { app: 'web', tier: 'fe' },
            namespace: 'default',
            closest: {
              kind: 'Deployment',
              name: 'web',
              namespace: 'default',
              uri: 'file:///w/deploy.yaml',
              line: 11,
              range: { start: { line: 10, character: 14 }, end: { line: 10, character: 24 } },
              podLabels: { app: 'web' },
              differences: [{ key: 'tier', expected: 'fe', actual: undefined, actualKey: undefined }],
              namespaceDiffers: false,
              onlyObjectLabelsMatch: false,
            },
          },
          related: [
            {
              uri: 'file:///w/deploy.yaml',
              start: 163,
              end: 173,
              message: 'Closest: Deployment web, pods labelled app=web',
            },
          ],
          fixes: [{ title: 'Change the selector to app=web (the pods of Deployment web)', output: service('{app: web}'), preferred: true }],
        },
      ],
    },
    {
      name: 'other namespace → warning',
      code: service('{app: web}', 'shop'),
      files: { 'file:///w/deploy.yaml': deployment('{app: web}') },
      errors: [
        {
          at: 'selector',
          message:
            'Service `web` selects pods with `app=web`, but no workload in namespace `shop` in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels. The closest is Deployment `web` (deploy.yaml:11), but it has no namespace (so it lands in `default` unless applied elsewhere) while the Service is in `shop`; a Service only selects pods in its own namespace.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { app: 'web' },
            namespace: 'shop',
            closest: {
              kind: 'Deployment',
              name: 'web',
              namespace: 'default',
              uri: 'file:///w/deploy.yaml',
              line: 11,
              range: { start: { line: 10, character: 14 }, end: { line: 10, character: 24 } },
              podLabels: { app: 'web' },
              differences: [],
              namespaceDiffers: true,
              onlyObjectLabelsMatch: false,
            },
          },
          related: [
            {
              uri: 'file:///w/deploy.yaml',
              start: 163,
              end: 173,
              message: 'Closest: Deployment web, pods labelled app=web',
            },
          ],
        },
      ],
    },
    {
      name: 'names the labels, the namespace and the closest workload with its file and line',
      code: service('{app: web}', 'shop'),
      files: { 'file:///w/deploy.yaml': deployment('{app: web-v2}', 'shop') },
      errors: [
        {
          at: 'selector',
          message:
            'Service `web` selects pods with `app=web`, but no workload in namespace `shop` in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels. The closest is Deployment `web` (deploy.yaml:12): its pods have `app=web-v2` instead of `app=web`.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { app: 'web' },
            namespace: 'shop',
            closest: {
              kind: 'Deployment',
              name: 'web',
              namespace: 'shop',
              uri: 'file:///w/deploy.yaml',
              line: 12,
              range: { start: { line: 11, character: 14 }, end: { line: 11, character: 27 } },
              podLabels: { app: 'web-v2' },
              differences: [{ key: 'app', expected: 'web', actual: 'web-v2', actualKey: undefined }],
              namespaceDiffers: false,
              onlyObjectLabelsMatch: false,
            },
          },
          related: [
            {
              uri: 'file:///w/deploy.yaml',
              start: 181,
              end: 194,
              message: 'Closest: Deployment web, pods labelled app=web-v2',
            },
          ],
          fixes: [{ title: 'Change the selector to app=web-v2 (the pods of Deployment web)', output: service('{app: web-v2}', 'shop'), preferred: true }],
        },
      ],
    },
    {
      name: 'labels on the Deployment itself but not on its pod template are called out',
      code: service('{app: web}'),
      files: {
        'file:///w/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  selector:
    matchLabels: {app: whatever}
  template:
    metadata:
      labels: {run: web}
    spec:
      containers:
        - name: app
          image: nginx
`,
      },
      errors: [
        {
          at: 'selector',
          message:
            'Service `web` selects pods with `app=web`, but no workload in the same namespace in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels. The closest is Deployment `web` (deploy.yaml:11), whose own metadata.labels match but whose pod template labels do not: a Service selects pods, not the workload object.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { app: 'web' },
            namespace: 'default',
            closest: {
              kind: 'Deployment',
              name: 'web',
              namespace: 'default',
              uri: 'file:///w/deploy.yaml',
              line: 11,
              range: { start: { line: 10, character: 14 }, end: { line: 10, character: 24 } },
              podLabels: { run: 'web' },
              differences: [{ key: 'app', expected: 'web', actual: undefined, actualKey: undefined }],
              namespaceDiffers: false,
              onlyObjectLabelsMatch: true,
            },
          },
          related: [
            {
              uri: 'file:///w/deploy.yaml',
              start: 171,
              end: 181,
              message: 'Closest: Deployment web, pods labelled run=web',
            },
          ],
          fixes: [{ title: 'Change the selector to run=web (the pods of Deployment web)', output: service('{run: web}'), preferred: true }],
        },
      ],
    },
    {
      name: 'an unrelated workload is not offered as the closest',
      code: service('{app: frontend}'),
      files: { 'file:///w/deploy.yaml': deployment('{app: nginx}') },
      errors: [
        {
          at: 'selector',
          message:
            'Service `web` selects pods with `app=frontend`, but no workload in the same namespace in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: { selector: { app: 'frontend' }, namespace: 'default', closest: undefined },
        },
      ],
    },
    {
      name: 'the closest of several workloads is the nearest miss',
      code: service('{app: web}'),
      files: {
        'file:///w/all.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {}
spec:
  selector:
    matchLabels: {app: whatever}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: app
          image: nginx
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: webb
  labels: {}
spec:
  selector:
    matchLabels: {app: whatever}
  template:
    metadata:
      labels: {app: webb}
    spec:
      containers:
        - name: app
          image: nginx
`,
      },
      errors: [
        {
          at: 'selector',
          message:
            'Service `web` selects pods with `app=web`, but no workload in the same namespace in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels. The closest is Deployment `webb` (all.yaml:27): its pods have `app=webb` instead of `app=web`.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { app: 'web' },
            namespace: 'default',
            closest: {
              kind: 'Deployment',
              name: 'webb',
              namespace: 'default',
              uri: 'file:///w/all.yaml',
              line: 27,
              range: { start: { line: 26, character: 14 }, end: { line: 26, character: 25 } },
              podLabels: { app: 'webb' },
              differences: [{ key: 'app', expected: 'web', actual: 'webb', actualKey: undefined }],
              namespaceDiffers: false,
              onlyObjectLabelsMatch: false,
            },
          },
          related: [
            {
              uri: 'file:///w/all.yaml',
              start: 413,
              end: 424,
              message: 'Closest: Deployment webb, pods labelled app=webb',
            },
          ],
          fixes: [{ title: 'Change the selector to app=webb (the pods of Deployment webb)', output: service('{app: webb}'), preferred: true }],
        },
      ],
    },
    // A core object with the same labels (a ConfigMap) creates no pods and proves nothing.
    {
      name: 'pods created by an operator from a custom resource carrying the labels are assumed to match (2)',
      code: service('{app.kubernetes.io/name: prometheus}', 'monitoring'),
      files: {
        'file:///w/deploy.yaml': deployment('{app: other}', 'monitoring'),
        'file:///w/prometheus.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: k8s
  namespace: monitoring
  labels: {app.kubernetes.io/name: prometheus}
`,
      },
      errors: [
        {
          at: 'selector',
          message:
            'Service `web` selects pods with `app.kubernetes.io/name=prometheus`, but no workload in namespace `monitoring` in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { 'app.kubernetes.io/name': 'prometheus' },
            namespace: 'monitoring',
            closest: undefined,
          },
        },
      ],
    },
    {
      name: 'a severity setting changes or silences the rule',
      code: service('{app: web}'),
      files: { 'file:///w/deploy.yaml': deployment('{app: api}') },
      settings: { severities: { 'selector-matches-nothing': 'error' } },
      errors: [
        {
          at: 'selector',
          message:
            'Service `web` selects pods with `app=web`, but no workload in the same namespace in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: { selector: { app: 'web' }, namespace: 'default', closest: undefined },
          severity: 'error',
        },
      ],
    },
    {
      name: 'a selector matching nothing is corrected from the closest workload, or copied when nothing is left',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ⟦selector⟧:
    app: Shop
    tier: web
  ports:
    - port: 80
`,
      files: {
        'file:///workspace/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop, tier: web}
    spec:
      containers:
        - name: app
          image: example/shop:1
          ports:
            - name: http
              containerPort: 8080
`,
      },
      errors: [
        {
          message:
            'Service `web` selects pods with `app=Shop, tier=web`, but no workload in the same namespace in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels. The closest is Deployment `shop` (deploy.yaml:11): its pods have `app=shop` instead of `app=Shop`.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { app: 'Shop', tier: 'web' },
            namespace: 'default',
            closest: {
              kind: 'Deployment',
              name: 'shop',
              namespace: 'default',
              uri: 'file:///workspace/deploy.yaml',
              line: 11,
              range: { start: { line: 10, character: 14 }, end: { line: 10, character: 36 } },
              podLabels: { app: 'shop', tier: 'web' },
              differences: [{ key: 'app', expected: 'Shop', actual: 'shop', actualKey: undefined }],
              namespaceDiffers: false,
              onlyObjectLabelsMatch: false,
            },
          },
          related: [
            {
              uri: 'file:///workspace/deploy.yaml',
              start: 161,
              end: 183,
              message: 'Closest: Deployment shop, pods labelled app=shop, tier=web',
            },
          ],
          fixes: [
            {
              title: 'Change the selector to app=shop, tier=web (the pods of Deployment shop)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: shop
    tier: web
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
      name: 'a selector matching nothing is corrected from the closest workload, or copied when nothing is left (2)',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ⟦selector⟧:
    app: shop
    track: canary # old
  ports:
    - port: 80
`,
      files: {
        'file:///workspace/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop, tier: web}
    spec:
      containers:
        - name: app
          image: example/shop:1
          ports:
            - name: http
              containerPort: 8080
`,
      },
      errors: [
        {
          message:
            'Service `web` selects pods with `app=shop, track=canary`, but no workload in the same namespace in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels. The closest is Deployment `shop` (deploy.yaml:11): its pods have no `track` label.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { app: 'shop', track: 'canary' },
            namespace: 'default',
            closest: {
              kind: 'Deployment',
              name: 'shop',
              namespace: 'default',
              uri: 'file:///workspace/deploy.yaml',
              line: 11,
              range: { start: { line: 10, character: 14 }, end: { line: 10, character: 36 } },
              podLabels: { app: 'shop', tier: 'web' },
              differences: [{ key: 'track', expected: 'canary', actual: undefined, actualKey: undefined }],
              namespaceDiffers: false,
              onlyObjectLabelsMatch: false,
            },
          },
          related: [
            {
              uri: 'file:///workspace/deploy.yaml',
              start: 161,
              end: 183,
              message: 'Closest: Deployment shop, pods labelled app=shop, tier=web',
            },
          ],
          fixes: [
            {
              title: 'Change the selector to app=shop (the pods of Deployment shop)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: shop
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
      name: 'a selector matching nothing is corrected from the closest workload, or copied when nothing is left (3)',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ⟦selector⟧:
    app: shop
    version: v2
  ports:
    - port: 80
`,
      files: {
        'file:///workspace/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop, tier: web}
    spec:
      containers:
        - name: app
          image: example/shop:1
          ports:
            - name: http
              containerPort: 8080
`,
      },
      errors: [
        {
          message:
            'Service `web` selects pods with `app=shop, version=v2`, but no workload in the same namespace in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels. The closest is Deployment `shop` (deploy.yaml:11): its pods have no `version` label.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { app: 'shop', version: 'v2' },
            namespace: 'default',
            closest: {
              kind: 'Deployment',
              name: 'shop',
              namespace: 'default',
              uri: 'file:///workspace/deploy.yaml',
              line: 11,
              range: { start: { line: 10, character: 14 }, end: { line: 10, character: 36 } },
              podLabels: { app: 'shop', tier: 'web' },
              differences: [{ key: 'version', expected: 'v2', actual: undefined, actualKey: undefined }],
              namespaceDiffers: false,
              onlyObjectLabelsMatch: false,
            },
          },
          related: [
            {
              uri: 'file:///workspace/deploy.yaml',
              start: 161,
              end: 183,
              message: 'Closest: Deployment shop, pods labelled app=shop, tier=web',
            },
          ],
          fixes: [
            {
              title: 'Change the selector to app=shop (the pods of Deployment shop)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: shop
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
      name: 'a selector matching nothing is corrected from the closest workload, or copied when nothing is left (4)',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ⟦selector⟧:
    component: shop # the deployment
  ports:
    - port: 80
`,
      files: {
        'file:///workspace/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels:
    component: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop, tier: web}
    spec:
      containers:
        - name: app
          image: example/shop:1
          ports:
            - name: http
              containerPort: 8080
`,
      },
      errors: [
        {
          message:
            'Service `web` selects pods with `component=shop`, but no workload in the same namespace in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels. The closest is Deployment `shop` (deploy.yaml:13), whose own metadata.labels match but whose pod template labels do not: a Service selects pods, not the workload object.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { component: 'shop' },
            namespace: 'default',
            closest: {
              kind: 'Deployment',
              name: 'shop',
              namespace: 'default',
              uri: 'file:///workspace/deploy.yaml',
              line: 13,
              range: { start: { line: 12, character: 14 }, end: { line: 12, character: 36 } },
              podLabels: { app: 'shop', tier: 'web' },
              differences: [{ key: 'component', expected: 'shop', actual: undefined, actualKey: undefined }],
              namespaceDiffers: false,
              onlyObjectLabelsMatch: true,
            },
          },
          related: [
            {
              uri: 'file:///workspace/deploy.yaml',
              start: 191,
              end: 213,
              message: 'Closest: Deployment shop, pods labelled app=shop, tier=web',
            },
          ],
          fixes: [
            {
              title: 'Change the selector to app=shop, tier=web (the pods of Deployment shop)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: shop
    tier: web
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
      name: 'a selector matching nothing is corrected from the closest workload, or copied when nothing is left (5)',
      code: service('{component: shop}'),
      files: {
        'file:///workspace/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels:
    component: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop, tier: web}
    spec:
      containers:
        - name: app
          image: example/shop:1
          ports:
            - name: http
              containerPort: 8080
`,
      },
      errors: [
        {
          at: 'selector',
          message:
            'Service `web` selects pods with `component=shop`, but no workload in the same namespace in this workspace (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels. The closest is Deployment `shop` (deploy.yaml:13), whose own metadata.labels match but whose pod template labels do not: a Service selects pods, not the workload object.\n' +
            'A Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.',
          data: {
            selector: { component: 'shop' },
            namespace: 'default',
            closest: {
              kind: 'Deployment',
              name: 'shop',
              namespace: 'default',
              uri: 'file:///workspace/deploy.yaml',
              line: 13,
              range: { start: { line: 12, character: 14 }, end: { line: 12, character: 36 } },
              podLabels: { app: 'shop', tier: 'web' },
              differences: [{ key: 'component', expected: 'shop', actual: undefined, actualKey: undefined }],
              namespaceDiffers: false,
              onlyObjectLabelsMatch: true,
            },
          },
          related: [
            {
              uri: 'file:///workspace/deploy.yaml',
              start: 191,
              end: 213,
              message: 'Closest: Deployment shop, pods labelled app=shop, tier=web',
            },
          ],
          fixes: [
            {
              title: 'Change the selector to app=shop, tier=web (the pods of Deployment shop)',
              output: service('{app: shop, tier: web}'),
              preferred: true,
            },
          ],
        },
      ],
    },
  ],
});
