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
// Node ports one Service asks for twice: its own entries and its health-check port (across Services: nodeport-collision-across-services.test.ts).
ruleTester.run(nodePortCollision, {
  valid: [
    {
      name: 'same port number, different protocols share one node port → 0',
      code: service(
        'web',
        `    - name: dns
      port: 53
      protocol: UDP
      nodePort: 30053
    - name: dns-tcp
      port: 53
      protocol: TCP
      nodePort: 30053
`,
      ),
    },
    {
      name: 'same port number, second entry reuses the first node port → 0',
      code: service(
        'web',
        `    - name: a
      port: 53
      protocol: UDP
      nodePort: 30053
    - name: b
      port: 53
      protocol: TCP
`,
      ),
    },
    {
      name: 'distinct node ports → 0',
      code: service(
        'web',
        `    - name: a
      port: 80
      nodePort: 30080
    - name: b
      port: 443
      nodePort: 30443
`,
      ),
    },
    {
      name: "out-of-range ports are nodeport-out-of-range's → 0",
      code: service(
        'web',
        `    - name: a
      port: 80
      nodePort: 80
    - name: b
      port: 443
      nodePort: 80
`,
      ),
    },
    {
      name: 'ClusterIP Services allocate no node ports → 0',
      code: service(
        'web',
        `    - name: a
      port: 80
      nodePort: 30080
    - name: b
      port: 443
      nodePort: 30080
`,
        'ClusterIP',
      ),
    },
    {
      name: 'health-check port is only allocated with Local → 0',
      code: service(
        'web',
        '    - name: a\n      port: 80\n      nodePort: 30080\n',
        'LoadBalancer',
        '  externalTrafficPolicy: Cluster\n  healthCheckNodePort: 30080\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'one node port asked for by two port numbers of one Service',
      code: service(
        'web',
        `    - name: http
      port: 80
      nodePort: 30080
    - name: https
      port: 443
      nodePort: ⟦30080⟧
`,
      ),
      errors: [
        {
          message:
            'spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated\n' +
            'ports[0] of this Service already asks for node port 30080; when the Service is created, two entries may share a node port only when they have the same port number, so choose another nodePort or remove it.',
          data: {
            portIndex: 1,
            value: 30080,
            conflicts: [
              {
                uri: 'file:///workspace/test.yaml',
                name: 'web',
                namespace: undefined,
                portIndex: 0,
                start: 156,
                end: 161,
              },
            ],
          },
          related: [
            {
              uri: 'file:///workspace/test.yaml',
              start: 156,
              end: 161,
              message: 'ports[0] already asks for node port 30080',
            },
          ],
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: service(
                'web',
                `    - name: http
      port: 80
      nodePort: 30080
    - name: https
      port: 443
`,
              ),
              preferred: true,
            },
            {
              title: 'Use free node port 31080',
              output: service(
                'web',
                `    - name: http
      port: 80
      nodePort: 30080
    - name: https
      port: 443
      nodePort: 31080
`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a health-check port equal to one of its own node ports',
      code: service(
        'edge',
        '    - name: http\n      port: 80\n      nodePort: 30080\n',
        'LoadBalancer',
        '  externalTrafficPolicy: Local\n  healthCheckNodePort: ⟦30080⟧\n',
      ),
      errors: [
        {
          message:
            'Internal error occurred: failed to allocate requested HealthCheck NodePort 30080: provided port is already allocated\n' +
            'ports[0] of this Service already asks for node port 30080; the health-check port cannot share a node port, so choose another healthCheckNodePort or remove it.',
          data: {
            portIndex: undefined,
            value: 30080,
            conflicts: [
              {
                uri: 'file:///workspace/test.yaml',
                name: 'edge',
                namespace: undefined,
                portIndex: 0,
                start: 222,
                end: 227,
              },
            ],
          },
          related: [
            {
              uri: 'file:///workspace/test.yaml',
              start: 222,
              end: 227,
              message: 'ports[0] already asks for node port 30080',
            },
          ],
          fixes: [
            {
              title: 'Remove healthCheckNodePort (Kubernetes allocates a free one)',
              output: service('edge', '    - name: http\n      port: 80\n      nodePort: 30080\n', 'LoadBalancer', '  externalTrafficPolicy: Local\n'),
              preferred: true,
            },
            {
              title: 'Use free node port 31080',
              output: service(
                'edge',
                '    - name: http\n      port: 80\n      nodePort: 30080\n',
                'LoadBalancer',
                '  externalTrafficPolicy: Local\n  healthCheckNodePort: 31080\n',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'different protocols, different port numbers still collide → 1',
      code: service(
        'web',
        `    - name: a
      port: 53
      protocol: UDP
      nodePort: 30053
    - name: b
      port: 54
      protocol: TCP
      nodePort: ⟦30053⟧
`,
      ),
      errors: [
        {
          message:
            'spec.ports[1].nodePort: Invalid value: 30053: provided port is already allocated\n' +
            'ports[0] of this Service already asks for node port 30053; when the Service is created, two entries may share a node port only when they have the same port number (updating an existing Service accepts it, as the protocols differ), so choose another nodePort or remove it.',
          data: {
            portIndex: 1,
            value: 30053,
            conflicts: [
              {
                uri: 'file:///workspace/test.yaml',
                name: 'web',
                namespace: undefined,
                portIndex: 0,
                start: 173,
                end: 178,
              },
            ],
          },
          related: [
            {
              uri: 'file:///workspace/test.yaml',
              start: 173,
              end: 178,
              message: 'ports[0] already asks for node port 30053',
            },
          ],
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: service(
                'web',
                `    - name: a
      port: 53
      protocol: UDP
      nodePort: 30053
    - name: b
      port: 54
      protocol: TCP
`,
              ),
              preferred: true,
            },
            {
              title: 'Use free node port 31053',
              output: service(
                'web',
                `    - name: a
      port: 53
      protocol: UDP
      nodePort: 30053
    - name: b
      port: 54
      protocol: TCP
      nodePort: 31053
`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: "the first entry of a port number takes a later entry's request → 1",
      code: service(
        'web',
        `    - name: a
      port: 80
    - name: b
      port: 443
      nodePort: ⟦30080⟧
    - name: c
      port: 80
      nodePort: 30080
`,
      ),
      errors: [
        {
          message:
            'spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated\n' +
            'ports[2] of this Service already asks for node port 30080; when the Service is created, two entries may share a node port only when they have the same port number, so choose another nodePort or remove it.',
          data: {
            portIndex: 1,
            value: 30080,
            conflicts: [
              {
                uri: 'file:///workspace/test.yaml',
                name: 'web',
                namespace: undefined,
                portIndex: 2,
                start: 234,
                end: 239,
              },
            ],
          },
          related: [
            {
              uri: 'file:///workspace/test.yaml',
              start: 234,
              end: 239,
              message: 'ports[2] already asks for node port 30080',
            },
          ],
          fixes: [
            {
              title: 'Remove nodePort (Kubernetes allocates a free one)',
              output: service(
                'web',
                `    - name: a
      port: 80
    - name: b
      port: 443
    - name: c
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
    - name: b
      port: 443
      nodePort: 31080
    - name: c
      port: 80
      nodePort: 30080
`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'LoadBalancer without node-port allocation still allocates requested ones → 1',
      code: service(
        'web',
        `    - name: a
      port: 80
      nodePort: 30080
    - name: b
      port: 443
      nodePort: ⟦30080⟧
`,
        'LoadBalancer',
        '  allocateLoadBalancerNodePorts: false\n',
      ),
      errors: [
        {
          message:
            'spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated\n' +
            'ports[0] of this Service already asks for node port 30080; when the Service is created, two entries may share a node port only when they have the same port number, so choose another nodePort or remove it.',
          data: {
            portIndex: 1,
            value: 30080,
            conflicts: [
              {
                uri: 'file:///workspace/test.yaml',
                name: 'web',
                namespace: undefined,
                portIndex: 0,
                start: 196,
                end: 201,
              },
            ],
          },
          related: [
            {
              uri: 'file:///workspace/test.yaml',
              start: 196,
              end: 201,
              message: 'ports[0] already asks for node port 30080',
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
    - name: b
      port: 443
`,
                'LoadBalancer',
                '  allocateLoadBalancerNodePorts: false\n',
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
    - name: b
      port: 443
      nodePort: 31080
`,
                'LoadBalancer',
                '  allocateLoadBalancerNodePorts: false\n',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'health-check port equal to its own node port → 1',
      code: service(
        'web',
        '    - name: a\n      port: 80\n      nodePort: 30080\n',
        'LoadBalancer',
        '  externalTrafficPolicy: Local\n  healthCheckNodePort: ⟦30080⟧\n',
      ),
      errors: [
        {
          message:
            'Internal error occurred: failed to allocate requested HealthCheck NodePort 30080: provided port is already allocated\n' +
            'ports[0] of this Service already asks for node port 30080; the health-check port cannot share a node port, so choose another healthCheckNodePort or remove it.',
          data: {
            portIndex: undefined,
            value: 30080,
            conflicts: [
              {
                uri: 'file:///workspace/test.yaml',
                name: 'web',
                namespace: undefined,
                portIndex: 0,
                start: 217,
                end: 222,
              },
            ],
          },
          related: [
            {
              uri: 'file:///workspace/test.yaml',
              start: 217,
              end: 222,
              message: 'ports[0] already asks for node port 30080',
            },
          ],
          fixes: [
            {
              title: 'Remove healthCheckNodePort (Kubernetes allocates a free one)',
              output: service('web', '    - name: a\n      port: 80\n      nodePort: 30080\n', 'LoadBalancer', '  externalTrafficPolicy: Local\n'),
              preferred: true,
            },
            {
              title: 'Use free node port 31080',
              output: service(
                'web',
                '    - name: a\n      port: 80\n      nodePort: 30080\n',
                'LoadBalancer',
                '  externalTrafficPolicy: Local\n  healthCheckNodePort: 31080\n',
              ),
            },
          ],
        },
      ],
    },
  ],
});
