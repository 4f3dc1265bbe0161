import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serviceSpec } from '../../../../server/src/kubernetes/schema/service';
import { SERVICE_HEAD, applied, complete, item, labels } from './helpers';

/** The spec keys offered in a Service whose spec already holds `spec` (lines at two spaces). */
function specKeys(spec: string): string[] {
  return labels(complete(`${SERVICE_HEAD}${spec}  |\n`));
}

test('the key list is the decoder schema: every ServiceSpec field is offered for some Service', () => {
  const offered = new Set([
    ...specKeys('  type: LoadBalancer\n  externalTrafficPolicy: Local\n  sessionAffinity: ClientIP\n'),
    ...specKeys('  type: ExternalName\n'),
  ]);
  for (const key of Object.keys(serviceSpec.fields)) if (!['type', 'externalTrafficPolicy', 'sessionAffinity'].includes(key)) assert.ok(offered.has(key), key);
});

test('LoadBalancer-only fields are offered only for LoadBalancer Services (the API server forbids them elsewhere)', () => {
  const lbOnly = ['loadBalancerSourceRanges', 'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'loadBalancerIP'];
  const lb = specKeys('  type: LoadBalancer\n');
  for (const key of lbOnly) assert.ok(lb.includes(key), key);
  for (const type of ['ClusterIP', 'NodePort']) {
    const keys = specKeys(`  type: ${type}\n`);
    for (const key of lbOnly) assert.ok(!keys.includes(key), `${key} on ${type}`);
  }
  assert.equal(item(complete(`${SERVICE_HEAD}  type: LoadBalancer\n  |\n`), 'loadBalancerIP').detail, 'deprecated');
});

test('externalTrafficPolicy only where outside traffic arrives; healthCheckNodePort only for LoadBalancer + Local', () => {
  assert.ok(!specKeys('').includes('externalTrafficPolicy'), 'a plain ClusterIP Service');
  assert.ok(specKeys('  externalIPs:\n    - 203.0.113.10\n').includes('externalTrafficPolicy'), 'ClusterIP with externalIPs');
  assert.ok(specKeys('  type: NodePort\n').includes('externalTrafficPolicy'));
  assert.ok(!specKeys('  type: LoadBalancer\n').includes('healthCheckNodePort'));
  assert.ok(specKeys('  type: LoadBalancer\n  externalTrafficPolicy: Local\n').includes('healthCheckNodePort'));
});

test('ExternalName Services get externalName and ports, not the cluster-IP fields the API server forbids on them', () => {
  const keys = specKeys('  type: ExternalName\n');
  assert.deepEqual(keys.sort(), ['externalName', 'ports']);
  assert.ok(!specKeys('').includes('externalName'), 'ignored (with a warning) on other types');
});

test('headless Services do not get the fields they ignore; sessionAffinityConfig needs ClientIP', () => {
  const headless = specKeys('  clusterIP: None\n');
  assert.ok(!headless.includes('sessionAffinity') && !headless.includes('externalIPs'));
  assert.ok(headless.includes('publishNotReadyAddresses'));
  assert.ok(!specKeys('').includes('sessionAffinityConfig'));
  const clientIP = complete(`${SERVICE_HEAD}  sessionAffinity: ClientIP\n  |\n`);
  assert.match(applied(clientIP, 'sessionAffinityConfig'), /\n {2}sessionAffinityConfig:\n {4}clientIP:\n {6}timeoutSeconds: 10800\n$/);
});

test('nodePort is offered in a port only where a node port is allocated', () => {
  const portKeys = (spec: string) => labels(complete(`${SERVICE_HEAD}${spec}  ports:\n    - port: 80\n      |\n`));
  assert.ok(portKeys('  type: NodePort\n').includes('nodePort'));
  assert.ok(portKeys('  type: LoadBalancer\n').includes('nodePort'));
  assert.ok(!portKeys('  type: LoadBalancer\n  allocateLoadBalancerNodePorts: false\n').includes('nodePort'));
  assert.ok(!portKeys('').includes('nodePort'));
});

test('inserted blocks follow the file: its indentation unit, the key column, and full indentation on new lines', () => {
  const fourSpaces = complete('apiVersion: v1\nkind: Service\nmetadata:\n    name: web\nspec:\n    |\n');
  assert.match(applied(fourSpaces, 'selector'), /\nspec:\n {4}selector:\n {8}\n$/);
  assert.match(applied(fourSpaces, 'ports'), /\nspec:\n {4}ports:\n {8}- port: 80\n$/);
  assert.equal(item(fourSpaces, 'ports').snippet, true);
  const bool = complete(`${SERVICE_HEAD}  |\n`);
  assert.equal(item(bool, 'publishNotReadyAddresses').insertText, 'publishNotReadyAddresses: ${1|true,false|}');
});

test('renaming a written key replaces only the key, keeping its colon and value', () => {
  const result = complete(`${SERVICE_HEAD}  ty|pe: NodePort\n`);
  assert.match(applied(result, 'type'), /\n {2}type: NodePort\n$/);
});

test('each offered key has one line of documentation', () => {
  for (const entry of complete(`${SERVICE_HEAD}  type: LoadBalancer\n  externalTrafficPolicy: Local\n  |\n`).items) {
    assert.ok(entry.documentation && entry.documentation.length > 20, entry.label);
  }
  for (const entry of complete(`${SERVICE_HEAD}  type: NodePort\n  ports:\n    - |\n`).items) assert.ok(entry.documentation, entry.label);
});
