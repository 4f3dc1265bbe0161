import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deployment } from '../../../kit/manifests';
import { SERVICE_HEAD, applied, complete, item, labels } from './helpers';
import { completeAt } from '../../../../server/src/features/completion';
import { cursorOf, marked } from '../../../kit/markers';
import { workspace } from '../../../kit/workspace';

const WORKLOADS = {
  'file:///w/web.yaml': deployment({
    name: 'web',
    labels: { app: 'web', tier: 'frontend', version: 'v2' },
    matchLabels: { app: 'web', tier: 'frontend' },
    ports: [
      { name: 'http', containerPort: 8080 },
      { name: 'metrics', containerPort: 9090 },
    ],
  }),
  'file:///w/api.yaml': deployment({
    name: 'api',
    labels: { app: 'api', tier: 'backend' },
    matchLabels: true,
    ports: [
      { name: 'http', containerPort: 3000 },
      { name: 'dns', containerPort: 53, protocol: 'UDP' },
    ],
  }),
  'file:///w/other-ns.yaml': deployment({ name: 'jobs', namespace: 'batch', labels: { app: 'jobs', queue: 'high' }, matchLabels: true }),
};

const selectorAt = (selector: string) => complete(`${SERVICE_HEAD}  selector:\n${selector}  ports:\n    - port: 80\n`, WORKLOADS);

test('whole selectors: one per workload, from its matchLabels, inserted as lines that select exactly it', () => {
  const result = selectorAt('    |\n');
  const whole = result.items.filter((entry) => entry.kind === 'snippet').map((entry) => entry.label);
  assert.deepEqual(whole, ['app: web, tier: frontend', 'app: api, tier: backend'], 'the other namespace has none: it could not be selected from here');
  assert.equal(item(result, 'app: web, tier: frontend').detail, 'selects Deployment/web');
  assert.match(applied(result, 'app: web, tier: frontend'), /\n {2}selector:\n {4}app: web\n {4}tier: frontend\n {2}ports:/);
});

test('label keys: the Service namespace first, other namespaces last and marked as unselectable', () => {
  const result = selectorAt('    |\n');
  const keys = result.items.filter((entry) => entry.kind === 'label').map((entry) => entry.label);
  assert.deepEqual(keys, ['app', 'tier', 'version', 'queue']);
  assert.equal(item(result, 'app').detail, 'pod label of Deployment/web, Deployment/api');
  assert.match(
    item(result, 'queue').documentation ?? '',
    /Only workloads in namespace `batch` carry this label\. A Service selects pods of its own namespace \(`default` here\)/,
  );
  assert.ok((item(result, 'app').sortText ?? '') < (item(result, 'queue').sortText ?? ''));
});

test('labels already written narrow the rest to the workloads that still match', () => {
  const result = selectorAt('    tier: frontend\n    |\n');
  assert.deepEqual(labels(result), ['app', 'version'], 'keys of web only; no whole selectors once one label is written');
  const values = selectorAt('    tier: backend\n    app: |\n');
  assert.deepEqual(labels(values), ['api']);
});

test('label values list the workloads that carry them', () => {
  const result = selectorAt('    app: |\n');
  assert.deepEqual(labels(result), ['web', 'api', 'jobs']);
  assert.equal(item(result, 'web').detail, 'Deployment/web');
  assert.equal(item(result, 'jobs').detail, 'pod label in namespace batch');
});

test('`selector: ` on one line offers whole selectors that start on the next line', () => {
  const result = complete(`${SERVICE_HEAD}  selector: |\n  ports:\n    - port: 80\n`, WORKLOADS);
  assert.match(applied(result, 'app: api, tier: backend'), /\n {2}selector:\n {4}app: api\n {4}tier: backend\n {2}ports:/);
});

test('a Service in another namespace sees that namespace first', () => {
  const result = complete('apiVersion: v1\nkind: Service\nmetadata:\n  name: q\n  namespace: batch\nspec:\n  selector:\n    |\n', WORKLOADS);
  assert.deepEqual(
    result.items.filter((e) => e.kind === 'snippet').map((e) => e.label),
    ['app: jobs, queue: high'],
  );
  assert.equal(labels(result).filter((l) => !l.includes(':'))[0], 'app');
});

const portsOf = (selector: string, port = '    - port: 80\n      targetPort: |\n') =>
  complete(`${SERVICE_HEAD}  selector:\n${selector}  ports:\n${port}`, WORKLOADS);

test('targetPort: names first, then numbers, only of the selected workloads and the port protocol', () => {
  const web = portsOf('    app: web\n');
  assert.deepEqual(labels(web), ['http', 'metrics', '8080', '9090']);
  assert.equal(item(web, 'http').detail, '8080/TCP in Deployment/web (container app)');
  const tier = portsOf('    tier: backend\n');
  assert.deepEqual(labels(tier), ['http', '3000'], 'the UDP port is not offered to a TCP Service port');
  const udp = portsOf('    app: api\n', '    - port: 53\n      protocol: UDP\n      targetPort: |\n');
  assert.deepEqual(labels(udp), ['dns', '53']);
});

test('targetPort: one name resolving to different numbers says so; no selector or no match offers nothing', () => {
  const both = portsOf('    version: v2\n');
  assert.deepEqual(labels(both), ['http', 'metrics', '8080', '9090']);
  const wide = complete(`${SERVICE_HEAD}  selector: {}\n  ports:\n    - port: 80\n      targetPort: |\n`, WORKLOADS);
  assert.deepEqual(labels(wide), []);
  assert.deepEqual(labels(portsOf('    app: nothing\n')), []);
  const flow = complete(`${SERVICE_HEAD}  selector: {app: api}\n  ports:\n    - port: 80\n      targetPort: |\n`, WORKLOADS);
  assert.deepEqual(labels(flow), ['http', '3000'], 'a one-line flow selector is read too');
});

const nodePortsOf = (others: Record<string, string>, typed = '', range?: { first: number; last: number }) =>
  complete(`${SERVICE_HEAD}  type: NodePort\n  ports:\n    - port: 80\n      nodePort: ${typed}|\n`, others, range ? { nodePortRange: range } : {});

test('nodePort: free ports only, the one echoing the port number first, then the static band', () => {
  const taken = `${SERVICE_HEAD.replace('web', 'taken')}  type: NodePort\n  ports:\n    - port: 1\n      nodePort: 30000\n    - port: 2\n      nodePort: 30002\n`;
  const result = nodePortsOf({ 'file:///w/taken.yaml': taken });
  assert.deepEqual(labels(result), ['30080', '31080', '32080', '30001', '30003', '30004', '30005', '30006']);
  assert.equal(result.isIncomplete, true, 'typing digits asks again');
  assert.equal(item(result, '30001').detail, 'free in the workspace · static band');
  assert.equal(item(result, '31080').detail, 'free in the workspace');
  assert.match(item(result, '30001').documentation ?? '', /a Service outside this workspace may still hold it/);
});

test('nodePort: typed digits narrow the offer; the configured range is respected; the value being typed is not "taken"', () => {
  assert.deepEqual(labels(nodePortsOf({}, '3200')), ['32000', '32001', '32002', '32003', '32004', '32005', '32006', '32007']);
  assert.deepEqual(labels(nodePortsOf({}, '', { first: 40000, last: 40003 })), ['40000', '40001', '40002', '40003']);
  assert.ok(labels(nodePortsOf({}, '30080')).includes('30080'));
  assert.deepEqual(labels(complete(`${SERVICE_HEAD}  ports:\n    - port: 80\n      nodePort: |\n`)), [], 'ClusterIP: no node port');
});

test('enum values of port protocol, policies and ipFamilies items', () => {
  assert.deepEqual(labels(complete(`${SERVICE_HEAD}  ports:\n    - port: 53\n      protocol: |\n`)), ['TCP', 'UDP', 'SCTP']);
  assert.deepEqual(labels(complete(`${SERVICE_HEAD}  type: NodePort\n  externalTrafficPolicy: |\n`)), ['Cluster', 'Local']);
  assert.deepEqual(labels(complete(`${SERVICE_HEAD}  trafficDistribution: |\n`)), ['PreferSameZone', 'PreferSameNode', 'PreferClose']);
  assert.equal(item(complete(`${SERVICE_HEAD}  trafficDistribution: |\n`), 'PreferClose').detail, 'deprecated');
  assert.deepEqual(labels(complete(`${SERVICE_HEAD}  ipFamilies:\n    - |\n`)), ['IPv4', 'IPv6']);
  assert.deepEqual(labels(complete(`${SERVICE_HEAD}  ipFamilyPolicy: |\n`)), ['SingleStack', 'PreferDualStack', 'RequireDualStack']);
  assert.deepEqual(labels(complete(`${SERVICE_HEAD}  sessionAffinity: |\n`)), ['None', 'ClientIP']);
  assert.deepEqual(labels(complete(`${SERVICE_HEAD}  internalTrafficPolicy: |\n`)), ['Cluster', 'Local']);
});

test('in an example folder, targetPort and whole selectors come from that folder tree, not from a look-alike example', () => {
  const service = (selector: string, port = '') => `${SERVICE_HEAD}  selector:\n${selector}  ports:\n    - port: 80\n${port}`;
  const run = (text: string) => {
    const fixture = marked(text, { cursor: '|' });
    const files = workspace({
      'file:///w/examples/a/service.yaml': fixture.text,
      'file:///w/examples/a/deploy.yaml': deployment({
        name: 'web-a',
        labels: { app: 'web' },
        matchLabels: true,
        ports: [{ name: 'http', containerPort: 8080 }],
      }),
      'file:///w/examples/b/deploy.yaml': deployment({
        name: 'web-b',
        labels: { app: 'web' },
        matchLabels: true,
        ports: [{ name: 'admin', containerPort: 9000 }],
      }),
    });
    return completeAt(files.env('file:///w/examples/a/service.yaml'), cursorOf(fixture));
  };
  assert.deepEqual(labels(run(service('    app: web\n', '      targetPort: |\n'))), ['http', '8080']);
  assert.equal(item(run(service('    |\n')), 'app: web').detail, 'selects Deployment/web-a');
});
