import { ruleTester } from '../../kit/ruleTester';
import { localTrafficPolicyFewReplicas } from '../../../server/src/rules/local-traffic-policy-few-replicas';

const service = (type: string, policy = 'Local', extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: ingress
spec:
  type: ${type}
  externalTrafficPolicy: ${policy}
${extra}  selector: {app: ingress}
  ports:
    - port: 80
      nodePort: 30080
`;

const workload = (kind: string, replicas: string) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ingress
spec:
${replicas ? `  replicas: ${replicas}\n` : ''}  template:
    metadata:
      labels: {app: ingress}
    spec:
      containers: [{name: c}]
`;

const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: ingress, labels: {app: ingress}}\nspec: {containers: [{name: c}]}\n';

ruleTester.run(localTrafficPolicyFewReplicas, {
  valid: [
    {
      name: 'NodePort, 3 replicas → no finding',
      code: service('NodePort'),
      files: { 'file:///w/workload.yaml': workload('Deployment', '3') },
    },
    {
      name: 'DaemonSet runs everywhere → no finding',
      code: service('NodePort'),
      files: {
        'file:///w/workload.yaml': `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ingress
spec:
  template:
    metadata:
      labels: {app: ingress}
    spec:
      containers: [{name: c}]
`,
      },
    },
    {
      name: 'Cluster policy → no finding',
      code: service('NodePort', 'Cluster'),
      files: { 'file:///w/workload.yaml': workload('Deployment', '1') },
    },
    {
      name: 'ClusterIP rejects the field: another rule → no finding',
      code: service('ClusterIP'),
      files: { 'file:///w/workload.yaml': workload('Deployment', '1') },
    },
    {
      name: 'templated replicas is unknown → no finding',
      code: service('NodePort'),
      files: { 'file:///w/workload.yaml': workload('Deployment', '"{{ .Values.replicas }}"') },
    },
    {
      name: 'nothing selected → no finding',
      code: service('NodePort'),
      files: {
        'file:///w/workload.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ingress
spec:
  replicas: 1
  template:
    metadata:
      labels: {app: other}
    spec:
      containers: [{name: c}]
`,
      },
    },
    {
      name: 'an autoscaler decides how few pods there may be (2)',
      code: service('NodePort'),
      files: {
        'file:///w/workload.yaml': workload('Deployment', '3'),
        'file:///w/hpa.yaml': `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: ingress-hpa}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ingress}
  minReplicas: 2
  maxReplicas: 10
`,
      },
    },
    {
      name: 'replicas of several selected workloads add up',
      code: service('NodePort'),
      files: { 'file:///w/a.yaml': pod, 'file:///w/b.yaml': workload('Deployment', '1') },
    },
  ],
  invalid: [
    {
      name: 'one Deployment written in two files runs its replicas once, not twice',
      code: service('NodePort', '⟦Local⟧'),
      files: { 'file:///w/workload.yaml': workload('Deployment', '1'), 'file:///w/old/workload.yaml': workload('Deployment', '1') },
      errors: [
        {
          message:
            "Service `ingress` has `externalTrafficPolicy: Local`, which sends external traffic only to pods on the node that received it, and Deployment `ingress` (workload.yaml:2) runs 1 pod: only the node running that pod answers on node port 30080; connections to any other node's IP are dropped.\n" +
            'Run at least 2 replicas spread over nodes, or use `externalTrafficPolicy: Cluster` if you do not need the client source IP.',
          data: {
            pods: 1,
            workloads: [
              {
                kind: 'Deployment',
                name: 'ingress',
                namespace: 'default',
                uri: 'file:///w/workload.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
              },
            ],
          },
          related: [{ uri: 'file:///w/workload.yaml', start: 26, end: 36, message: 'Deployment ingress: at least 1 pod' }],
          fixes: [
            {
              title: 'Use externalTrafficPolicy: Cluster — every node forwards external traffic, but the client source IP is not preserved',
              output: service('NodePort', 'Cluster'),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'NodePort, 1 replica → warning',
      code: service('NodePort', '⟦Local⟧'),
      files: { 'file:///w/workload.yaml': workload('Deployment', '1') },
      errors: [
        {
          message:
            "Service `ingress` has `externalTrafficPolicy: Local`, which sends external traffic only to pods on the node that received it, and Deployment `ingress` (workload.yaml:2) runs 1 pod: only the node running that pod answers on node port 30080; connections to any other node's IP are dropped.\n" +
            'Run at least 2 replicas spread over nodes, or use `externalTrafficPolicy: Cluster` if you do not need the client source IP.',
          data: {
            pods: 1,
            workloads: [
              {
                kind: 'Deployment',
                name: 'ingress',
                namespace: 'default',
                uri: 'file:///w/workload.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
              },
            ],
          },
          related: [
            {
              uri: 'file:///w/workload.yaml',
              start: 26,
              end: 36,
              message: 'Deployment ingress: at least 1 pod',
            },
          ],
          fixes: [
            {
              title: 'Use externalTrafficPolicy: Cluster — every node forwards external traffic, but the client source IP is not preserved',
              output: service('NodePort', 'Cluster'),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'NodePort, replicas omitted (defaults to 1) → warning',
      code: service('NodePort', '⟦Local⟧'),
      files: {
        'file:///w/workload.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ingress
spec:
  template:
    metadata:
      labels: {app: ingress}
    spec:
      containers: [{name: c}]
`,
      },
      errors: [
        {
          message:
            "Service `ingress` has `externalTrafficPolicy: Local`, which sends external traffic only to pods on the node that received it, and Deployment `ingress` (workload.yaml:2) runs 1 pod: only the node running that pod answers on node port 30080; connections to any other node's IP are dropped.\n" +
            'Run at least 2 replicas spread over nodes, or use `externalTrafficPolicy: Cluster` if you do not need the client source IP.',
          data: {
            pods: 1,
            workloads: [
              {
                kind: 'Deployment',
                name: 'ingress',
                namespace: 'default',
                uri: 'file:///w/workload.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
              },
            ],
          },
          related: [
            {
              uri: 'file:///w/workload.yaml',
              start: 26,
              end: 36,
              message: 'Deployment ingress: at least 1 pod',
            },
          ],
          fixes: [
            {
              title: 'Use externalTrafficPolicy: Cluster — every node forwards external traffic, but the client source IP is not preserved',
              output: service('NodePort', 'Cluster'),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'NodePort, a single Pod → warning',
      code: service('NodePort', '⟦Local⟧'),
      files: { 'file:///w/workload.yaml': pod },
      errors: [
        {
          message:
            "Service `ingress` has `externalTrafficPolicy: Local`, which sends external traffic only to pods on the node that received it, and Pod `ingress` (workload.yaml:2) runs 1 pod: only the node running that pod answers on node port 30080; connections to any other node's IP are dropped.\n" +
            'Run at least 2 replicas spread over nodes, or use `externalTrafficPolicy: Cluster` if you do not need the client source IP.',
          data: {
            pods: 1,
            workloads: [
              {
                kind: 'Pod',
                name: 'ingress',
                namespace: 'default',
                uri: 'file:///w/workload.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } },
              },
            ],
          },
          related: [{ uri: 'file:///w/workload.yaml', start: 21, end: 24, message: 'Pod ingress: at least 1 pod' }],
          fixes: [
            {
              title: 'Use externalTrafficPolicy: Cluster — every node forwards external traffic, but the client source IP is not preserved',
              output: service('NodePort', 'Cluster'),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'LoadBalancer, 1 replica: health checks steer traffic → information',
      code: service('LoadBalancer', '⟦Local⟧'),
      files: { 'file:///w/workload.yaml': workload('Deployment', '1') },
      errors: [
        {
          message:
            "Service `ingress` has `externalTrafficPolicy: Local`, which sends external traffic only to pods on the node that received it, and Deployment `ingress` (workload.yaml:2) runs 1 pod: the load balancer's health checks (healthCheckNodePort) pass only on the node running that pod: all external traffic enters through that one node, and connections can be dropped when the pod moves, until the health checks notice.\n" +
            'Run at least 2 replicas spread over nodes, or use `externalTrafficPolicy: Cluster` if you do not need the client source IP.',
          data: {
            pods: 1,
            workloads: [
              {
                kind: 'Deployment',
                name: 'ingress',
                namespace: 'default',
                uri: 'file:///w/workload.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
              },
            ],
          },
          severity: 'information',
          related: [
            {
              uri: 'file:///w/workload.yaml',
              start: 26,
              end: 36,
              message: 'Deployment ingress: at least 1 pod',
            },
          ],
          fixes: [
            {
              title: 'Use externalTrafficPolicy: Cluster — every node forwards external traffic, but the client source IP is not preserved',
              output: service('LoadBalancer', 'Cluster'),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'LoadBalancer, 0 replicas → warning',
      code: service('LoadBalancer', '⟦Local⟧'),
      files: { 'file:///w/workload.yaml': workload('Deployment', '0') },
      errors: [
        {
          message:
            'Service `ingress` has `externalTrafficPolicy: Local`, which sends external traffic only to pods on the node that received it, and Deployment `ingress` (workload.yaml:2) runs 0 pods: no node has a local pod, so external traffic is dropped everywhere.\n' +
            'Run at least 2 replicas spread over nodes, or use `externalTrafficPolicy: Cluster` if you do not need the client source IP.',
          data: {
            pods: 0,
            workloads: [
              {
                kind: 'Deployment',
                name: 'ingress',
                namespace: 'default',
                uri: 'file:///w/workload.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
              },
            ],
          },
          related: [
            {
              uri: 'file:///w/workload.yaml',
              start: 26,
              end: 36,
              message: 'Deployment ingress: at least 0 pods',
            },
          ],
          fixes: [
            {
              title: 'Use externalTrafficPolicy: Cluster — every node forwards external traffic, but the client source IP is not preserved',
              output: service('LoadBalancer', 'Cluster'),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'StatefulSet with 1 replica → warning',
      code: service('NodePort', '⟦Local⟧'),
      files: { 'file:///w/workload.yaml': workload('StatefulSet', '1') },
      errors: [
        {
          message:
            "Service `ingress` has `externalTrafficPolicy: Local`, which sends external traffic only to pods on the node that received it, and StatefulSet `ingress` (workload.yaml:2) runs 1 pod: only the node running that pod answers on node port 30080; connections to any other node's IP are dropped.\n" +
            'Run at least 2 replicas spread over nodes, or use `externalTrafficPolicy: Cluster` if you do not need the client source IP.',
          data: {
            pods: 1,
            workloads: [
              {
                kind: 'StatefulSet',
                name: 'ingress',
                namespace: 'default',
                uri: 'file:///w/workload.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 17 } },
              },
            ],
          },
          related: [
            {
              uri: 'file:///w/workload.yaml',
              start: 26,
              end: 37,
              message: 'StatefulSet ingress: at least 1 pod',
            },
          ],
          fixes: [
            {
              title: 'Use externalTrafficPolicy: Cluster — every node forwards external traffic, but the client source IP is not preserved',
              output: service('NodePort', 'Cluster'),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'ClusterIP with externalIPs is externally accessible → warning',
      code: service('ClusterIP', '⟦Local⟧', '  externalIPs: [203.0.113.10]\n'),
      files: { 'file:///w/workload.yaml': workload('Deployment', '1') },
      errors: [
        {
          message:
            'Service `ingress` has `externalTrafficPolicy: Local`, which sends external traffic only to pods on the node that received it, and Deployment `ingress` (workload.yaml:2) runs 1 pod: only the node running that pod accepts traffic for the external IPs; it is dropped on every other node.\n' +
            'Run at least 2 replicas spread over nodes, or use `externalTrafficPolicy: Cluster` if you do not need the client source IP.',
          data: {
            pods: 1,
            workloads: [
              {
                kind: 'Deployment',
                name: 'ingress',
                namespace: 'default',
                uri: 'file:///w/workload.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
              },
            ],
          },
          related: [
            {
              uri: 'file:///w/workload.yaml',
              start: 26,
              end: 36,
              message: 'Deployment ingress: at least 1 pod',
            },
          ],
          fixes: [
            {
              title: 'Use externalTrafficPolicy: Cluster — every node forwards external traffic, but the client source IP is not preserved',
              output: service('ClusterIP', 'Cluster', '  externalIPs: [203.0.113.10]\n'),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'an autoscaler decides how few pods there may be',
      code: service('NodePort', '⟦Local⟧'),
      files: {
        'file:///w/workload.yaml': workload('Deployment', '3'),
        'file:///w/hpa.yaml': `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: ingress-hpa}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ingress}
  maxReplicas: 10
`,
      },
      errors: [
        {
          message:
            "Service `ingress` has `externalTrafficPolicy: Local`, which sends external traffic only to pods on the node that received it, and Deployment `ingress` (workload.yaml:2) may scale down to 1 (HorizontalPodAutoscaler `ingress-hpa`): only the node running that pod answers on node port 30080; connections to any other node's IP are dropped.\n" +
            'Run at least 2 replicas spread over nodes, or use `externalTrafficPolicy: Cluster` if you do not need the client source IP.',
          data: {
            pods: 1,
            workloads: [
              {
                kind: 'Deployment',
                name: 'ingress',
                namespace: 'default',
                uri: 'file:///w/workload.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
              },
            ],
          },
          related: [
            {
              uri: 'file:///w/workload.yaml',
              start: 26,
              end: 36,
              message: 'Deployment ingress: at least 1 pod',
            },
          ],
          fixes: [
            {
              title: 'Use externalTrafficPolicy: Cluster — every node forwards external traffic, but the client source IP is not preserved',
              output: service('NodePort', 'Cluster'),
              preferred: true,
            },
          ],
        },
      ],
    },
  ],
});
