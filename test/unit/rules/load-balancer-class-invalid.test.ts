import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'load-balancer-class-invalid';
const service = (value: string, type = 'LoadBalancer') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  loadBalancerClass: ${value}
  selector:
    app: web
  ports:
    - port: 80
`;

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

test('a class with a space fails the qualified-name check', () => {
  const text = service('"internal lb"');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '"internal lb"');
  assert.equal(
    finding.message,
    `spec.loadBalancerClass: Invalid value: "internal lb": ${NAME_PART}\n` +
      'loadBalancerClass names the load-balancer controller that should handle this Service, written like a label key, e.g. example.com/internal-lb.',
  );
  assert.deepEqual(finding.data, { value: 'internal lb' });
});

test('several failed checks become several lines of one diagnostic', () => {
  const [finding] = findingsOf(service('"Bad_Prefix/-x"'), RULE);
  const lines = finding.message.split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^spec\.loadBalancerClass: Invalid value: "Bad_Prefix\/-x": prefix part a lowercase RFC 1123 subdomain/);
  assert.equal(lines[1], `spec.loadBalancerClass: Invalid value: "Bad_Prefix/-x": ${NAME_PART}`);
});

const cases: Array<[string, string, number]> = [
  ['example.com/internal-lb', 'LoadBalancer', 0],
  ['service.k8s.aws/nlb', 'LoadBalancer', 0],
  ['metallb', 'LoadBalancer', 0],
  ['""', 'LoadBalancer', 1], // set but empty
  ['a/b/c', 'LoadBalancer', 1],
  ['', 'LoadBalancer', 0], // null: unset
  ['"bad class"', 'NodePort', 0], // lb-only-field's
];
for (const [value, type, expected] of cases) {
  test(`${type} loadBalancerClass ${value || '(null)'} → ${expected}`, () => assert.equal(findingsOf(service(value, type), RULE).length, expected));
}
