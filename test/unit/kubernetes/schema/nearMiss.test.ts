import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, nearMiss } from '../../../../server/src/kubernetes/schema/nearMiss';

test('edit distance counts a swap of adjacent letters as one edit', () => {
  assert.equal(editDistance('tpye', 'type'), 1);
  assert.equal(editDistance('selecter', 'selector'), 1);
  assert.equal(editDistance('app', 'type'), 3);
});

const misses: Array<[string, string[], string | undefined]> = [
  ['targetport', ['port', 'targetPort', 'nodePort'], 'targetPort'],
  ['nodeport', ['port', 'targetPort', 'nodePort'], 'nodePort'],
  ['selecter', ['ports', 'selector', 'type'], 'selector'],
  ['Selector', ['ports', 'selector', 'type'], 'selector'],
  ['clusterIp', ['clusterIP', 'clusterIPs'], 'clusterIP'],
  ['externalIP', ['externalIPs', 'externalName'], 'externalIPs'],
  ['tpye', ['ports', 'selector', 'type'], 'type'],
  ['app', ['ports', 'selector', 'type'], undefined],
  ['tier', ['ports', 'selector', 'type'], undefined],
  ['name', ['ports', 'selector', 'type'], undefined],
];

for (const [key, candidates, expected] of misses) {
  test(`near miss: ${key} → ${expected ?? 'none'}`, () => {
    assert.equal(nearMiss(key, candidates), expected);
  });
}
