import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'port-out-of-range';
const svc = (port: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: http\n${port}\n`;

test('65536: exact message on the value', () => {
  const text = svc('    port: 65536');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(covered(text, finding), '65536');
  assert.equal(finding.message, 'spec.ports[0].port: Invalid value: 65536: must be between 1 and 65535, inclusive\nPort numbers are 16-bit: use a value from 1 to 65535.');
  assert.deepEqual(finding.data, { portIndex: 0, value: 65536, missing: false });
});

test('missing port: value 0, reported on the first key of the port entry', () => {
  const text = svc('    targetPort: 8080');
  const [finding] = findingsOf(text, RULE);
  assert.equal(covered(text, finding), 'name');
  assert.equal(
    finding.message,
    "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\nEvery Service port needs `port`, the number clients connect to on the Service (1-65535); targetPort, the Pods' port, defaults to it.",
  );
  assert.equal(finding.data?.missing, true);
});

test('port: 0 is reported on the value, port: (null) on the key as missing', () => {
  const zero = svc('    port: 0');
  const [zeroFinding] = findingsOf(zero, RULE);
  assert.equal(covered(zero, zeroFinding), '0');
  assert.equal(zeroFinding.data?.missing, false);
  const nul = svc('    port:');
  const [nullFinding] = findingsOf(nul, RULE);
  assert.equal(covered(nul, nullFinding), 'port');
  assert.equal(nullFinding.data?.missing, true);
  assert.match(nullFinding.message, /^spec\.ports\[0\]\.port: Invalid value: 0: /);
});

const cases: Array<[string, boolean]> = [
  ['    port: 1', false],
  ['    port: 65535', false],
  ['    port: -1', true],
  ['    port: "80"', false], // a string: value-type reports it
  ['    port: 80.5', false], // not an integer: value-type
  ['    port: 99999999999', false], // overflows int32: value-type
];
for (const [port, expected] of cases) {
  test(`${port.trim()} → ${expected ? 'error' : 'no finding'}`, () => assert.equal(findingsOf(svc(port), RULE).length, expected ? 1 : 0));
}
