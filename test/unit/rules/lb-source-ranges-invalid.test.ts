import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';
import { goTrimSpace } from '../../../server/src/document/text';

const RULE = 'lb-source-ranges-invalid';
const service = (ranges: string, annotation?: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
${annotation === undefined ? '' : `  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: ${annotation}\n`}spec:
  type: LoadBalancer
  loadBalancerSourceRanges: ${ranges}
  selector:
    app: web
  ports:
    - port: 80
`;

test('a plain address is not a CIDR: the capital-L path, and a /32 suggestion', () => {
  const text = service('[203.0.113.7]');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '203.0.113.7');
  assert.equal(
    finding.message,
    'spec.LoadBalancerSourceRanges[0]: Invalid value: "203.0.113.7": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)\n' +
      'Each entry must be a network in CIDR notation such as 203.0.113.0/24 (a single address is /32, or /128 for IPv6).',
  );
  assert.deepEqual(finding.data, { suggestion: '203.0.113.7/32' });
});

test('the echoed value is trimmed, as the API server trims it', () => {
  const text = service('["10.0.0.0/8", " office.example.com "]');
  const [finding] = findingsOf(text, RULE);
  assert.equal(covered(text, finding), '" office.example.com "');
  assert.match(finding.message, /^spec\.LoadBalancerSourceRanges\[1\]: Invalid value: "office\.example\.com": must be a valid CIDR value/);
  assert.equal(finding.data, undefined);
});

test('the annotation is checked entry by entry when the field is empty, without an index in the path', () => {
  const text = service('[]', '"10.0.0.0/8, 2001:db8::1"');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '2001:db8::1');
  assert.match(
    finding.message,
    /^metadata\.annotations\[service\.beta\.kubernetes\.io\/load-balancer-source-ranges\]: Invalid value: "2001:db8::1": must be a valid CIDR value/,
  );
  assert.deepEqual(finding.data, { suggestion: '2001:db8::1/128' });
});

const cases: Array<[string, string | undefined, number]> = [
  ['[10.0.0.0/8, "2001:db8::/64"]', undefined, 0],
  ['[" 10.0.0.0/8 "]', undefined, 0], // space padding is tolerated
  ['[10.0.0.1/8]', undefined, 0], // host bits: accepted (ip-non-canonical warns)
  ['[10.0.0.0/33]', undefined, 1],
  ['[""]', undefined, 1],
  ['[10.0.0.0/8, bad, worse]', undefined, 2],
  ['[]', '""', 0],
  ['[]', '"  "', 0],
  ['[]', 'bad', 1],
  ['[]', '"10.0.0.0/8,,10.1.0.0/16"', 1], // an empty entry between commas
  ['[10.0.0.0/8]', 'bad', 0], // the annotation is ignored when the field is set
];
for (const [ranges, annotation, expected] of cases) {
  test(`ranges ${ranges} annotation ${annotation ?? '(none)'} → ${expected}`, () => assert.equal(findingsOf(service(ranges, annotation), RULE).length, expected));
}

test("Go's TrimSpace differs from String.prototype.trim at the edges", () => {
  assert.equal(goTrimSpace(' \t10.0.0.0/8\n'), '10.0.0.0/8');
  assert.equal(goTrimSpace('\u008510.0.0.0/8\u00a0'), '10.0.0.0/8');
  assert.equal(goTrimSpace('\ufeff10.0.0.0/8'), '\ufeff10.0.0.0/8');
});
