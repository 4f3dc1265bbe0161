import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../../server/src/rules';
import { REPO_ROOT } from '../../kit/corpus';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const FILES = ['server/src', 'client/src', 'client/webview'].flatMap((dir) => sources(path.join(REPO_ROOT, dir)));
const TEXTS = FILES.map((file) => ({ file: path.relative(REPO_ROOT, file), text: readFileSync(file, 'utf8') }));

// A rule is one module: anything else that needs a rule's id imports the rule, so renaming it is a one-file change.
test('every rule id is written in exactly one source file, its own module', () => {
  assert.ok(ALL_RULES.length >= 58);
  for (const rule of ALL_RULES) {
    const literal = new RegExp(`['"\`]${rule.id}['"\`]`);
    const files = TEXTS.filter(({ text }) => literal.test(text)).map(({ file }) => file);
    assert.equal(files.length, 1, `${rule.id} is written in ${files.length} files: ${files.join(', ')}`);
  }
});

test('the registry lists each rule once, sorted by id, each with a docs page', () => {
  const ids = ALL_RULES.map((rule) => rule.id);
  assert.deepEqual(ids, [...new Set(ids)].sort());
  for (const rule of ALL_RULES) assert.ok(statSync(path.join(REPO_ROOT, rule.docs)).isFile(), rule.docs);
});
