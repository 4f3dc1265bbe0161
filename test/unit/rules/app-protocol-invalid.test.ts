import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'app-protocol-invalid';
const ADVICE =
  "appProtocol is an IANA service name such as http, https or grpc, a Kubernetes name such as kubernetes.io/h2c, or your own domain-prefixed name such as example.com/my-protocol; remove it if you don't need it.";
const svc = (appProtocol: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    appProtocol: ${appProtocol}\n`;

test('"grpc web": exact message on the value', () => {
  const text = svc('grpc web');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), 'grpc web');
  assert.equal(
    finding.message,
    "spec.ports[0].appProtocol: Invalid value: \"grpc web\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n" +
      ADVICE,
  );
});

test('HTTP/2: the part before / is taken as a prefix', () => {
  const [finding] = findingsOf(svc('HTTP/2'), RULE);
  assert.match(finding.message, /^spec\.ports\[0\]\.appProtocol: Invalid value: "HTTP\/2": prefix part a lowercase RFC 1123 subdomain/);
});

test('an empty appProtocol is set (a pointer to ""), so it fails twice', () => {
  const text = svc('""');
  const [finding] = findingsOf(text, RULE);
  assert.equal(covered(text, finding), '""');
  const [first, second] = finding.message.split('\n');
  assert.equal(first, 'spec.ports[0].appProtocol: Invalid value: "": name part must be non-empty');
  assert.ok(second.startsWith('spec.ports[0].appProtocol: Invalid value: "": name part must consist of'));
});

for (const ok of ['http', 'HTTP', 'https', 'kubernetes.io/h2c', 'kubernetes.io/ws', 'example.com/my-protocol', '', '42']) {
  test(`no finding for appProtocol ${ok || '(null)'}`, () => assert.deepEqual(findingsOf(svc(ok), RULE), []));
}
