import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseFile } from '../../../server/src/kubernetes/manifest';
import { isService } from '../../../server/src/kubernetes/model';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { analyzeFile } from '../../../server/src/analysis/analyze';
import { ALL_RULES } from '../../../server/src/rules';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { applyEdits } from '../../../server/src/document/edits';
import { CLUSTER_POLICY_TITLE, PRESERVE_SOURCE_IP_TITLE, serviceRefactors } from '../../../server/src/kubernetes/serviceEdits';
import { analyze } from '../../helpers/core';
import { corpusFolder } from '../../kit/corpus';

function refactorsOf(text: string) {
  const file = parseFile('file:///workspace/test.yaml', text);
  const entry = file.objects.find(({ object }) => isService(object));
  assert.ok(entry && isService(entry.object));
  return serviceRefactors(text, entry.chunk, entry.object, DEFAULT_SETTINGS);
}
const apply = (text: string, title: string) => {
  const refactor = refactorsOf(text).find((r) => r.title.startsWith(title));
  assert.ok(
    refactor,
    `no refactoring "${title}" in ${refactorsOf(text)
      .map((r) => r.title)
      .join(' | ')}`,
  );
  return applyEdits(text, refactor.edits);
};
const errors = (text: string) => analyze(text).filter((f) => f.severity === 'error');

const LOAD_BALANCER = `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8"
spec:
  type: LoadBalancer # public entry point
  externalTrafficPolicy: Local
  healthCheckNodePort: 32000
  loadBalancerClass: example.com/lb
  loadBalancerIP: 203.0.113.10
  loadBalancerSourceRanges:
    - 10.0.0.0/8
  allocateLoadBalancerNodePorts: true
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
      nodePort: 30080
`;

const VALID_SERVICES: Record<string, string> = {
  'load balancer with every LB field': LOAD_BALANCER,
  'ClusterIP without type': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector:\n    app: api\n  ports:\n    - port: 80\n',
  'headless ClusterIP':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector:\n    app: db\n  ports:\n    - port: 5432\n',
  'headless written as clusterIPs, first key':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIPs: [None]\n  clusterIP: None\n  selector:\n    app: db\n  ports:\n    - port: 5432\n',
  'NodePort with Local policy':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: np\nspec:\n  type: NodePort\n  externalTrafficPolicy: Local\n  selector:\n    app: np\n  ports:\n    - port: 80\n      nodePort: 31080\n',
  'ClusterIP with external IPs and a policy':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  externalIPs: [203.0.113.4]\n  externalTrafficPolicy: Local\n  selector:\n    app: ext\n  ports:\n    - port: 80\n',
  'flow style':
    'apiVersion: v1\nkind: Service\nmetadata: {name: flow}\nspec: {type: LoadBalancer, loadBalancerSourceRanges: [10.0.0.0/8], selector: {app: flow}, ports: [{port: 80, nodePort: 30081}]}\n',
  CRLF: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: crlf\r\nspec:\r\n  type: NodePort\r\n  selector:\r\n    app: crlf\r\n  ports:\r\n    - port: 80\r\n      nodePort: 30082\r\n',
};

for (const [name, text] of Object.entries(VALID_SERVICES)) {
  test(`every refactoring of a ${name} Service gives a valid Service of the new kind`, () => {
    assert.deepEqual(
      errors(text).map((f) => f.ruleId),
      [],
      'the input must be valid',
    );
    const refactors = refactorsOf(text);
    assert.ok(refactors.length >= 2);
    for (const refactor of refactors) {
      const result = applyEdits(text, refactor.edits);
      assert.deepEqual(
        errors(result).map((f) => `${f.ruleId}: ${f.message.split('\n')[0]}`),
        [],
        `${refactor.title}:\n${result}`,
      );
      assert.equal(parseAllDocuments(result).flatMap((d) => (Array.isArray(d) ? [] : d.errors)).length, 0);
      if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(result), `${refactor.title} introduced a bare LF`);
      const type = /Convert to (\w+)/.exec(refactor.title)?.[1];
      if (type) {
        const converted = parseFile('file:///t.yaml', result)
          .objects.map(({ object }) => object)
          .find(isService);
        assert.equal(converted?.type, type);
        // Converting again offers no conversion to the type it already has.
        assert.ok(!refactorsOf(result).some((r) => r.title.startsWith(`Convert to ${type} `)));
      }
    }
  });
}

test('LoadBalancer → ClusterIP removes node ports, the health-check port, the policy and every load-balancer field', () => {
  assert.equal(
    apply(LOAD_BALANCER, 'Convert to ClusterIP'),
    `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP # public entry point
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
`,
  );
});

test('LoadBalancer → NodePort keeps node ports and the traffic policy, drops what only a load balancer uses', () => {
  const result = apply(LOAD_BALANCER, 'Convert to NodePort');
  assert.match(result, /type: NodePort # public entry point\n {2}externalTrafficPolicy: Local\n {2}selector:/);
  assert.match(result, /nodePort: 30080/);
  assert.doesNotMatch(result, /healthCheckNodePort|loadBalancer|allocateLoadBalancerNodePorts|load-balancer-source-ranges/);
});

test('ClusterIP without type → NodePort inserts the type first; headless → LoadBalancer drops clusterIP: None', () => {
  assert.match(apply(VALID_SERVICES['ClusterIP without type'], 'Convert to NodePort'), /spec:\n {2}type: NodePort\n {2}selector:/);
  const headless = apply(VALID_SERVICES['headless ClusterIP'], 'Convert to LoadBalancer');
  assert.match(headless, /spec:\n {2}type: LoadBalancer\n {2}selector:/);
  assert.doesNotMatch(headless, /None/);
});

test('a ClusterIP nodePort outside the range is dropped on the way to NodePort; in range it is kept', () => {
  const text = (nodePort: number) =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  selector:\n    app: x\n  ports:\n    - port: 80\n      nodePort: ${nodePort}\n`;
  assert.doesNotMatch(apply(text(80), 'Convert to NodePort'), /nodePort/);
  assert.match(apply(text(30080), 'Convert to NodePort'), /nodePort: 30080/);
});

test('the source-IP rewrite states its trade-off; its reverse drops the health-check port', () => {
  assert.match(PRESERVE_SOURCE_IP_TITLE, /only nodes with a ready pod forward external traffic/);
  const np = apply(VALID_SERVICES['ClusterIP without type'].replace('spec:\n', 'spec:\n  type: NodePort\n'), 'Preserve client source IP');
  assert.match(np, /externalTrafficPolicy: Local\n$/);
  const cluster = apply(LOAD_BALANCER, CLUSTER_POLICY_TITLE);
  assert.match(cluster, /externalTrafficPolicy: Cluster/);
  assert.doesNotMatch(cluster, /healthCheckNodePort/);
});

test('no rewrite is offered for ExternalName or an invalid type, nor a policy rewrite for ClusterIP', () => {
  const external = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: e\nspec:\n  type: ExternalName\n  externalName: db.example.com\n';
  assert.deepEqual(refactorsOf(external), []);
  assert.deepEqual(refactorsOf(external.replace('ExternalName\n', 'nodeport\n')), []);
  const titles = refactorsOf(VALID_SERVICES['ClusterIP without type']).map((r) => r.title);
  assert.ok(!titles.some((t) => t.includes('externalTrafficPolicy')));
});

/** Real manifests (see test/corpus/SOURCES.md). */
const REAL_WORLD = corpusFolder('real-world');

test('on real-world manifests, no rewrite of any Service adds an error', () => {
  const files = readdirSync(REAL_WORLD).filter((name) => /\.ya?ml$/.test(name));
  for (const name of files) {
    const text = readFileSync(path.join(REAL_WORLD, name), 'utf8');
    const file = parseFile('file:///workspace/test.yaml', text);
    const index = new WorkspaceIndex();
    index.set(file);
    // Re-parsing against the previous model reuses every chunk a rewrite did not touch, which keeps big files quick.
    const described = (model: typeof file) => {
      const workspace = new WorkspaceIndex();
      workspace.set(model);
      return analyzeFile(model, workspace, DEFAULT_SETTINGS, ALL_RULES)
        .filter((f) => f.severity === 'error')
        .map((f) => `${f.ruleId}: ${f.message.split('\n')[0]}`);
    };
    const before = described(file);
    for (const { object, chunk } of file.objects) {
      if (!isService(object)) continue;
      // With the workspace, as the code-action handler calls it: node ports other Services hold are dropped too.
      for (const refactor of serviceRefactors(text, chunk, object, DEFAULT_SETTINGS, index)) {
        const after = described(parseFile(file.uri, applyEdits(text, refactor.edits), file));
        assert.deepEqual(
          after.filter((error) => !before.includes(error)),
          [],
          `${name}: ${object.name}: ${refactor.title}`,
        );
      }
    }
  }
});
