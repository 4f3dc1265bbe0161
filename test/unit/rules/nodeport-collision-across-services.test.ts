import { ruleTester } from '../../kit/ruleTester';
import { nodePortCollision } from '../../../server/src/rules/nodeport-collision';

const service = (name: string, ports: string, type = 'NodePort', extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: ${type}
${extra}  selector:
    app: ${name}
  ports:
${ports}`;
// Node ports two Services ask for: the allocator is one pool for the whole cluster (within one Service: nodeport-collision.test.ts).
ruleTester.run(nodePortCollision, {
  valid: [
    {
      name: 'the same Service in two files is one object, not a rival → 0',
      code: service('web', '    - name: a\n      port: 80\n      nodePort: 30080\n'),
      files: { 'file:///workspace/other.yaml': service('web', '    - name: a\n      port: 80\n      nodePort: 30080\n') },
    },
    {
      name: 'the other Service is ClusterIP → 0',
      code: service('web', '    - name: a\n      port: 80\n      nodePort: 30080\n'),
      files: { 'file:///workspace/other.yaml': service('api', '    - name: a\n      port: 80\n      nodePort: 30080\n', 'ClusterIP') },
    },
    {
      name: "the other Service's port is out of range → 0",
      code: service('web', '    - name: a\n      port: 80\n      nodePort: 30080\n'),
      files: { 'file:///workspace/other.yaml': service('api', '    - name: a\n      port: 80\n      nodePort: 3008\n') },
    },
  ],
  invalid: [
    {
      name: 'another Service in another file holds the node port',
      code: service('web', '    - name: http\n      port: 80\n      nodePort: ⟦30080⟧\n'),
      files: {
        'file:///workspace/api%20svc.yaml': `# first line
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: NodePort
  selector:
    app: api
  ports:
    - name: http
      port: 8080
      nodePort: 30080
`,
      },
      errors: [
        {
          message:
            'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n' +
            'Service "api" (api svc.yaml, line 13) also asks for node port 30080; a node port belongs to one Service in the whole cluster, so whichever is created second is refused: choose another nodePort or remove it to get a free one.',
          data: {
            portIndex: 0,
            value: 30080,
            conflicts: [
              {
                uri: 'file:///workspace/api%20svc.yaml',
                name: 'api',
                namespace: undefined,
                line: 12,
                start: 171,
                end: 176,
              },
            ],
          },
          related: [
            {
              uri: 'file:///workspace/api%20svc.yaml',
              start: 171,
              end: 176,
              message: 'Service "api" (api svc.yaml, line 13) also asks for node port 30080',
            },
          ],
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: service('web', '    - name: http\n      port: 80\n'),
              preferred: true,
            },
            { title: 'Use free node port 31080', output: service('web', '    - name: http\n      port: 80\n      nodePort: 31080\n') },
          ],
        },
      ],
    },
    {
      name: 'a health-check node port counts too, and namespaces do not separate node ports',
      code: service('edge', '    - name: http\n      port: 80\n', 'LoadBalancer', '  externalTrafficPolicy: Local\n  healthCheckNodePort: ⟦30090⟧\n'),
      files: {
        'file:///workspace/api.yaml': `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: other
spec:
  type: NodePort
  selector:
    app: api
  ports:
    - name: http
      port: 80
      nodePort: 30090
`,
      },
      errors: [
        {
          message:
            'Internal error occurred: failed to allocate requested HealthCheck NodePort 30090: provided port is already allocated\n' +
            'Service "other/api" (api.yaml, line 13) also asks for node port 30090; a node port belongs to one Service in the whole cluster, so whichever is created second is refused: choose another healthCheckNodePort or remove it to get a free one.',
          data: {
            portIndex: undefined,
            value: 30090,
            conflicts: [
              {
                uri: 'file:///workspace/api.yaml',
                name: 'api',
                namespace: 'other',
                line: 12,
                start: 175,
                end: 180,
              },
            ],
          },
          related: [
            {
              uri: 'file:///workspace/api.yaml',
              start: 175,
              end: 180,
              message: 'Service "other/api" (api.yaml, line 13) also asks for node port 30090',
            },
          ],
          fixes: [
            {
              title: 'Remove healthCheckNodePort (Kubernetes allocates a free one)',
              output: service('edge', '    - name: http\n      port: 80\n', 'LoadBalancer', '  externalTrafficPolicy: Local\n'),
              preferred: true,
            },
            {
              title: 'Use free node port 31090',
              output: service('edge', '    - name: http\n      port: 80\n', 'LoadBalancer', '  externalTrafficPolicy: Local\n  healthCheckNodePort: 31090\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'a health-check node port counts too, and namespaces do not separate node ports (2)',
      code: `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: other
spec:
  type: NodePort
  selector:
    app: api
  ports:
    - name: http
      port: 80
      nodePort: ⟦30090⟧
`,
      files: {
        'file:///workspace/lb.yaml': service(
          'edge',
          '    - name: http\n      port: 80\n',
          'LoadBalancer',
          '  externalTrafficPolicy: Local\n  healthCheckNodePort: 30090\n',
        ),
      },
      errors: [
        {
          message:
            'spec.ports[0].nodePort: Invalid value: 30090: provided port is already allocated\n' +
            'Service "edge" (lb.yaml, line 8) also asks for node port 30090; a node port belongs to one Service in the whole cluster, so whichever is created second is refused: choose another nodePort or remove it to get a free one.',
          data: {
            portIndex: 0,
            value: 30090,
            conflicts: [
              {
                uri: 'file:///workspace/lb.yaml',
                name: 'edge',
                namespace: undefined,
                line: 7,
                start: 133,
                end: 138,
              },
            ],
          },
          related: [
            {
              uri: 'file:///workspace/lb.yaml',
              start: 133,
              end: 138,
              message: 'Service "edge" (lb.yaml, line 8) also asks for node port 30090',
            },
          ],
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: other
spec:
  type: NodePort
  selector:
    app: api
  ports:
    - name: http
      port: 80
`,
              preferred: true,
            },
            {
              title: 'Use free node port 31090',
              output: `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: other
spec:
  type: NodePort
  selector:
    app: api
  ports:
    - name: http
      port: 80
      nodePort: 31090
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a second document in the same file → 2',
      code: service(
        'web',
        `    - name: a
      port: 80
      nodePort: ⟦30080⟧
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: NodePort
  selector:
    app: api
  ports:
    - name: a
      port: 80
      nodePort: ⟦30080⟧
`,
      ),
      errors: [
        {
          message:
            'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n' +
            'Service "api" (this file, line 25) also asks for node port 30080; a node port belongs to one Service in the whole cluster, so whichever is created second is refused: choose another nodePort or remove it to get a free one.',
          data: {
            portIndex: 0,
            value: 30080,
            conflicts: [
              {
                uri: 'file:///workspace/test.yaml',
                name: 'api',
                namespace: undefined,
                line: 24,
                start: 316,
                end: 321,
              },
            ],
          },
          related: [
            {
              uri: 'file:///workspace/test.yaml',
              start: 316,
              end: 321,
              message: 'Service "api" (this file, line 25) also asks for node port 30080',
            },
          ],
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: service(
                'web',
                `    - name: a
      port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: NodePort
  selector:
    app: api
  ports:
    - name: a
      port: 80
      nodePort: 30080
`,
              ),
              preferred: true,
            },
            {
              title: 'Use free node port 31080',
              output: service(
                'web',
                `    - name: a
      port: 80
      nodePort: 31080
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: NodePort
  selector:
    app: api
  ports:
    - name: a
      port: 80
      nodePort: 30080
`,
              ),
            },
          ],
        },
        {
          message:
            'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n' +
            'Service "web" (this file, line 12) also asks for node port 30080; a node port belongs to one Service in the whole cluster, so whichever is created second is refused: choose another nodePort or remove it to get a free one.',
          data: {
            portIndex: 0,
            value: 30080,
            conflicts: [
              {
                uri: 'file:///workspace/test.yaml',
                name: 'web',
                namespace: undefined,
                line: 11,
                start: 153,
                end: 158,
              },
            ],
          },
          related: [
            {
              uri: 'file:///workspace/test.yaml',
              start: 153,
              end: 158,
              message: 'Service "web" (this file, line 12) also asks for node port 30080',
            },
          ],
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: service(
                'web',
                `    - name: a
      port: 80
      nodePort: 30080
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: NodePort
  selector:
    app: api
  ports:
    - name: a
      port: 80
`,
              ),
              preferred: true,
            },
            {
              title: 'Use free node port 31080',
              output: service(
                'web',
                `    - name: a
      port: 80
      nodePort: 30080
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: NodePort
  selector:
    app: api
  ports:
    - name: a
      port: 80
      nodePort: 31080
`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'three holders: the message names the first and counts the rest',
      code: service('web', '    - name: a\n      port: 80\n      nodePort: ⟦30080⟧\n'),
      files: {
        'file:///workspace/a.yaml': service('a', '    - name: a\n      port: 80\n      nodePort: 30080\n'),
        'file:///workspace/b.yaml': service('b', '    - name: a\n      port: 80\n      nodePort: 30080\n'),
      },
      errors: [
        {
          message:
            'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n' +
            'Service "a" (a.yaml, line 12) and 1 more also ask for node port 30080; a node port belongs to one Service in the whole cluster, so whichever is created second is refused: choose another nodePort or remove it to get a free one.',
          data: {
            portIndex: 0,
            value: 30080,
            conflicts: [
              {
                uri: 'file:///workspace/a.yaml',
                name: 'a',
                namespace: undefined,
                line: 11,
                start: 149,
                end: 154,
              },
              {
                uri: 'file:///workspace/b.yaml',
                name: 'b',
                namespace: undefined,
                line: 11,
                start: 149,
                end: 154,
              },
            ],
          },
          related: [
            {
              uri: 'file:///workspace/a.yaml',
              start: 149,
              end: 154,
              message: 'Service "a" (a.yaml, line 12) also asks for node port 30080',
            },
            {
              uri: 'file:///workspace/b.yaml',
              start: 149,
              end: 154,
              message: 'Service "b" (b.yaml, line 12) also asks for node port 30080',
            },
          ],
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: service('web', '    - name: a\n      port: 80\n'),
              preferred: true,
            },
            { title: 'Use free node port 31080', output: service('web', '    - name: a\n      port: 80\n      nodePort: 31080\n') },
          ],
        },
      ],
    },
    {
      name: 'a colliding nodePort gets a free port no Service in the workspace uses',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: ⟦30080⟧
`,
      files: {
        'file:///workspace/other.yaml': `apiVersion: v1
kind: Service
metadata:
  name: other
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 30080
    - port: 81
      nodePort: 31080
`,
      },
      errors: [
        {
          message:
            'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n' +
            'Service "other" (other.yaml, line 9) also asks for node port 30080; a node port belongs to one Service in the whole cluster, so whichever is created second is refused: choose another nodePort or remove it to get a free one.',
          data: {
            portIndex: 0,
            value: 30080,
            conflicts: [
              {
                uri: 'file:///workspace/other.yaml',
                name: 'other',
                namespace: undefined,
                line: 8,
                start: 116,
                end: 121,
              },
            ],
          },
          related: [
            {
              uri: 'file:///workspace/other.yaml',
              start: 116,
              end: 121,
              message: 'Service "other" (other.yaml, line 9) also asks for node port 30080',
            },
          ],
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ports:
    - port: 80
`,
              preferred: true,
            },
            {
              title: 'Use free node port 32080',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 32080
`,
            },
          ],
        },
      ],
    },
  ],
});
