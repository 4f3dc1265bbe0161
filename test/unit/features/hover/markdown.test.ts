import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code, link, table } from '../../../../server/src/features/hover/markdown';

test('Markdown helpers keep manifest text inert', () => {
  assert.equal(code('a`b'), '``a`b``');
  assert.equal(code('`x'), '`` `x ``');
  assert.equal(code(''), '`""`');
  assert.equal(link('a]b.yaml:3', 'file:///a b.yaml#L3'), '[a\\]b.yaml:3](file:///a%20b.yaml#L3)');
  assert.equal(table(['a', 'b'], [['x|y', 'z']]), '| a | b |\n|---|---|\n| x\\|y | z |');
});
