// The rule tester compares strictly; each way a table can be wrong must fail the case, or the rule tables prove nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInvalid, checkValid, mark, unmark, type ExpectedError, type InvalidCase } from '../../kit/ruleTester';
import { typeUnsupported } from '../../../server/src/rules/type-unsupported';

const svc = (type: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ${type}\n  ports: [{port: 80}]\n`;
const UNSUPPORTED = 'spec.type: Unsupported value: "nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"';

const error: ExpectedError = {
  message: `${UNSUPPORTED}\nService types are case-sensitive: did you mean NodePort?`,
  data: { value: 'nodeport', suggestion: 'NodePort' },
  fixes: [{ title: 'Change type to NodePort', output: svc('NodePort'), safe: true, preferred: true }],
};
const right: InvalidCase = { code: svc('⟦nodeport⟧'), errors: [error] };

test('markers round-trip, nested and empty spans included', () => {
  const spans = [
    { start: 2, end: 2 },
    { start: 2, end: 6 },
    { start: 3, end: 5 },
  ];
  const marked = mark('abcdefgh', spans);
  assert.equal(marked, 'ab⟦⟧⟦c⟦de⟧f⟧gh');
  assert.deepEqual(unmark(marked), { text: 'abcdefgh', spans });
  assert.throws(() => unmark('a⟦b'), /unbalanced/);
  assert.throws(() => unmark('a⟧b'), /unbalanced/);
});

test('the right table passes, by markers or by `at`', () => {
  checkInvalid(typeUnsupported, right);
  checkInvalid(typeUnsupported, { code: svc('nodeport'), errors: [{ at: 'nodeport', ...error }] });
  checkValid(typeUnsupported, { code: svc('NodePort') });
});

const wrong: Array<[string, InvalidCase]> = [
  ['another span', { code: `${svc('nodeport').replace('type', '⟦type⟧')}`, errors: [error] }],
  ['another message', { ...right, errors: [{ ...error, message: error.message.replace('NodePort?', 'NodePort') }] }],
  ['other data', { ...right, errors: [{ ...error, data: { value: 'nodeport' } }] }],
  ['no data where there is some', { ...right, errors: [{ ...error, data: undefined }] }],
  ['another severity', { ...right, errors: [{ ...error, severity: 'warning' }] }],
  ['a tag the finding lacks', { ...right, errors: [{ ...error, tags: ['deprecated'] }] }],
  ['a fix left out', { ...right, errors: [{ ...error, fixes: undefined }] }],
  ['another fix output', { ...right, errors: [{ ...error, fixes: [{ ...error.fixes![0], output: svc('LoadBalancer') }] }] }],
  ['a fix called unsafe', { ...right, errors: [{ ...error, fixes: [{ ...error.fixes![0], safe: false }] }] }],
  ['a fix that is not offered', { ...right, errors: [{ ...error, fixes: [...error.fixes!, { title: 'Remove type', output: svc('') }] }] }],
  ['a finding more than there is', { code: svc('⟦⟦nodeport⟧⟧'), errors: [error, error] }],
  ['a finding left out', { code: svc('nodeport'), errors: [] }],
  ['`at` text that is not unique', { code: `${svc('nodeport')}# nodeport\n`, errors: [{ at: 'nodeport', ...error }] }],
  ['markers and `at` both', { code: svc('⟦nodeport⟧'), errors: [{ at: 'nodeport', ...error }] }],
];
for (const [what, item] of wrong) {
  test(`a table with ${what} fails`, () => assert.throws(() => checkInvalid(typeUnsupported, item)));
}

test('valid code the rule reports on fails, and so do markers in valid code', () => {
  assert.throws(() => checkValid(typeUnsupported, { code: svc('nodeport') }));
  assert.throws(() => checkValid(typeUnsupported, { code: svc('⟦NodePort⟧') }));
});
