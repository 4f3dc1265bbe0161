import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'externalname-invalid';
const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const ADVICE = "externalName is a bare DNS name that cluster DNS returns as a CNAME: lower-case letters, digits, '-' and '.', without scheme, port or path";
const svc = (externalName: string | undefined) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n${externalName === undefined ? '' : `  externalName: ${externalName}\n`}`;

test('a URL: exact message on the value, host suggested', () => {
  const text = svc('https://db.example.com:5432/');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'https://db.example.com:5432/');
  assert.equal(finding.message, `spec.externalName: Invalid value: "https://db.example.com:5432/": ${SUBDOMAIN}\n${ADVICE}: did you mean db.example.com?`);
  assert.deepEqual(finding.data, { value: 'https://db.example.com:5432/', suggestion: 'db.example.com' });
});

test('upper case; the printed value drops one trailing dot', () => {
  const [finding] = findingsOf(svc('DB.Example.com.'), RULE);
  assert.equal(finding.message, `spec.externalName: Invalid value: "DB.Example.com": ${SUBDOMAIN}\n${ADVICE}: did you mean db.example.com?`);
});

test('missing externalName: Required on the spec key', () => {
  const text = svc(undefined);
  const [finding] = findingsOf(text, RULE);
  assert.equal(covered(text, finding), 'spec');
  assert.equal(
    finding.message,
    'spec.externalName: Required value\nAn ExternalName Service is a DNS alias: set externalName to the DNS name it should resolve to, e.g. db.example.com.',
  );
});

test('"" and a lone "." are empty: Required on the externalName key', () => {
  for (const value of ['""', '"."']) {
    const text = svc(value);
    const [finding] = findingsOf(text, RULE);
    assert.equal(covered(text, finding), 'externalName');
    assert.match(finding.message, /^spec\.externalName: Required value\n/);
  }
});

test('longer than 253 characters', () => {
  const name = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}`;
  const [finding] = findingsOf(svc(name), RULE);
  assert.equal(finding.message.split('\n')[0], `spec.externalName: Invalid value: "${name}": must be no more than 253 characters`);
});

for (const ok of ['db.example.com', 'db.example.com.', 'my-db', '10.0.0.5', '42']) {
  test(`no finding for externalName ${ok}`, () => assert.deepEqual(findingsOf(svc(ok), RULE), []));
}

test('other types do not need externalName', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  externalName: "https://x"\n  ports: [{port: 80}]\n';
  assert.deepEqual(findingsOf(text, RULE), []);
});
