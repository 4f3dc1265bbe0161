import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';
import { staticBand } from '../../../server/src/kubernetes/nodePorts';

const RULE = 'nodeport-hand-picked';

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

const run = (text: string, others: Record<string, string>, settings = {}) => findingsOf(text, RULE, { others, settings });

const cases: Array<[string, string, Record<string, string>, boolean]> = [
  ['alone in the workspace: a deliberate choice', service('web', 'NodePort', '30080'), {}, false],
  ['another Service hand-picks too', service('web', 'NodePort', '30080'), { 'file:///w/api.yaml': service('api', 'NodePort', '30081') }, true],
  ['LoadBalancer counts too', service('web', 'LoadBalancer', '30080'), { 'file:///w/api.yaml': service('api', 'LoadBalancer', '30081') }, true],
  ['the other one lets Kubernetes allocate', service('web', 'NodePort', '30080'), { 'file:///w/api.yaml': service('api', 'NodePort', '0') }, false],
  ['nodePort: 0 means allocate', service('web', 'NodePort', '0'), { 'file:///w/api.yaml': service('api', 'NodePort', '30081') }, false],
  ['out of range is nodeport-out-of-range', service('web', 'NodePort', '80'), { 'file:///w/api.yaml': service('api', 'NodePort', '30081') }, false],
  ['a nodePort on a ClusterIP is another rule', service('web', 'ClusterIP', '30080'), { 'file:///w/api.yaml': service('api', 'NodePort', '30081') }, false],
  ['the other is a ClusterIP with a (forbidden) nodePort', service('web', 'NodePort', '30080'), { 'file:///w/api.yaml': service('api', 'ClusterIP', '30081') }, false],
];

for (const [name, text, others, expected] of cases) {
  test(`${name} → ${expected ? 'information' : 'no finding'}`, () => {
    assert.equal(run(text, others).length, expected ? 1 : 0);
  });
}

test('names the other Services on the nodePort value, with links to their node ports', () => {
  const text = service('web', 'NodePort', '30080');
  const api = service('api', 'NodePort', '30081');
  const [finding] = run(text, { 'file:///w/api.yaml': api });
  assert.equal(finding.severity, 'information');
  assert.equal(covered(text, finding), '30080');
  assert.equal(
    finding.message,
    'Service `web` hand-picks node port 30080, and 1 other Service in this workspace hand-picks node ports too: `api` (30081 at api.yaml:2).\n' +
      'Node ports are shared by the whole cluster, so hand-picked numbers collide across teams and environments; remove nodePort to let Kubernetes ' +
      'allocate a free one, or pick from 30000-30085, the band automatic allocation uses last.',
  );
  const data = finding.data as { portIndex: number; nodePort: number; staticBand: unknown; others: Array<{ name: string; nodePorts: number[] }> };
  assert.deepEqual([data.portIndex, data.nodePort, data.staticBand], [0, 30080, { first: 30000, last: 30085 }]);
  assert.deepEqual(data.others.map((o) => [o.name, o.nodePorts]), [['api', [30081]]]);
  const [related] = finding.related ?? [];
  assert.equal(related.uri, 'file:///w/api.yaml');
  assert.equal(api.slice(related.start, related.end), '30081');
  assert.equal(related.message, 'Service api also hand-picks node port 30081');
});

test('the same Service written in two places (overlays) is not another Service', () => {
  const text = service('web', 'NodePort', '30080');
  assert.equal(run(text, { 'file:///w/overlays/prod/web.yaml': service('web', 'NodePort', '30090') }).length, 0);
});

test('the static band follows the configured range (kube-apiserver calculateRangeOffset)', () => {
  assert.deepEqual(staticBand({ first: 30000, last: 32767 }), { first: 30000, last: 30085 });
  assert.deepEqual(staticBand({ first: 30000, last: 30100 }), { first: 30000, last: 30015 }, 'never fewer than 16');
  assert.deepEqual(staticBand({ first: 20000, last: 29999 }), { first: 20000, last: 20127 }, 'never more than 128');
  assert.equal(staticBand({ first: 30000, last: 30015 }), undefined, 'a range of 16 or fewer has no static band');
  const settings = { nodePortRange: { first: 30000, last: 30015 } };
  const [finding] = run(service('web', 'NodePort', '30001'), { 'file:///w/api.yaml': service('api', 'NodePort', '30002') }, settings);
  assert.match(finding.message, /remove nodePort to let Kubernetes allocate a free one\.$/);
});

test('many others are summarised', () => {
  const others = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((n, i) => [`file:///w/${n}.yaml`, service(n, 'NodePort', String(30100 + i))]));
  const [finding] = run(service('web', 'NodePort', '30080'), others);
  assert.match(finding.message, /, and 5 other Services in this workspace hand-pick node ports too: `a` \(30100 at a\.yaml:2\), `b` \(30101 at b\.yaml:2\), `c` \(30102 at c\.yaml:2\) and 2 more\.\n/);
  assert.equal((finding.data as { othersCount: number }).othersCount, 5);
});

test('copies of this Service are not counted as others, copies of another Service each are', () => {
  const others = {
    'file:///w/overlays/prod/web.yaml': service('web', 'NodePort', '30090'),
    'file:///w/api.yaml': service('api', 'NodePort', '30081'),
    'file:///w/overlays/prod/api.yaml': service('api', 'NodePort', '30091'),
  };
  const [finding] = run(service('web', 'NodePort', '30080'), others);
  assert.equal((finding.data as { othersCount: number }).othersCount, 2);
  assert.match(finding.message, /2 other Services in this workspace hand-pick node ports too: `api` \(30081 at api\.yaml:2\) and `api` \(30091 at api\.yaml:2\)\./);
});
