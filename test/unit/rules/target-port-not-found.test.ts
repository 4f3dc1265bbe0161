import { ruleTester } from '../../kit/ruleTester';
import { targetPortNotFound } from '../../../server/src/rules/target-port-not-found';

const service = (targetPort: string, protocol = 'TCP') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      protocol: ${protocol}
      targetPort: ${targetPort}
`;

const deployment = (name: string, podSpec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
${podSpec}`;

const containers = (ports: string) => `      containers:
        - name: app
          ports: ${ports}
`;

ruleTester.run(targetPortNotFound, {
  valid: [
    {
      name: 'declared name → no finding',
      code: service('http'),
      files: { 'file:///w/deploy.yaml': deployment('web', containers('[{name: http, containerPort: 8080}]')) },
    },
    {
      name: 'declared by a sidecar (init container, restartPolicy Always) → no finding',
      code: service('http'),
      files: {
        'file:///w/deploy.yaml': deployment(
          'web',
          `      initContainers:
        - name: proxy
          restartPolicy: Always
          ports: [{name: http, containerPort: 15001}]
      containers:
        - name: app
          ports: []
`,
        ),
      },
    },
    {
      name: 'same name, other protocol is protocol-mismatch → no finding',
      code: service('http', 'UDP'),
      files: { 'file:///w/deploy.yaml': deployment('web', containers('[{name: http, containerPort: 8080}]')) },
    },
    {
      name: 'numeric targetPort is another rule → no finding',
      code: service('8080'),
      files: { 'file:///w/deploy.yaml': deployment('web', containers('[{name: web, containerPort: 9090}]')) },
    },
    {
      name: 'invalid name (quoted number) is another rule → no finding',
      code: service('"8080"'),
      files: { 'file:///w/deploy.yaml': deployment('web', containers('[{name: web, containerPort: 9090}]')) },
    },
    {
      name: 'templated name is not looked up → no finding',
      code: service('"{{ .Values.port }}"'),
      files: { 'file:///w/deploy.yaml': deployment('web', containers('[{name: web, containerPort: 9090}]')) },
    },
    {
      name: 'pod template without containers tells nothing → no finding',
      code: service('http'),
      files: { 'file:///w/deploy.yaml': deployment('web', '      volumes: []\n') },
    },
    {
      name: 'nothing is reported when the Service selects no workload (selector-matches-nothing speaks then)',
      code: service('http'),
      files: {
        'file:///w/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels: {app: other}
    spec:
      containers:
        - name: app
          ports: []
`,
      },
    },
    // The same name on different numbers in each workload is fine: it is looked up per pod.
    {
      name: 'named ports resolve per pod: with two workloads selected, the one lacking the name is named (2)',
      code: service('http'),
      files: {
        'file:///w/v1.yaml': deployment('web-v1', containers('[{name: http, containerPort: 8080}]')),
        'file:///w/v2.yaml': deployment('web-v2', containers('[{name: http, containerPort: 9090}]')),
      },
    },
    // Two examples in one repository with the same labels: each Service is judged by its own example's pods.
    {
      name: "another example folder's Deployment with the same labels is not this Service's backend → no finding",
      uri: 'file:///w/examples/a/svc.yaml',
      code: service('http'),
      files: {
        'file:///w/examples/a/deploy.yaml': deployment('web-a', containers('[{name: http, containerPort: 8080}]')),
        'file:///w/examples/b/deploy.yaml': deployment('web-b', containers('[{name: web, containerPort: 9090}]')),
      },
    },
  ],
  invalid: [
    {
      name: 'only the Deployment of the example folder is named, with its path',
      uri: 'file:///w/examples/a/svc.yaml',
      code: service('⟦http⟧'),
      files: {
        'file:///w/examples/a/deploy.yaml': deployment('web-a', containers('[{name: web, containerPort: 8080}]')),
        'file:///w/examples/b/deploy.yaml': deployment('web-b', containers('[{name: http, containerPort: 9090}]')),
      },
      errors: [
        {
          message:
            'Service `web` port 80 targets the container port named `http`, but Deployment `web-a` (examples/a/deploy.yaml:2) has no port with that name (it declares 8080 `web`).\n' +
            'Pods without a port named `http` get no endpoint for port 80, so its traffic reaches no pod; set targetPort to a port the containers declare, or name the container port `http`.',
          data: {
            portIndex: 0,
            targetPort: 'http',
            protocol: 'TCP',
            missingIn: [
              {
                kind: 'Deployment',
                name: 'web-a',
                namespace: 'default',
                uri: 'file:///w/examples/a/deploy.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
              },
            ],
            available: [{ name: 'web', containerPort: 8080, protocol: 'TCP' }],
          },
          related: [{ uri: 'file:///w/examples/a/deploy.yaml', start: 26, end: 36, message: 'Deployment web-a declares no port named http' }],
          fixes: [{ title: 'Change targetPort to web (container port 8080)', output: service('web'), preferred: true }],
        },
      ],
    },
    {
      name: 'name not declared → warning',
      code: service('⟦http⟧'),
      files: { 'file:///w/deploy.yaml': deployment('web', containers('[{name: web, containerPort: 8080}]')) },
      errors: [
        {
          message:
            'Service `web` port 80 targets the container port named `http`, but Deployment `web` (deploy.yaml:2) has no port with that name (it declares 8080 `web`).\n' +
            'Pods without a port named `http` get no endpoint for port 80, so its traffic reaches no pod; set targetPort to a port the containers declare, or name the container port `http`.',
          data: {
            portIndex: 0,
            targetPort: 'http',
            protocol: 'TCP',
            missingIn: [
              {
                kind: 'Deployment',
                name: 'web',
                namespace: 'default',
                uri: 'file:///w/deploy.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
              },
            ],
            available: [{ name: 'web', containerPort: 8080, protocol: 'TCP' }],
          },
          related: [
            {
              uri: 'file:///w/deploy.yaml',
              start: 26,
              end: 36,
              message: 'Deployment web declares no port named http',
            },
          ],
          fixes: [{ title: 'Change targetPort to web (container port 8080)', output: service('web'), preferred: true }],
        },
      ],
    },
    {
      name: 'no container ports at all → warning',
      code: service('⟦http⟧'),
      files: { 'file:///w/deploy.yaml': deployment('web', containers('[]')) },
      errors: [
        {
          message:
            'Service `web` port 80 targets the container port named `http`, but Deployment `web` (deploy.yaml:2) has no port with that name (it declares no container ports).\n' +
            'Pods without a port named `http` get no endpoint for port 80, so its traffic reaches no pod; set targetPort to a port the containers declare, or name the container port `http`.',
          data: {
            portIndex: 0,
            targetPort: 'http',
            protocol: 'TCP',
            missingIn: [
              {
                kind: 'Deployment',
                name: 'web',
                namespace: 'default',
                uri: 'file:///w/deploy.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
              },
            ],
            available: [],
          },
          related: [
            {
              uri: 'file:///w/deploy.yaml',
              start: 26,
              end: 36,
              message: 'Deployment web declares no port named http',
            },
          ],
        },
      ],
    },
    {
      name: 'declared only by a plain init container → warning',
      code: service('⟦http⟧'),
      files: {
        'file:///w/deploy.yaml': deployment(
          'web',
          `      initContainers:
        - name: migrate
          ports: [{name: http, containerPort: 15001}]
      containers:
        - name: app
          ports: []
`,
        ),
      },
      errors: [
        {
          message:
            'Service `web` port 80 targets the container port named `http`, but Deployment `web` (deploy.yaml:2) has no port with that name (it declares no container ports).\n' +
            'Pods without a port named `http` get no endpoint for port 80, so its traffic reaches no pod; set targetPort to a port the containers declare, or name the container port `http`.',
          data: {
            portIndex: 0,
            targetPort: 'http',
            protocol: 'TCP',
            missingIn: [
              {
                kind: 'Deployment',
                name: 'web',
                namespace: 'default',
                uri: 'file:///w/deploy.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
              },
            ],
            available: [],
          },
          related: [
            {
              uri: 'file:///w/deploy.yaml',
              start: 26,
              end: 36,
              message: 'Deployment web declares no port named http',
            },
          ],
        },
      ],
    },
    {
      name: 'names the workload, what it declares, and the data a quick fix needs',
      code: service('⟦http⟧'),
      files: { 'file:///w/deploy.yaml': deployment('web', containers('[{name: web, containerPort: 8080}, {containerPort: 9090, protocol: UDP}]')) },
      errors: [
        {
          message:
            'Service `web` port 80 targets the container port named `http`, but Deployment `web` (deploy.yaml:2) has no port with that name (it declares 8080 `web` and 9090/UDP).\n' +
            'Pods without a port named `http` get no endpoint for port 80, so its traffic reaches no pod; set targetPort to a port the containers declare, or name the container port `http`.',
          data: {
            portIndex: 0,
            targetPort: 'http',
            protocol: 'TCP',
            missingIn: [
              {
                kind: 'Deployment',
                name: 'web',
                namespace: 'default',
                uri: 'file:///w/deploy.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
              },
            ],
            available: [
              { name: 'web', containerPort: 8080, protocol: 'TCP' },
              { name: undefined, containerPort: 9090, protocol: 'UDP' },
            ],
          },
          related: [
            {
              uri: 'file:///w/deploy.yaml',
              start: 26,
              end: 36,
              message: 'Deployment web declares no port named http',
            },
          ],
          fixes: [{ title: 'Change targetPort to web (container port 8080)', output: service('web'), preferred: true }],
        },
      ],
    },
    {
      name: 'named ports resolve per pod: with two workloads selected, the one lacking the name is named',
      code: service('⟦http⟧'),
      files: {
        'file:///w/v1.yaml': deployment('web-v1', containers('[{name: http, containerPort: 8080}]')),
        'file:///w/v2.yaml': deployment('web-v2', containers('[{name: web, containerPort: 9090}]')),
      },
      errors: [
        {
          message:
            'Service `web` port 80 targets the container port named `http`, but Deployment `web-v2` (v2.yaml:2) has no port with that name (it declares 9090 `web`); Deployment `web-v1` (v1.yaml:2) does.\n' +
            'The name is looked up in each pod, so only pods that declare `http` receive traffic on port 80; add the port name to the others or use a port number.',
          data: {
            portIndex: 0,
            targetPort: 'http',
            protocol: 'TCP',
            missingIn: [
              {
                kind: 'Deployment',
                name: 'web-v2',
                namespace: 'default',
                uri: 'file:///w/v2.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
              },
            ],
            available: [{ name: 'web', containerPort: 9090, protocol: 'TCP' }],
          },
          related: [
            {
              uri: 'file:///w/v2.yaml',
              start: 26,
              end: 36,
              message: 'Deployment web-v2 declares no port named http',
            },
          ],
          fixes: [{ title: 'Change targetPort to web (container port 9090)', output: service('web'), preferred: true }],
        },
      ],
    },
    {
      name: 'a targetPort name the pods lack becomes the matching container port name',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: shop
  ports:
    - port: 80
      targetPort: ⟦web⟧
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
            'Service `web` port 80 targets the container port named `web`, but Deployment `shop` (deploy.yaml:2) has no port with that name (it declares 8080 `http`).\n' +
            'Pods without a port named `web` get no endpoint for port 80, so its traffic reaches no pod; set targetPort to a port the containers declare, or name the container port `web`.',
          data: {
            portIndex: 0,
            targetPort: 'web',
            protocol: 'TCP',
            missingIn: [
              {
                kind: 'Deployment',
                name: 'shop',
                namespace: 'default',
                uri: 'file:///workspace/deploy.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
              },
            ],
            available: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
          },
          related: [
            {
              uri: 'file:///workspace/deploy.yaml',
              start: 26,
              end: 36,
              message: 'Deployment shop declares no port named web',
            },
          ],
          fixes: [
            {
              title: 'Change targetPort to http (container port 8080)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: shop
  ports:
    - port: 80
      targetPort: http
`,
              preferred: true,
            },
          ],
        },
      ],
    },
  ],
});
