import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'annotations-invalid';
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const svc = (annotations: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n${annotations}\nspec:\n  ports: [{port: 80}]\n`;

test('a key with a space: exact message on the key', () => {
  const text = svc('    "load balancer": internal');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '"load balancer"');
  assert.equal(
    finding.message,
    `metadata.annotations: Invalid value: "load balancer": ${NAME_PART}\n` +
      "Annotation keys are an optional DNS-subdomain prefix and '/' followed by a name of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit; put free text in the value, not the key.",
  );
});

test('upper case is allowed anywhere in annotation keys (lower-cased before the check)', () => {
  assert.deepEqual(findingsOf(svc('    Example.COM/Team: a\n    service.beta.kubernetes.io/aws-load-balancer-type: nlb'), RULE), []);
});

test('values may hold anything', () => {
  assert.deepEqual(findingsOf(svc('    note: "any text: with spaces / slashes"'), RULE), []);
});

test('a prefix with an underscore keeps the key as written in the message', () => {
  const [finding] = findingsOf(svc('    My_Company.com/team: a'), RULE);
  assert.match(finding.message, /^metadata\.annotations: Invalid value: "My_Company\.com\/team": prefix part a lowercase RFC 1123 subdomain/);
});

test('more than 256 KiB of annotations: Too long on the annotations key', () => {
  const big = 'x'.repeat(262144);
  const text = svc(`    a: ${big}`);
  const [finding] = findingsOf(text, RULE);
  assert.equal(covered(text, finding), 'annotations');
  assert.equal(
    finding.message,
    'metadata.annotations: Too long: must have at most 262144 bytes\nAll annotation keys and values together hold 262145 bytes, over the 256 KiB limit: move large content into a ConfigMap.',
  );
  const exact = svc(`    a: ${'x'.repeat(262143)}`);
  assert.deepEqual(findingsOf(exact, RULE), []);
});
