import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'name-required';
const MESSAGE =
  'metadata.name: Required value: name or generateName is required\nAdd metadata.name: it identifies the Service and becomes its DNS name (<name>.<namespace>.svc).';

const cases: Array<[string, string, string | undefined]> = [
  ['no name: reported on the metadata key', 'apiVersion: v1\nkind: Service\nmetadata:\n  labels: {app: web}\nspec:\n  ports: [{port: 80}]\n', 'metadata'],
  ['empty name: reported on the name key', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ""\nspec: {}\n', 'name'],
  ['null name', 'apiVersion: v1\nkind: Service\nmetadata:\n  name:\nspec: {}\n', 'name'],
  ['no metadata at all: reported on the kind', 'apiVersion: v1\nkind: Service\nspec:\n  ports: [{port: 80}]\n', 'Service'],
  ['a name', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n', undefined],
  ['generateName is enough', 'apiVersion: v1\nkind: Service\nmetadata:\n  generateName: web-\n', undefined],
  ['a numeric name is a type error for value-type', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: 42\n', undefined],
  ['metadata as a list is a type error for value-type', 'apiVersion: v1\nkind: Service\nmetadata: [a]\n', undefined],
  ['not a core Service (Knative)', 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {}\n', undefined],
  ['not a Service', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n', undefined],
];

for (const [title, text, expected] of cases) {
  test(title, () => {
    const findings = findingsOf(text, RULE);
    if (expected === undefined) return assert.deepEqual(findings, []);
    assert.equal(findings.length, 1);
    assert.equal(covered(text, findings[0]), expected);
    assert.equal(findings[0].message, MESSAGE);
    assert.equal(findings[0].severity, 'error');
  });
}

test('each item of a List is checked like a top-level object', () => {
  const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: ok}\n';
  const findings = findingsOf(text, RULE);
  assert.deepEqual(findings.map((f) => [covered(text, f), f.message.split('\n')[0]]), [['metadata', 'metadata.name: Required value: name or generateName is required']]);
});

test('a document with a YAML syntax error is left to yaml-syntax', () => {
  assert.deepEqual(findingsOf('apiVersion: v1\nkind: Service\nmetadata: {labels: x\n', RULE), []);
});
