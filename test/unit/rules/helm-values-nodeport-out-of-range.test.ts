import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { covered, findingsOf } from '../../helpers/core';
import { CORPUS } from '../../kit/corpus';

const RULE = 'helm-values-nodeport-out-of-range';
const VALUES = 'file:///chart/values.yaml';

const prometheus = `server:
  service:
    type: LoadBalancer
    nodePort: 9090
`;

test('the explainer mistake (--set server.service.nodePort=9090) is reported on the value, with the path and range', () => {
  const [finding, ...rest] = findingsOf(prometheus, RULE, { uri: VALUES });
  assert.equal(rest.length, 0);
  assert.equal(covered(prometheus, finding), '9090');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /^server\.service\.nodePort: 9090 is outside the node-port range 30000-32767\.\nIf the chart puts this value into a NodePort or LoadBalancer Service, the API server rejects that Service/);
  assert.deepEqual(finding.data, { path: 'server.service.nodePort', value: 9090, range: { first: 30000, last: 32767 } });
});

const cases: Array<[string, string, string[]]> = [
  ['service.nodePort in range', 'service:\n  nodePort: 30090\n', []],
  ['0 and empty mean "allocate one"', 'service:\n  nodePort: 0\n  nodePorts:\n    http: ""\n    https:\n', []],
  ['ingress-nginx nodePorts, including the tcp map', 'controller:\n  service:\n    nodePorts:\n      http: "80"\n      tcp:\n        8080: 32808\n', ['"80"', '32808']],
  ['a list of ports under a service', 'gateway:\n  service:\n    ports:\n      - name: http\n        port: 80\n        nodePort: 8080\n', ['8080']],
  ['healthCheckNodePort too', 'service:\n  healthCheckNodePort: 100\n', ['100']],
  ['a key ending in Service', 'metricsService:\n  nodePort: 1\n', ['1']],
  ['nodePort outside any service section is not a Service value', 'kubelet:\n  nodePort: 80\n', []],
  ['the Service port itself is not a node port', 'service:\n  port: 80\n  targetPort: 8080\n', []],
  ['text is no port', 'service:\n  nodePort: "{{ .Values.x }}"\n', []],
  ['an alias is not followed (its anchor is checked where it is written)', 'base: &p 31000\nservice:\n  nodePort: *p\n', []],
];

for (const [name, text, expected] of cases) {
  test(`values: ${name}`, () => {
    assert.deepEqual(findingsOf(text, RULE, { uri: VALUES }).map((f) => covered(text, f)), expected);
  });
}

test('only values files are read: the same YAML elsewhere, or a manifest named values.yaml, gives nothing', () => {
  assert.equal(findingsOf(prometheus, RULE, { uri: 'file:///chart/config.yaml' }).length, 0);
  for (const name of ['values-prod.yaml', 'prod-values.yml', 'values.dev.yaml', 'ci/18-scrape-configs-values.yaml']) {
    assert.equal(findingsOf(prometheus, RULE, { uri: `file:///chart/${name}` }).length, 1, name);
  }
  const manifest = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 80\n';
  assert.equal(findingsOf(manifest, RULE, { uri: VALUES }).length, 0);
});

test('honours the configured node-port range and severity', () => {
  assert.equal(findingsOf(prometheus, RULE, { uri: VALUES, settings: { nodePortRange: { first: 1, last: 10000 } } }).length, 0);
  assert.equal(findingsOf(prometheus, RULE, { uri: VALUES, settings: { severities: { [RULE]: 'off' } } }).length, 0);
});

test('a values file with a YAML error is not judged', () => {
  assert.equal(findingsOf(`${prometheus}  bad: [\n`, RULE, { uri: VALUES }).length, 0);
});

test('no finding on any file of the corpus (Helm values of ingress-nginx, kube-state-metrics, istio gateway included)', () => {
  for (const dir of ['not-kubernetes', 'real-world', 'helm-templates']) {
    for (const name of readdirSync(path.join(CORPUS, dir))) {
      const text = readFileSync(path.join(CORPUS, dir, name), 'utf8');
      assert.deepEqual(findingsOf(text, RULE, { uri: `file:///corpus/${name}` }), [], name);
    }
  }
});
