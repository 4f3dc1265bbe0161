import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../server/src/rules';

const root = path.resolve(__dirname, '..', '..', '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

test('rule ids are unique, kebab-case and sorted', () => {
  const ids = ALL_RULES.map((rule) => rule.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.deepEqual(ids, [...ids].sort());
});

for (const rule of ALL_RULES) {
  test(`rule ${rule.id} has a docs page and a README entry`, () => {
    const doc = path.join(root, 'docs', 'rules', `${rule.id}.md`);
    assert.ok(existsSync(doc), `missing ${doc}`);
    assert.match(readFileSync(doc, 'utf8'), new RegExp(`^# ${rule.id}\\b`), 'the page starts with the rule id');
    assert.ok(readme.includes(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`), `README does not list ${rule.id}`);
    assert.ok(rule.description.length > 20);
  });
}

test('every contributed command has a title and category', () => {
  for (const command of manifest.contributes.commands) {
    assert.ok(command.title && command.category === 'Kubernetes Service Lens', JSON.stringify(command));
  }
});
