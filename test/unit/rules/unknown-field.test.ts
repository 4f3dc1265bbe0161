import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'unknown-field';
const service = (spec: string, metadata = '  name: web\n') => `apiVersion: v1\nkind: Service\nmetadata:\n${metadata}spec:\n${spec}`;
const PORTS = '  selector:\n    app: web\n  ports:\n  - port: 80\n';

const cases: Array<{ name: string; text: string; covered: string; message: string; data: Record<string, unknown> }> = [
  {
    name: 'a misspelt spec field, with the nearest valid name',
    text: service(`  selecter:\n    app: web\n  ports:\n  - port: 80\n`),
    covered: 'selecter',
    message:
      'strict decoding error: unknown field "spec.selecter"\n' +
      '`spec` has no field `selecter`, so kubectl apply rejects the whole Service; did you mean `selector`?',
    data: { path: 'spec.selecter', key: 'selecter', suggestion: 'selector' },
  },
  {
    name: 'wrong capitalisation inside a port (field names are case-sensitive), with the list index in the path',
    text: service(`${PORTS}  - port: 443\n    targetport: 8443\n`),
    covered: 'targetport',
    message:
      'strict decoding error: unknown field "spec.ports[1].targetport"\n' +
      '`spec.ports[1]` has no field `targetport`, so kubectl apply rejects the whole Service; did you mean `targetPort`?',
    data: { path: 'spec.ports[1].targetport', key: 'targetport', suggestion: 'targetPort' },
  },
  {
    name: 'a field removed from the API (topologyKeys) says so',
    text: service(`${PORTS}  topologyKeys: ["*"]\n`),
    covered: 'topologyKeys',
    message:
      'strict decoding error: unknown field "spec.topologyKeys"\n' +
      '`spec` has no field `topologyKeys` (it was removed in Kubernetes 1.22), so kubectl apply rejects the whole Service; remove it.',
    data: { path: 'spec.topologyKeys', key: 'topologyKeys', removedIn: 'Kubernetes 1.22' },
  },
  {
    name: 'a key nothing resembles gets no suggestion',
    text: service(`${PORTS}  healthCheck: [/healthz]\n`),
    covered: 'healthCheck',
    message:
      'strict decoding error: unknown field "spec.healthCheck"\n' +
      '`spec` has no field `healthCheck`, so kubectl apply rejects the whole Service; remove it, or fix its spelling or indentation.',
    data: { path: 'spec.healthCheck', key: 'healthCheck' },
  },
  {
    name: 'metadata.clusterName, a tombstone since 1.25',
    text: service(PORTS, '  name: web\n  clusterName: prod\n'),
    covered: 'clusterName',
    message:
      'strict decoding error: unknown field "metadata.clusterName"\n' +
      '`metadata` has no field `clusterName` (it was removed in Kubernetes 1.25), so kubectl apply rejects the whole Service; remove it.',
    data: { path: 'metadata.clusterName', key: 'clusterName', removedIn: 'Kubernetes 1.25' },
  },
  {
    name: 'a misspelt top-level field',
    text: `apiVersion: v1\nkind: Service\nmetdata:\n  name: web\nspec:\n${PORTS}`,
    covered: 'metdata',
    message:
      'strict decoding error: unknown field "metdata"\n' +
      'A Service has no field `metdata`, so kubectl apply rejects the whole Service; did you mean `metadata`?',
    data: { path: 'metdata', key: 'metdata', suggestion: 'metadata' },
  },
  {
    name: 'deep inside sessionAffinityConfig',
    text: service(`${PORTS}  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutseconds: 60\n`),
    covered: 'timeoutseconds',
    message:
      'strict decoding error: unknown field "spec.sessionAffinityConfig.clientIP.timeoutseconds"\n' +
      '`spec.sessionAffinityConfig.clientIP` has no field `timeoutseconds`, so kubectl apply rejects the whole Service; did you mean `timeoutSeconds`?',
    data: { path: 'spec.sessionAffinityConfig.clientIP.timeoutseconds', key: 'timeoutseconds', suggestion: 'timeoutSeconds' },
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
  });
}

const clean: Array<[string, string]> = [
  ['a valid Service', service(`${PORTS}  type: NodePort\n  externalTrafficPolicy: Local\n`)],
  ['a misplaced key goes to misindented-field, never to both rules', service(`  selector:\n  app: web\n  ports:\n  - port: 80\n`)],
  ['other kinds: no schema here, so no judgement', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replica: 3\n'],
  ['a Knative Service is not a core Service', 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: k}\nspec:\n  template: {}\n'],
  ['a strategic merge patch', service('  $patch: delete\n')],
  ['a Helm template is not checked at all', service(`  {{- if .Values.x }}\n  bogus: 1\n  {{- end }}\n${PORTS}`)],
  ['a YAML merge key', `apiVersion: v1\nkind: Service\nmetadata:\n  <<: {name: web}\nspec:\n${PORTS}`],
];

for (const [name, text] of clean) {
  test(`no finding: ${name}`, () => {
    assert.deepEqual(findingsOf(text, RULE), []);
  });
}

test('every unknown field of a manifest is reported at its own key', () => {
  const text = service(`  selecter: {}\n  portz: []\n  tpye: NodePort\n`);
  assert.deepEqual(findingsOf(text, RULE).map((f) => [covered(text, f), f.data?.suggestion]), [
    ['selecter', 'selector'],
    ['portz', 'ports'],
    ['tpye', 'type'],
  ]);
});

test('Services inside a v1 List are checked with paths relative to the item, as kubectl sends each item alone', () => {
  const text = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n  spec:\n    ports: [{port: 80, nodeport: 30080}]\n`;
  const [finding] = findingsOf(text, RULE);
  assert.equal(finding.data?.path, 'spec.ports[0].nodeport');
});
