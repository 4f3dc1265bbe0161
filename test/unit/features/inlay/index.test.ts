import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlayHintsIn } from '../../../../server/src/features/inlay';
import type { AnalysisSettings } from '../../../../server/src/analysis/settings';
import { deployment, documents } from '../../../kit/manifests';
import { workspace } from '../../../kit/workspace';

/** Two workloads behind one selector whose `http` ports differ. */
const pods = (name: string, http: number) => deployment({ name, labels: { app: 'web' }, ports: [{ name: 'http', containerPort: http }] });
const DEPLOYMENTS = documents(pods('web', 8080), pods('canary', 8081));

/** `text before the hint⟨label⟩` for each hint, so placement and text are checked together. */
function hints(
  text: string,
  settings: Partial<AnalysisSettings> = {},
  others: Record<string, string> = { 'file:///w/deploy.yaml': DEPLOYMENTS },
  range?: [number, number],
): string[] {
  const files = workspace({ 'file:///w/svc.yaml': text, ...others });
  const [start, end] = range ?? [0, text.length];
  return inlayHintsIn(files.env('file:///w/svc.yaml', settings), start, end).map((hint) => {
    const lineStart = text.lastIndexOf('\n', hint.offset - 1) + 1;
    return `${text.slice(lineStart, hint.offset).trim()}⟨${hint.label}⟩`;
  });
}

const SERVICE = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${spec}`;

test('omitted type, targetPort and protocol show the values the API server fills in', () => {
  assert.deepEqual(hints(SERVICE('  selector:\n    app: web\n  ports:\n    - port: 80\n')), [
    'spec:⟨type: ClusterIP⟩',
    '- port: 80⟨targetPort: 80⟩',
    '- port: 80⟨protocol: TCP⟩',
  ]);
});

test('written fields get no hint', () => {
  assert.deepEqual(hints(SERVICE('  type: ClusterIP\n  ports:\n    - port: 80\n      targetPort: 8080\n      protocol: TCP\n')), []);
});

test('an omitted nodePort is allocated from the configured range, for NodePort and for LoadBalancer unless disabled', () => {
  const nodePort = SERVICE('  type: NodePort\n  ports:\n    - port: 80\n      targetPort: 8080\n      protocol: TCP\n');
  assert.deepEqual(hints(nodePort), ['- port: 80⟨nodePort: allocated from 30000-32767⟩']);
  assert.deepEqual(hints(nodePort, { nodePortRange: { first: 20000, last: 20999 } }), ['- port: 80⟨nodePort: allocated from 20000-20999⟩']);
  assert.deepEqual(hints(nodePort.replace('NodePort', 'LoadBalancer')), ['- port: 80⟨nodePort: allocated from 30000-32767⟩']);
  assert.deepEqual(hints(nodePort.replace('NodePort', 'LoadBalancer\n  allocateLoadBalancerNodePorts: false')), []);
  assert.deepEqual(hints(nodePort.replace('protocol: TCP', 'protocol: TCP\n      nodePort: 30080')), []);
});

test('a named targetPort shows the container port it resolves to, every distinct number when workloads differ', () => {
  const text = SERVICE('  type: ClusterIP\n  selector:\n    app: web\n  ports:\n    - port: 80\n      protocol: TCP\n      targetPort: http\n');
  assert.deepEqual(hints(text), ['targetPort: http⟨→ 8080 | 8081⟩']);
  assert.deepEqual(hints(text, {}, { 'file:///w/deploy.yaml': pods('web', 8080) }), ['targetPort: http⟨→ 8080⟩']);
  assert.deepEqual(hints(text.replace('http\n', 'grpc\n')), [], 'an unresolved name: the diagnostics speak, not a hint');
  assert.deepEqual(hints(text, {}, {}), [], 'no workload in the workspace');
});

test("a named targetPort resolves in the pods of the Service's own example folder, not in a look-alike example", () => {
  const text = SERVICE('  type: ClusterIP\n  selector:\n    app: web\n  ports:\n    - port: 80\n      protocol: TCP\n      targetPort: http\n');
  const files = workspace({
    'file:///w/examples/a/svc.yaml': text,
    'file:///w/examples/a/deploy.yaml': pods('web', 8080),
    'file:///w/examples/b/deploy.yaml': pods('web-b', 9090),
  });
  assert.deepEqual(
    inlayHintsIn(files.env('file:///w/examples/a/svc.yaml'), 0, text.length).map((hint) => hint.label),
    ['→ 8080'],
  );
});

test('ExternalName Services and template files get no hints; the setting turns them all off', () => {
  assert.deepEqual(hints(SERVICE('  type: ExternalName\n  externalName: db.example.com\n  ports:\n    - port: 5432\n')), []);
  assert.deepEqual(hints(SERVICE('  ports:\n    - port: {{ .Values.port }}\n')), []);
  assert.deepEqual(hints(SERVICE('  ports:\n    - port: 80\n'), { inlayHints: false }), []);
});

test('only hints inside the requested range are returned, across documents', () => {
  const one = SERVICE('  ports:\n    - port: 80\n');
  const text = `${one}---\n${one.replace('port: 80', 'port: 81')}`;
  const second = text.indexOf('---');
  assert.deepEqual(hints(text, {}, {}, [second, text.length]), ['spec:⟨type: ClusterIP⟩', '- port: 81⟨targetPort: 81⟩', '- port: 81⟨protocol: TCP⟩']);
  assert.deepEqual(hints(text, {}, {}, [0, text.indexOf('- port: 80')]), ['spec:⟨type: ClusterIP⟩']);
});

test('headless Services still get the defaults; the tooltip does not promise proxying', () => {
  const text = SERVICE('  clusterIP: None\n  ports:\n    - port: 5432\n');
  const all = inlayHintsIn(workspace({ 'svc.yaml': text }).env('svc.yaml'), 0, text.length);
  const tooltip = (prefix: string) => all.find((h) => h.label.startsWith(prefix))?.tooltip;
  assert.equal(tooltip('targetPort'), '`targetPort` is not set, so the API server sets it to the value of `port`, 5432.');
  assert.equal(
    tooltip('type'),
    '`type` is not set, so the API server makes this a `ClusterIP` Service: headless (`clusterIP: None`), so DNS returns the pod IPs and nothing proxies.',
  );
});

test('a type written twice: the hints follow the last one, which kubectl keeps', () => {
  const service = SERVICE('  type: ClusterIP\n  ports:\n    - port: 80\n      targetPort: 8080\n      protocol: TCP\n  type: NodePort\n');
  assert.deepEqual(hints(service), ['- port: 80⟨nodePort: allocated from 30000-32767⟩']);
  assert.deepEqual(hints(service.replace('type: ClusterIP', 'type: LoadBalancer').replace('type: NodePort', 'type: ClusterIP')), []);
});
