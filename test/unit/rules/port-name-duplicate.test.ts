import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'port-name-duplicate';
const svc = (ports: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n${ports}\n`;

test('the second use of a name is reported on its value', () => {
  const text = svc('  - name: http\n    port: 80\n  - name: http\n    port: 8080');
  const [finding, ...rest] = findingsOf(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(text.slice(0, finding.start).split('\n').length, 9);
  assert.equal(covered(text, finding), 'http');
  assert.equal(
    finding.message,
    'spec.ports[1].name: Duplicate value: "http"\nPort names must be unique within a Service, and spec.ports[0] is already called http: rename one of them.',
  );
  assert.deepEqual(finding.data, { portIndex: 1, firstIndex: 0, value: 'http' });
});

test('three uses: two findings, both pointing at the first', () => {
  const findings = findingsOf(svc('  - {name: a, port: 1}\n  - {name: a, port: 2}\n  - {name: a, port: 3}'), RULE);
  assert.deepEqual(findings.map((f) => [f.data?.portIndex, f.data?.firstIndex]), [[1, 0], [2, 0]]);
});

test('even invalid names count (the API checks duplicates regardless)', () => {
  assert.equal(findingsOf(svc('  - {name: HTTP, port: 1}\n  - {name: HTTP, port: 2}'), RULE).length, 1);
});

test('empty and distinct names are fine', () => {
  assert.deepEqual(findingsOf(svc('  - {name: "", port: 1}\n  - {name: "", port: 2}\n  - {name: a, port: 3}\n  - {name: b, port: 4}'), RULE), []);
});
