import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expandInputs, globMatcher } from '../../server/src/cli/inputs';

/** A temporary folder (its name holding glob characters, as real folder names may) with these files. */
function tree(t: { after: (fn: () => void) => void }, files: string[], extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl [x] (y) {z}-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const name of files) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), extra[name] ?? 'kind: Service\n');
  }
  return dir;
}

const names = (root: string, files: Array<{ path: string }>) => files.map((file) => path.relative(root, file.path).split(path.sep).join('/'));

test('globMatcher: the glob syntax the README and the help use', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['deploy/**/*.yaml', ['deploy/a.yaml', 'deploy/x/y/b.yaml', 'deploy/.hidden/c.yaml'], ['deploy/a.yml', 'other/deploy/a.yaml']],
    ['*.yaml', ['a.yaml', '.dot.yaml'], ['x/a.yaml', 'a.yml']],
    ['**/*.{yaml,yml}', ['a.yml', 'x/b.yaml'], ['c.json']],
    ['svc-?.yaml', ['svc-1.yaml'], ['svc-10.yaml', 'svc-.yaml']],
    ['env/[ab]/*.yaml', ['env/a/x.yaml', 'env/b/x.yaml'], ['env/c/x.yaml']],
    ['env/[!a]/*.yaml', ['env/b/x.yaml'], ['env/a/x.yaml']],
    ['{staging,prod}/**/*.yaml', ['prod/x.yaml', 'staging/a/x.yaml'], ['dev/x.yaml']],
  ];
  for (const [glob, matching, notMatching] of cases) {
    const matches = globMatcher(glob);
    for (const file of matching) assert.equal(matches(file), true, `${glob} should match ${file}`);
    for (const file of notMatching) assert.equal(matches(file), false, `${glob} should not match ${file}`);
  }
});

test('a glob is matched below its literal start, so glob characters in the folders above it are plain names', async (t) => {
  const root = tree(t, ['deploy/web.yaml', 'deploy/db/db.yaml', 'deploy/notes.txt', 'other/web.yaml']);
  const { files, problems } = await expandInputs([path.join(root, 'deploy', '**', '*.yaml')], root);
  assert.deepEqual(names(root, files), ['deploy/db/db.yaml', 'deploy/web.yaml']);
  assert.deepEqual(problems, []);
  const relative = await expandInputs(['deploy/*.yaml', '*/web.yaml'], root);
  assert.deepEqual(names(root, relative.files), ['deploy/web.yaml', 'other/web.yaml']);
});

test('folders and globs leave out what .gitignore excludes; --no-ignore and files named explicitly do not', async (t) => {
  const root = tree(t, ['.gitignore', 'web.yaml', 'rendered/web.yaml', 'team/.gitignore', 'team/db.yaml', 'team/db.local.yaml'], {
    '.gitignore': 'rendered/\n',
    'team/.gitignore': '*.local.yaml\n',
  });
  assert.deepEqual(names(root, (await expandInputs(['.'], root)).files), ['team/db.yaml', 'web.yaml']);
  assert.deepEqual(names(root, (await expandInputs(['**/*.yaml'], root)).files), ['team/db.yaml', 'web.yaml']);
  assert.deepEqual(names(root, (await expandInputs(['.'], root, false)).files), ['rendered/web.yaml', 'team/db.local.yaml', 'team/db.yaml', 'web.yaml']);
  assert.deepEqual(names(root, (await expandInputs(['team/db.local.yaml', 'rendered/web.yaml'], root)).files), ['rendered/web.yaml', 'team/db.local.yaml']);
});

test('a folder or glob whose YAML files are all ignored says so, and how to check them', async (t) => {
  const root = tree(t, ['.git/HEAD', '.gitignore', 'generated/a.yaml', 'empty/notes.txt'], { '.gitignore': '*.yaml\n' });
  const { problems } = await expandInputs(['generated', 'generated/*.yaml', 'empty', 'none/*.yaml'], root);
  assert.deepEqual(problems, [
    'generated: every .yaml or .yml file in this folder is excluded by .gitignore (--no-ignore checks them)',
    'generated/*.yaml: every YAML file it matches is excluded by .gitignore (--no-ignore checks them)',
    'empty: folder contains no .yaml or .yml files',
    'none/*.yaml: no YAML file matches',
  ]);
  assert.deepEqual((await expandInputs(['generated'], root, false)).problems, []);
});

test('a folder the repository ignores is checked when named, with the .gitignore files inside it', async (t) => {
  const root = tree(t, ['.git/HEAD', '.gitignore', 'rendered/web.yaml', 'rendered/.gitignore', 'rendered/old/web.yaml'], {
    '.gitignore': 'rendered/\n',
    'rendered/.gitignore': 'old/\n',
  });
  assert.deepEqual(names(root, (await expandInputs(['rendered'], root)).files), ['rendered/web.yaml']);
  assert.deepEqual(names(root, (await expandInputs(['.'], root)).files), []);
});
