import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { deployment } from '../../../kit/manifests';
import { SERVICE_HEAD, applied, complete, item, labels } from './helpers';

/**
 * The states a document is in while someone types, most of them not valid YAML or parsed into something else
 * (`  ty` merges with the next key, `selector:\n    ap` makes the selector a string). Completion must still know
 * where the cursor is.
 */
const WEB = { 'file:///w/deploy.yaml': deployment({ name: 'web', labels: { app: 'web' }, matchLabels: true, ports: [{ name: 'http', containerPort: 8080 }] }) };

test('`type: ` with nothing after it offers the four types, ClusterIP marked as the default', () => {
  const result = complete(`${SERVICE_HEAD}  type: |\n  selector:\n    app: web\n  ports:\n    - port: 80\n`);
  assert.deepEqual(labels(result), ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
  assert.equal(item(result, 'ClusterIP').detail, 'default');
  assert.match(item(result, 'NodePort').documentation ?? '', /node-port range \(30000-32767\) opened on every node/);
  assert.match(applied(result, 'NodePort'), /\n {2}type: NodePort\n {2}selector:/);
});

test('`type:` with no space yet inserts the space too; a half-typed value is replaced whole', () => {
  const noSpace = complete(`${SERVICE_HEAD}  type:|\n`);
  assert.match(applied(noSpace, 'LoadBalancer'), /\n {2}type: LoadBalancer\n$/);
  const half = complete(`${SERVICE_HEAD}  type: Node|Por\n`);
  assert.match(applied(half, 'NodePort'), /\n {2}type: NodePort\n$/);
  assert.deepEqual(labels(complete(`${SERVICE_HEAD}  type: NodePort |\n`)), [], 'nothing after a complete value');
});

test('a key being typed in spec (`  ty`, which YAML reads as part of the next key) offers the spec keys not yet written', () => {
  const text = `${SERVICE_HEAD}  ty|\n  selector:\n    app: web\n  ports:\n    - port: 80\n`;
  // What the parser makes of it: the half-typed word swallows the selector key.
  assert.ok(Object.keys(parseAllDocuments(text.replace('|', ''))[0].toJS().spec).includes('ty selector'));
  const result = complete(text);
  assert.ok(labels(result).includes('type'));
  assert.ok(!labels(result).includes('selector') && !labels(result).includes('ports'), 'written keys are not offered again');
  assert.match(applied(result, 'type'), /\n {2}type: \n {2}selector:/);
  assert.equal(item(result, 'type').retrigger, true, 'the type values are offered next');
});

test('`targetPort: ` in a port item offers the selected workload ports', () => {
  const result = complete(`${SERVICE_HEAD}  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: |\n`, WEB);
  assert.deepEqual(labels(result), ['http', '8080']);
});

test('a new `- ` item in ports offers the keys of a port, port included', () => {
  const result = complete(`${SERVICE_HEAD}  ports:\n    - port: 80\n    - |\n`);
  assert.ok(labels(result).includes('port'));
  assert.match(applied(result, 'port'), /\n {4}- port: \n$/);
  const partial = complete(`${SERVICE_HEAD}  ports:\n    - port: 80\n    - na|\n`);
  assert.match(applied(partial, 'name'), /\n {4}- name: \n$/);
});

test('the next line of a port item offers the keys that item does not have yet', () => {
  const result = complete(`${SERVICE_HEAD}  ports:\n    - port: 80\n      |\n`);
  assert.ok(!labels(result).includes('port'));
  assert.ok(labels(result).includes('targetPort'));
  assert.ok(!labels(result).includes('nodePort'), 'nodePort is not allowed on a ClusterIP Service');
});

test('a selector being typed (`    ap`, which YAML reads as the string "ap") still completes label keys', () => {
  const text = `${SERVICE_HEAD}  selector:\n    ap|\n  ports:\n    - port: 80\n`;
  assert.equal(parseAllDocuments(text.replace('|', ''))[0].toJS().spec.selector, 'ap');
  const result = complete(text, WEB);
  assert.ok(labels(result).includes('app'));
  assert.match(applied(result, 'app'), /\n {2}selector:\n {4}app: \n/);
});

test('inside the block after `selector:`, on an empty line, whole selectors come first', () => {
  const result = complete(`${SERVICE_HEAD}  selector:\n    |\n  ports:\n    - port: 80\n`, WEB);
  assert.deepEqual(labels(result), ['app: web', 'app']);
});

test('Windows line endings and a Service inside a kind: List', () => {
  const crlf = complete(`${SERVICE_HEAD}  type: |\r\n  ports:\r\n    - port: 80\r\n`.replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'));
  assert.deepEqual(labels(crlf), ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
  const list = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: web\n    spec:\n      type: |\n';
  assert.deepEqual(labels(complete(list)), ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
});

test('only Services are completed: other kinds, other Service API versions and plain YAML get nothing', () => {
  assert.deepEqual(labels(complete('apiVersion: apps/v1\nkind: Deployment\nspec:\n  type: |\n')), []);
  assert.deepEqual(labels(complete('apiVersion: serving.knative.dev/v1\nkind: Service\nspec:\n  type: |\n')), []);
  assert.deepEqual(labels(complete('name: ci\non:\n  push:\n    |\n')), []);
});
