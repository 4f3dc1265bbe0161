import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'selector-invalid';
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const svc = (selector: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n${selector}\n  ports: [{port: 80}]\n`;

test('a selector value with a space: path spec.selector, value covered', () => {
  const text = svc('    app: my app');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'my app');
  assert.equal(
    finding.message,
    `spec.selector: Invalid value: "my app": ${LABEL_VALUE}\nSelector values are empty or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit: did you mean my-app?`,
  );
});

test('a selector key with two slashes gets the whole-key text and no suggestion', () => {
  const text = svc('    a/b/c: web');
  const [finding] = findingsOf(text, RULE);
  assert.equal(covered(text, finding), 'a/b/c');
  assert.match(finding.message, /^spec\.selector: Invalid value: "a\/b\/c": a qualified name must consist of/);
  assert.equal(finding.data?.suggestion, undefined);
});

test('metadata labels are not this rule\'s business', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {app: "my app"}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';
  assert.deepEqual(findingsOf(text, RULE), []);
});

for (const selector of ['    app: web', '    app.kubernetes.io/name: web', '    app: ""', '    app: 1']) {
  test(`no finding for ${selector.trim()}`, () => assert.deepEqual(findingsOf(svc(selector), RULE), []));
}

test('a selector written as a list is a type error, not this rule\'s', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n  - app: "my app"\n  ports: [{port: 80}]\n';
  assert.deepEqual(findingsOf(text, RULE), []);
});
