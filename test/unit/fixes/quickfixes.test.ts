import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/kubernetes/manifest';
import { analyzeFile } from '../../../server/src/analysis/analyze';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { fixAll, fixesFor } from '../../../server/src/features/fixes';
import { applyEdits } from '../../../server/src/document/edits';
import { ALL_RULES } from '../../../server/src/rules';

/** The fixes offered for the first finding of `ruleId`, each with the text it produces. */
function fixes(text: string, ruleId: string, others: Record<string, string> = {}) {
  const index = new WorkspaceIndex();
  const file = parseFile('file:///workspace/test.yaml', text);
  index.set(file);
  for (const [uri, other] of Object.entries(others)) index.set(parseFile(uri, other));
  const finding = analyzeFile(file, index, DEFAULT_SETTINGS, ALL_RULES).find((f) => f.ruleId === ruleId);
  assert.ok(finding, `no ${ruleId} finding`);
  return fixesFor(file, index, DEFAULT_SETTINGS, finding).map((fix) => ({ title: fix.title, safe: fix.safe, preferred: !!fix.preferred, result: applyEdits(text, fix.edits) }));
}

const svc = (spec: string, name = 'web') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec}`;

test('nodePort on a ClusterIP Service: set type NodePort (preferred), or remove the nodePort', () => {
  const text = svc('  selector:\n    app: web\n  ports:\n    - name: http\n      port: 80\n      nodePort: 30080\n');
  const [toNodePort, remove] = fixes(text, 'nodeport-on-clusterip');
  assert.equal(toNodePort.result, text.replace('spec:\n', 'spec:\n  type: NodePort\n'));
  assert.equal(toNodePort.preferred, true);
  assert.equal(remove.result, text.replace('      nodePort: 30080\n', ''));
  assert.equal(toNodePort.safe || remove.safe, false);
});

test('a colliding nodePort gets a free port no Service in the workspace uses', () => {
  const other = svc('  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080\n    - port: 81\n      nodePort: 31080\n', 'other');
  const text = svc('  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080\n');
  const offered = fixes(text, 'nodeport-collision', { 'file:///workspace/other.yaml': other });
  assert.deepEqual(offered.map((f) => f.title), ['Remove nodePort (Kubernetes allocates a free one)', 'Use free node port 32080']);
  assert.match(offered[1].result, /nodePort: 32080\n$/);
});

test('mis-cased enum values become the valid value, safely', () => {
  const cases: Array<[string, string, string]> = [
    ['  type: nodeport\n  ports:\n    - port: 80\n', 'type-unsupported', 'type: NodePort'],
    ['  type: Loadbalancer\n  ports:\n    - port: 80\n', 'type-unsupported', 'type: LoadBalancer'],
    ['  ports:\n    - port: 80\n      protocol: tcp\n', 'protocol-unsupported', 'protocol: TCP'],
    ['  internalTrafficPolicy: cluster\n  ports:\n    - port: 80\n', 'internal-traffic-policy-invalid', 'internalTrafficPolicy: Cluster'],
    ['  type: NodePort\n  externalTrafficPolicy: "local"\n  ports:\n    - port: 80\n', 'external-traffic-policy-invalid', 'externalTrafficPolicy: "Local"'],
  ];
  for (const [spec, rule, expected] of cases) {
    const [fix] = fixes(svc(spec), rule);
    assert.ok(fix.result.includes(expected), `${rule}: ${fix.result}`);
    assert.equal(fix.safe, true, rule);
  }
});

test('selector labels written beside `selector:` move under it, all at once or one by one', () => {
  const text = svc('  selector:\n  app: web\n  tier: frontend\n  ports:\n    - port: 80\n');
  const [all, one] = fixes(text, 'misindented-field');
  assert.equal(all.title, 'Move app, tier under selector:');
  assert.equal(all.result, svc('  selector:\n    app: web\n    tier: frontend\n  ports:\n    - port: 80\n'));
  assert.equal(one.result, svc('  selector:\n    app: web\n  tier: frontend\n  ports:\n    - port: 80\n'));
});

test('near-miss field names are renamed; case-only renames are safe', () => {
  const text = svc('  ports:\n    - port: 80\n      targetport: 8080\n');
  const [rename, remove] = fixes(text, 'unknown-field');
  assert.equal(rename.result, text.replace('targetport', 'targetPort'));
  assert.equal(rename.safe, true);
  assert.equal(remove.safe, false);
  const typo = fixes(svc('  ports:\n    - port: 80\n      protcol: UDP\n'), 'unknown-field')[0];
  assert.equal(typo.title, 'Rename to protocol');
  assert.equal(typo.safe, false);
});

test('unnamed ports get names from the named targetPort or the port number; duplicates become unique', () => {
  const text = svc('  ports:\n    - port: 80\n      targetPort: web\n    - port: 9090\n');
  assert.match(fixes(text, 'port-name-required')[0].result, /- name: web\n {6}port: 80\n/);
  const all = applyEdits(text, (() => {
    const index = new WorkspaceIndex();
    const file = parseFile('file:///workspace/test.yaml', text);
    index.set(file);
    const findings = analyzeFile(file, index, DEFAULT_SETTINGS, ALL_RULES).filter((f) => f.ruleId === 'port-name-required');
    return findings.flatMap((f) => fixesFor(file, index, DEFAULT_SETTINGS, f)[0].edits);
  })());
  assert.match(all, /- name: web\n {6}port: 80\n {6}targetPort: web\n {4}- name: metrics\n {6}port: 9090\n/);
  const duplicate = svc('  ports:\n    - name: http\n      port: 80\n    - name: http\n      port: 8080\n');
  assert.match(fixes(duplicate, 'port-name-duplicate')[0].result, /- name: http-8080\n/);
});

test('quoted numbers become numbers (safe); a quoted targetPort too', () => {
  const [port] = fixes(svc('  ports:\n    - port: "80"\n'), 'value-type');
  assert.equal(port.result, svc('  ports:\n    - port: 80\n'));
  assert.equal(port.safe, true);
  const [target] = fixes(svc("  ports:\n    - port: 80\n      targetPort: '8080'\n"), 'target-port-invalid');
  assert.match(target.result, /targetPort: 8080\n/);
  assert.equal(target.safe, true);
});

test('load-balancer fields on another type: remove them, or change the type', () => {
  const text = svc('  type: NodePort\n  loadBalancerSourceRanges:\n    - 10.0.0.0/8\n  ports:\n    - port: 80\n');
  const [remove, toLb] = fixes(text, 'lb-only-field');
  assert.equal(remove.result, svc('  type: NodePort\n  ports:\n    - port: 80\n'));
  assert.equal(toLb.result, text.replace('type: NodePort', 'type: LoadBalancer'));
});

test('clusterIP: None on a NodePort Service: remove it, or make the Service a headless ClusterIP', () => {
  const text = svc('  type: NodePort\n  clusterIP: None\n  ports:\n    - port: 80\n      nodePort: 30080\n');
  const [remove, headless] = fixes(text, 'headless-with-nodeport-or-lb');
  assert.equal(remove.result, svc('  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080\n'));
  assert.equal(headless.result, svc('  type: ClusterIP\n  clusterIP: None\n  ports:\n    - port: 80\n'));
});

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop, tier: web}
    spec:
      containers:
        - name: app
          image: example/shop:1
          ports:
            - name: http
              containerPort: 8080
`;
const others = { 'file:///workspace/deploy.yaml': DEPLOYMENT };

test('a targetPort name the pods lack becomes the matching container port name', () => {
  const text = svc('  selector:\n    app: shop\n  ports:\n    - port: 80\n      targetPort: web\n');
  const [fix] = fixes(text, 'target-port-not-found', others);
  assert.equal(fix.title, 'Change targetPort to http (container port 8080)');
  assert.equal(fix.preferred, true);
  assert.match(fix.result, /targetPort: http\n/);
});

test('a selector matching nothing is corrected from the closest workload, or copied when nothing is left', () => {
  const typo = svc('  selector:\n    app: Shop\n    tier: web\n  ports:\n    - port: 80\n');
  assert.equal(fixes(typo, 'selector-matches-nothing', others)[0].result, typo.replace('app: Shop', 'app: shop'));
  const stale = svc('  selector:\n    app: shop\n    track: canary # old\n  ports:\n    - port: 80\n');
  assert.equal(fixes(stale, 'selector-matches-nothing', others)[0].result, svc('  selector:\n    app: shop\n  ports:\n    - port: 80\n'));
  const unrelated = svc('  selector:\n    app: shop\n    version: v2\n  ports:\n    - port: 80\n');
  const [copied] = fixes(unrelated, 'selector-matches-nothing', others);
  assert.equal(copied.title, 'Change the selector to app=shop (the pods of Deployment shop)');
  // The Deployment's own labels are not its pods' labels: nothing of the selector survives, so the pods' labels are copied.
  const objectLabels = { 'file:///workspace/deploy.yaml': DEPLOYMENT.replace('  name: shop\n', '  name: shop\n  labels:\n    component: shop\n') };
  const block = svc('  selector:\n    component: shop # the deployment\n  ports:\n    - port: 80\n');
  assert.equal(fixes(block, 'selector-matches-nothing', objectLabels)[0].result, svc('  selector:\n    app: shop\n    tier: web\n  ports:\n    - port: 80\n'));
  const flow = svc('  selector: {component: shop}\n  ports:\n    - port: 80\n');
  assert.equal(fixes(flow, 'selector-matches-nothing', objectLabels)[0].result, svc('  selector: {app: shop, tier: web}\n  ports:\n    - port: 80\n'));
});

test('fix-all applies only safe fixes and leaves choices to the user', () => {
  const text = svc('  type: nodeport\n  sessionAffinity: clientip\n  ports:\n    - port: "80"\n      nodePort: 30080\n  selector:\n  app: web\n');
  const index = new WorkspaceIndex();
  const file = parseFile('file:///workspace/test.yaml', text);
  index.set(file);
  const fixed = applyEdits(text, fixAll(file, index, DEFAULT_SETTINGS, analyzeFile(file, index, DEFAULT_SETTINGS, ALL_RULES)));
  assert.equal(fixed, svc('  type: NodePort\n  sessionAffinity: ClientIP\n  ports:\n    - port: 80\n      nodePort: 30080\n  selector:\n  app: web\n'));
});
