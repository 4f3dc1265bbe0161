import { test } from 'node:test';
import assert from 'node:assert/strict';
import { staticBand } from '../../../server/src/kubernetes/nodePorts';
import { ruleTester } from '../../kit/ruleTester';
import { nodePortHandPicked } from '../../../server/src/rules/nodeport-hand-picked';

const service = (name: string, type: string, nodePort: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: ${type}
  selector: {app: ${name}}
  ports:
    - port: 80
      nodePort: ${nodePort}
`;

test('the static band follows the configured range (kube-apiserver calculateRangeOffset)', () => {
  assert.deepEqual(staticBand({ first: 30000, last: 32767 }), { first: 30000, last: 30085 });
  assert.deepEqual(staticBand({ first: 30000, last: 30100 }), { first: 30000, last: 30015 }, 'never fewer than 16');
  assert.deepEqual(staticBand({ first: 20000, last: 29999 }), { first: 20000, last: 20127 }, 'never more than 128');
  assert.equal(staticBand({ first: 30000, last: 30015 }), undefined, 'a range of 16 or fewer has no static band');
});

ruleTester.run(nodePortHandPicked, {
  valid: [
    { name: 'alone in the workspace: a deliberate choice → no finding', code: service('web', 'NodePort', '30080') },
    {
      name: 'the other one lets Kubernetes allocate → no finding',
      code: service('web', 'NodePort', '30080'),
      files: { 'file:///w/api.yaml': service('api', 'NodePort', '0') },
    },
    {
      name: 'nodePort: 0 means allocate → no finding',
      code: service('web', 'NodePort', '0'),
      files: { 'file:///w/api.yaml': service('api', 'NodePort', '30081') },
    },
    {
      name: 'out of range is nodeport-out-of-range → no finding',
      code: service('web', 'NodePort', '80'),
      files: { 'file:///w/api.yaml': service('api', 'NodePort', '30081') },
    },
    {
      name: 'a nodePort on a ClusterIP is another rule → no finding',
      code: service('web', 'ClusterIP', '30080'),
      files: { 'file:///w/api.yaml': service('api', 'NodePort', '30081') },
    },
    {
      name: 'the other is a ClusterIP with a (forbidden) nodePort → no finding',
      code: service('web', 'NodePort', '30080'),
      files: { 'file:///w/api.yaml': service('api', 'ClusterIP', '30081') },
    },
    {
      name: 'the same Service written in two places (overlays) is not another Service',
      code: service('web', 'NodePort', '30080'),
      files: { 'file:///w/overlays/prod/web.yaml': service('web', 'NodePort', '30090') },
    },
  ],
  invalid: [
    {
      name: 'another Service hand-picks too → information',
      code: service('web', 'NodePort', '⟦30080⟧'),
      files: { 'file:///w/api.yaml': service('api', 'NodePort', '30081') },
      errors: [
        {
          message:
            'Service `web` hand-picks node port 30080, and 1 other Service in this workspace hand-picks node ports too: `api` (30081 at api.yaml:2).\n' +
            'Node ports are shared by the whole cluster, so hand-picked numbers collide across teams and environments; remove nodePort to let Kubernetes allocate a free one, or pick from 30000-30085, the band automatic allocation uses last.',
          data: {
            portIndex: 0,
            nodePort: 30080,
            staticBand: { first: 30000, last: 30085 },
            othersCount: 1,
            others: [{ name: 'api', namespace: 'default', nodePorts: [30081] }],
          },
          related: [
            {
              uri: 'file:///w/api.yaml',
              start: 137,
              end: 142,
              message: 'Service api also hand-picks node port 30081',
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
  selector: {app: web}
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
      name: 'LoadBalancer counts too → information',
      code: service('web', 'LoadBalancer', '⟦30080⟧'),
      files: { 'file:///w/api.yaml': service('api', 'LoadBalancer', '30081') },
      errors: [
        {
          message:
            'Service `web` hand-picks node port 30080, and 1 other Service in this workspace hand-picks node ports too: `api` (30081 at api.yaml:2).\n' +
            'Node ports are shared by the whole cluster, so hand-picked numbers collide across teams and environments; remove nodePort to let Kubernetes allocate a free one, or pick from 30000-30085, the band automatic allocation uses last.',
          data: {
            portIndex: 0,
            nodePort: 30080,
            staticBand: { first: 30000, last: 30085 },
            othersCount: 1,
            others: [{ name: 'api', namespace: 'default', nodePorts: [30081] }],
          },
          related: [
            {
              uri: 'file:///w/api.yaml',
              start: 141,
              end: 146,
              message: 'Service api also hand-picks node port 30081',
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
  type: LoadBalancer
  selector: {app: web}
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
      name: 'the static band follows the configured range (kube-apiserver calculateRangeOffset)',
      code: service('web', 'NodePort', '⟦30001⟧'),
      files: { 'file:///w/api.yaml': service('api', 'NodePort', '30002') },
      settings: { nodePortRange: { first: 30000, last: 30015 } },
      errors: [
        {
          message:
            'Service `web` hand-picks node port 30001, and 1 other Service in this workspace hand-picks node ports too: `api` (30002 at api.yaml:2).\n' +
            'Node ports are shared by the whole cluster, so hand-picked numbers collide across teams and environments; remove nodePort to let Kubernetes allocate a free one.',
          data: {
            portIndex: 0,
            nodePort: 30001,
            staticBand: undefined,
            othersCount: 1,
            others: [{ name: 'api', namespace: 'default', nodePorts: [30002] }],
          },
          related: [
            {
              uri: 'file:///w/api.yaml',
              start: 137,
              end: 142,
              message: 'Service api also hand-picks node port 30002',
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
  selector: {app: web}
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
      name: 'many others are summarised',
      code: service('web', 'NodePort', '⟦30080⟧'),
      files: {
        'file:///w/a.yaml': service('a', 'NodePort', '30100'),
        'file:///w/b.yaml': service('b', 'NodePort', '30101'),
        'file:///w/c.yaml': service('c', 'NodePort', '30102'),
        'file:///w/d.yaml': service('d', 'NodePort', '30103'),
        'file:///w/e.yaml': service('e', 'NodePort', '30104'),
      },
      errors: [
        {
          message:
            'Service `web` hand-picks node port 30080, and 5 other Services in this workspace hand-pick node ports too: `a` (30100 at a.yaml:2), `b` (30101 at b.yaml:2), `c` (30102 at c.yaml:2) and 2 more.\n' +
            'Node ports are shared by the whole cluster, so hand-picked numbers collide across teams and environments; remove nodePort to let Kubernetes allocate a free one, or pick from 30000-30085, the band automatic allocation uses last.',
          data: {
            portIndex: 0,
            nodePort: 30080,
            staticBand: { first: 30000, last: 30085 },
            othersCount: 5,
            others: [
              { name: 'a', namespace: 'default', nodePorts: [30100] },
              { name: 'b', namespace: 'default', nodePorts: [30101] },
              { name: 'c', namespace: 'default', nodePorts: [30102] },
            ],
          },
          related: [
            {
              uri: 'file:///w/a.yaml',
              start: 133,
              end: 138,
              message: 'Service a also hand-picks node port 30100',
            },
            {
              uri: 'file:///w/b.yaml',
              start: 133,
              end: 138,
              message: 'Service b also hand-picks node port 30101',
            },
            {
              uri: 'file:///w/c.yaml',
              start: 133,
              end: 138,
              message: 'Service c also hand-picks node port 30102',
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
  selector: {app: web}
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
      name: 'copies of this Service are not counted as others, copies of another Service each are',
      code: service('web', 'NodePort', '⟦30080⟧'),
      files: {
        'file:///w/overlays/prod/web.yaml': service('web', 'NodePort', '30090'),
        'file:///w/api.yaml': service('api', 'NodePort', '30081'),
        'file:///w/overlays/prod/api.yaml': service('api', 'NodePort', '30091'),
      },
      errors: [
        {
          message:
            'Service `web` hand-picks node port 30080, and 2 other Services in this workspace hand-pick node ports too: `api` (30081 at api.yaml:2) and `api` (30091 at overlays/prod/api.yaml:2).\n' +
            'Node ports are shared by the whole cluster, so hand-picked numbers collide across teams and environments; remove nodePort to let Kubernetes allocate a free one, or pick from 30000-30085, the band automatic allocation uses last.',
          data: {
            portIndex: 0,
            nodePort: 30080,
            staticBand: { first: 30000, last: 30085 },
            othersCount: 2,
            others: [
              { name: 'api', namespace: 'default', nodePorts: [30081] },
              { name: 'api', namespace: 'default', nodePorts: [30091] },
            ],
          },
          related: [
            {
              uri: 'file:///w/api.yaml',
              start: 137,
              end: 142,
              message: 'Service api also hand-picks node port 30081',
            },
            {
              uri: 'file:///w/overlays/prod/api.yaml',
              start: 137,
              end: 142,
              message: 'Service api also hand-picks node port 30091',
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
  selector: {app: web}
  ports:
    - port: 80
`,
              preferred: true,
            },
          ],
        },
      ],
    },
  ],
});
