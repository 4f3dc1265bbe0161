import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'duplicate-field';
const head = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

test('the earlier of two keys is reported: it is the one kubectl silently drops', () => {
  const text = `${head}spec:\n  selector:\n    app: web\n  ports: [{port: 80}]\n  selector:\n    app: api\n`;
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'selector');
  assert.equal(finding.start, text.indexOf('selector'));
  assert.equal(finding.severity, 'error');
  assert.equal(
    finding.message,
    '`selector` is set again later in `spec`; kubectl apply keeps only the last one and silently ignores this one ' +
      '(kustomize rejects the file instead): keep a single `selector:`.',
  );
  assert.deepEqual(finding.data, { path: 'spec.selector', key: 'selector', occurrences: 2 });
  assert.deepEqual(finding.tags, ['unnecessary']);
});

test('three occurrences give two findings; paths carry list indices', () => {
  const text = `${head}spec:\n  ports:\n  - port: 80\n    port: 81\n    port: 82\n`;
  const findings = findingsOf(text, RULE);
  assert.deepEqual(findings.map((f) => [covered(text, f), f.data?.path]), [['port', 'spec.ports[0].port'], ['port', 'spec.ports[0].port']]);
  assert.match(findings[0].message, /^`port` is set again later in `spec\.ports\[0\]`;/);
});

test('at the top level, and for every kind of object (the behaviour is kubectl\'s, not the Service schema\'s)', () => {
  const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nmetadata: {name: b}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: a}]\n      containers: [{name: b, image: b}]\n`;
  const findings = findingsOf(text, RULE);
  assert.deepEqual(findings.map((f) => f.data?.path), ['metadata', 'spec.template.spec.containers']);
  assert.match(findings[0].message, /^`metadata` is set again later at the top level of this Deployment;/);
});

test('label keys written twice', () => {
  const text = `${head}  labels:\n    app: web\n    app: api\nspec:\n  ports: [{port: 80}]\n`;
  assert.deepEqual(findingsOf(text, RULE).map((f) => f.data?.path), ['metadata.labels.app']);
});

test('reported even when YAML syntax errors are left to another extension', () => {
  const text = `${head}spec:\n  type: NodePort\n  type: ClusterIP\n  ports: [{port: 80}]\n`;
  assert.equal(findingsOf(text, RULE, { settings: { yamlSyntaxErrors: false } }).length, 1);
});

const clean: Array<[string, string]> = [
  ['the same key in different mappings', `${head}  labels: {app: web}\nspec:\n  selector: {app: web}\n  ports: [{name: a, port: 80}, {name: b, port: 81}]\n`],
  ['a document kubectl cannot parse at all', `${head}spec:\n  clusterIP: {PREFIX}.16\n  clusterIP: None\n`],
  ['YAML merge keys', `${head}spec:\n  <<: {type: ClusterIP}\n  ports: [{port: 80}]\n`],
];

for (const [name, text] of clean) {
  test(`no finding: ${name}`, () => {
    assert.deepEqual(findingsOf(text, RULE), []);
  });
}

test('only the kept value is searched for nested duplicates', () => {
  const text = `${head}spec:\n  selector: {app: a, app: b}\n  selector: {app: c}\n`;
  assert.deepEqual(findingsOf(text, RULE).map((f) => f.data?.path), ['spec.selector']);
});
