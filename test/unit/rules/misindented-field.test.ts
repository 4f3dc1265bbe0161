import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'misindented-field';
const head = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\n';

const cases: Array<{ name: string; text: string; covered: string; message: string; data: Record<string, unknown> }> = [
  {
    // The exact YAML of a widely copied NodePort explainer (shared/notes/user-explainers).
    name: 'a selector label one level too shallow, beside an empty `selector:`',
    text: `${head}spec:\n  type: NodePort\n  selector:\n  app: MyApp\n  ports:\n  - protocol: TCP\n    port: 80\n    targetPort: 8080\n    nodePort: 30007\n`,
    covered: 'app',
    message:
      'strict decoding error: unknown field "spec.app"\n' +
      '`app: MyApp` is at `spec` level; it was probably meant as a label under `selector:` (indent it one more level) — as written the Service has no selector, so Kubernetes picks no Pods for it.',
    data: { path: 'spec.app', key: 'app', value: 'MyApp', from: 'spec', moveTo: 'spec.selector' },
  },
  {
    name: 'a second label beside a non-empty selector',
    text: `${head}spec:\n  selector:\n    app: web\n  tier: frontend\n  ports:\n  - port: 80\n`,
    covered: 'tier',
    message:
      'strict decoding error: unknown field "spec.tier"\n' +
      '`tier: frontend` is at `spec` level; it was probably meant as a label under `selector:` (indent it one more level) — as written it is not part of the selector.',
    data: { path: 'spec.tier', key: 'tier', value: 'frontend', from: 'spec', moveTo: 'spec.selector' },
  },
  {
    name: 'a port field at spec level belongs to the port entry just above it',
    text: `${head}spec:\n  selector: {app: web}\n  ports:\n  - name: http\n    port: 80\n  - name: metrics\n    port: 9090\n  targetPort: 9091\n`,
    covered: 'targetPort',
    message:
      'strict decoding error: unknown field "spec.targetPort"\n' +
      '`targetPort` is a port field written at `spec` level; it belongs inside the `- port: 9090` entry of `ports:`.',
    data: { path: 'spec.targetPort', key: 'targetPort', value: '9091', from: 'spec', moveTo: 'spec.ports[1]', portIndex: 1 },
  },
  {
    name: 'a port field with no ports list at all',
    text: `${head}spec:\n  selector: {app: web}\n  port: 80\n`,
    covered: 'port',
    message:
      'strict decoding error: unknown field "spec.port"\n' +
      '`port` is a port field written at `spec` level; it belongs inside an entry of a `ports:` list.',
    data: { path: 'spec.port', key: 'port', value: '80', from: 'spec', moveTo: 'spec.ports' },
  },
  {
    name: '`ports:` outside `spec:`',
    text: `${head}spec:\n  selector: {app: web}\nports:\n- port: 80\n`,
    covered: 'ports',
    message: 'strict decoding error: unknown field "ports"\n`ports` is at the top level of the Service; it belongs under `spec:`.',
    data: { path: 'ports', key: 'ports', from: '', moveTo: 'spec' },
  },
  {
    name: '`namespace` at the top level',
    text: `${head}namespace: shop\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`,
    covered: 'namespace',
    message: 'strict decoding error: unknown field "namespace"\n`namespace` is at the top level of the Service; it belongs under `metadata:`.',
    data: { path: 'namespace', key: 'namespace', value: 'shop', from: '', moveTo: 'metadata' },
  },
  {
    name: '`selector` under metadata',
    text: `${head}  selector:\n    app: web\nspec:\n  ports: [{port: 80}]\n`,
    covered: 'selector',
    message:
      'strict decoding error: unknown field "metadata.selector"\n' +
      '`selector` is under `metadata`; it belongs under `spec:` — as written the Service has no selector, so Kubernetes picks no Pods for it.',
    data: { path: 'metadata.selector', key: 'selector', from: 'metadata', moveTo: 'spec' },
  },
  {
    name: 'a label one level too shallow in metadata',
    text: `${head}  labels:\n  app: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`,
    covered: 'app',
    message:
      'strict decoding error: unknown field "metadata.app"\n' +
      '`app: web` is at `metadata` level; it was probably meant as a label under `labels:`.',
    data: { path: 'metadata.app', key: 'app', value: 'web', from: 'metadata', moveTo: 'metadata.labels' },
  },
  {
    name: 'a cloud load-balancer annotation one level too shallow',
    text: `${head}  service.beta.kubernetes.io/aws-load-balancer-type: nlb\nspec:\n  type: LoadBalancer\n  selector: {app: web}\n  ports: [{port: 80}]\n`,
    covered: 'service.beta.kubernetes.io/aws-load-balancer-type',
    message:
      'strict decoding error: unknown field "metadata.service.beta.kubernetes.io/aws-load-balancer-type"\n' +
      '`service.beta.kubernetes.io/aws-load-balancer-type: nlb` is at `metadata` level; it was probably meant as an annotation under `annotations:`.',
    data: {
      path: 'metadata.service.beta.kubernetes.io/aws-load-balancer-type',
      key: 'service.beta.kubernetes.io/aws-load-balancer-type',
      value: 'nlb',
      from: 'metadata',
      moveTo: 'metadata.annotations',
    },
  },
  {
    name: '`type:` indented into a port entry',
    text: `${head}spec:\n  selector: {app: web}\n  ports:\n  - port: 80\n    type: NodePort\n`,
    covered: 'type',
    message:
      'strict decoding error: unknown field "spec.ports[0].type"\n' +
      '`type` is inside the port entry `spec.ports[0]`; it belongs at `spec` level, lined up with `ports:`.',
    data: { path: 'spec.ports[0].type', key: 'type', value: 'NodePort', from: 'spec.ports[0]', moveTo: 'spec' },
  },
];

for (const c of cases) {
  test(c.name, () => {
    const [finding, ...rest] = findingsOf(c.text, RULE);
    assert.equal(rest.length, 0);
    assert.equal(covered(c.text, finding), c.covered);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, c.message);
    assert.deepEqual(finding.data, c.data);
    assert.deepEqual(findingsOf(c.text, 'unknown-field'), [], 'never reported as unknown-field as well');
  });
}

test('a Service field inside `selector:` is accepted by the API server, so it is a warning without an API error line', () => {
  const text = `${head}spec:\n  selector:\n    app: web\n    type: NodePort\n  ports: [{port: 80}]\n`;
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'type');
  assert.equal(finding.severity, 'warning');
  assert.equal(
    finding.message,
    '`type: NodePort` is inside `selector:`, so it is a label the selected Pods must carry, not the Service\'s `type` (which stays unset); ' +
      'move it out one level, lined up with `selector:`.',
  );
  assert.deepEqual(finding.data, { path: 'spec.selector.type', key: 'type', value: 'NodePort', from: 'spec.selector', moveTo: 'spec' });
});

test('`name` at spec level goes to metadata alone, to the port when other port fields sit beside it', () => {
  const alone = `${head}spec:\n  name: web\n  selector: {app: web}\n  ports: [{port: 80}]\n`;
  assert.deepEqual(findingsOf(alone, RULE).map((f) => f.data?.moveTo), ['metadata']);
  const withPort = `${head}spec:\n  selector: {app: web}\n  ports:\n  - port: 80\n  name: http\n  targetPort: 8080\n`;
  assert.deepEqual(findingsOf(withPort, RULE).map((f) => [f.data?.key, f.data?.moveTo]), [['name', 'spec.ports[0]'], ['targetPort', 'spec.ports[0]']]);
});

test('no move is offered into a port entry that already has the key', () => {
  const text = `${head}spec:\n  selector: {app: web}\n  ports:\n  - port: 80\n    targetPort: 8080\n  targetPort: 9090\n`;
  const [finding] = findingsOf(text, RULE);
  assert.equal(finding.data?.moveTo, 'spec.ports');
  assert.equal(finding.data?.portIndex, undefined);
});

const notMisindented: Array<[string, string]> = [
  ['a typo of a spec field is unknown-field with a suggestion', `${head}spec:\n  selectors: {app: web}\n  ports: [{port: 80}]\n`],
  ['a stray key on an ExternalName Service, which has no use for a selector', `${head}spec:\n  type: ExternalName\n  externalName: db.example.com\n  app: web\n`],
  ['a value that cannot be a label', `${head}spec:\n  selector: {app: web}\n  ports: [{port: 80}]\n  note: "routes to the web tier"\n`],
  ['a plausible selector label named `type`', `${head}spec:\n  selector:\n    type: frontend\n  ports: [{port: 80}]\n`],
  ['`type` in the selector when spec.type is set too', `${head}spec:\n  type: NodePort\n  selector:\n    type: NodePort\n  ports: [{port: 80}]\n`],
  ['a correct Service', `${head}  labels: {app: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n`],
  ['a Deployment', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  app: web\n'],
];

for (const [name, text] of notMisindented) {
  test(`no finding: ${name}`, () => {
    assert.deepEqual(findingsOf(text, RULE), []);
  });
}
