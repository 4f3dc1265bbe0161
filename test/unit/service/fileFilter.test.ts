import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { excludeGlobs, FileFilter, relocate, type FileFilterOptions } from '../../../server/src/service/fileFilter';

const ROOT = path.resolve('/ws');
const at = (relative: string) => path.join(ROOT, ...relative.split('/'));

/** A filter over ROOT with `.gitignore` texts keyed by their folder relative to ROOT ('' = ROOT itself). */
function filter(gitignores: Record<string, string>, options: FileFilterOptions = {}): FileFilter {
  const result = new FileFilter(ROOT, { caseInsensitive: false, ...options });
  for (const [dir, text] of Object.entries(gitignores)) result.addGitignore(dir === '' ? ROOT : at(dir), text);
  return result;
}

/** The subset of `paths` (relative, a trailing `/` marking a folder) the filter leaves out. */
function excluded(f: FileFilter, paths: string[]): string[] {
  return paths.filter((p) => f.excludes(at(p.replace(/\/$/, '')), p.endsWith('/')));
}

test('root .gitignore: directory patterns, anchored patterns, patterns matching at any depth, comments', () => {
  const f = filter({ '': '# generated output\nbuild/\n/top-only.yaml\n*.tmp.yaml\n\n' });
  assert.deepEqual(
    excluded(f, [
      'build/',
      'build/svc.yaml',
      'app/build/svc.yaml',
      'build',
      'top-only.yaml',
      'app/top-only.yaml',
      'a.tmp.yaml',
      'app/b.tmp.yaml',
      'app/svc.yaml',
      '# generated output',
    ]),
    ['build/', 'build/svc.yaml', 'app/build/svc.yaml', 'top-only.yaml', 'a.tmp.yaml', 'app/b.tmp.yaml'],
    '`build/` matches folders only, so a file named build stays',
  );
});

test('negation re-includes a file, but not one inside an excluded folder (git cannot re-include those)', () => {
  const f = filter({ '': '*.yaml\n!keep.yaml\ngenerated/\n!generated/wanted.yaml\n' });
  assert.deepEqual(excluded(f, ['a.yaml', 'keep.yaml', 'deep/keep.yaml', 'generated/wanted.yaml', 'notes.txt']), ['a.yaml', 'generated/wanted.yaml']);
});

test('nested .gitignore files apply below their own folder only, and the nearest one decides', () => {
  const f = filter({ '': '*.gen.yaml\n', team: 'local.yaml\n!kept.gen.yaml\n/anchored.yaml\n' });
  assert.deepEqual(
    excluded(f, [
      'local.yaml',
      'team/local.yaml',
      'team/sub/local.yaml',
      'x.gen.yaml',
      'team/x.gen.yaml',
      'team/kept.gen.yaml',
      'other/kept.gen.yaml',
      'team/anchored.yaml',
      'team/sub/anchored.yaml',
    ]),
    ['team/local.yaml', 'team/sub/local.yaml', 'x.gen.yaml', 'team/x.gen.yaml', 'other/kept.gen.yaml', 'team/anchored.yaml'],
  );
});

test('a nested .gitignore can re-include a folder an outer one excluded, and what is inside it comes back too', () => {
  const outerFirst = filter({ '': 'generated/\n*.log\n', team: '!generated/\n' });
  const paths = ['generated/a.yaml', 'team/generated/', 'team/generated/a.yaml', 'team/generated/x.log', 'team/other/generated/a.yaml'];
  const expected = ['generated/a.yaml', 'team/generated/x.log'];
  assert.deepEqual(excluded(outerFirst, paths), expected, 'the root rule still excludes x.log for what it is');
  // Handed in the other order (not what a walk does), the nested file still wins.
  const innerFirst = new FileFilter(ROOT, { caseInsensitive: false });
  innerFirst.addGitignore(at('team'), '!generated/\n');
  innerFirst.excludes(at('team/a.yaml'));
  innerFirst.addGitignore(ROOT, 'generated/\n*.log\n');
  assert.deepEqual(excluded(innerFirst, paths), expected);
});

test('relocate: a nested pattern written as the same rule of an outer .gitignore', () => {
  const cases: Array<[string, string]> = [
    ['local.yaml', 'team/**/local.yaml'],
    ['drafts/', 'team/**/drafts/'],
    ['/anchored.yaml', 'team/anchored.yaml'],
    ['sub/file.yaml', 'team/sub/file.yaml'],
    ['**/deep', 'team/**/deep'],
    ['!keep.yaml', '!team/**/keep.yaml'],
    ['!/keep.yaml', '!team/keep.yaml'],
    ['# a comment', '# a comment'],
    ['', ''],
    ['!', '!'],
  ];
  for (const [line, moved] of cases) assert.equal(relocate(line, 'team'), moved, line);
  assert.equal(relocate('local.yaml', ''), 'local.yaml', 'the outermost file stays as written');
});

test('a .gitignore above the root (in the same repository) is read relative to its own folder', () => {
  const repo = path.dirname(ROOT);
  const f = new FileFilter(ROOT, { caseInsensitive: false });
  f.addGitignore(repo, `${path.basename(ROOT)}/generated/\n*.local.yaml\n`);
  assert.deepEqual(excluded(f, ['generated/a.yaml', 'app/generated/a.yaml', 'x.local.yaml', 'app/svc.yaml']), ['generated/a.yaml', 'x.local.yaml']);
  assert.equal(f.ignoredByGit(ROOT, true), false);
});

test('dependency and VCS folders are left out wherever they are below the root, but the root itself is never judged', () => {
  const f = new FileFilter(ROOT, { skippedDirs: new Set(['node_modules', 'out']) });
  assert.deepEqual(excluded(f, ['node_modules/x/svc.yaml', 'app/node_modules/svc.yaml', 'node_modules', 'out/', 'app/svc.yaml']), [
    'node_modules/x/svc.yaml',
    'app/node_modules/svc.yaml',
    'out/',
  ]);
  // A workspace may itself live under a folder called `out`.
  const underOut = new FileFilter(path.resolve('/home/me/out/ws'), { skippedDirs: new Set(['out']) });
  assert.equal(underOut.excludes(path.resolve('/home/me/out/ws/svc.yaml')), false);
  assert.equal(f.excludes(ROOT, true), false);
  assert.equal(f.excludes(path.resolve('/elsewhere/node_modules/svc.yaml')), false, 'paths outside the root are not its to judge');
});

test('files.exclude globs are relative to the folder, in VS Code glob syntax', () => {
  const f = filter(
    {},
    {
      excludes: excludeGlobs({
        '**/hidden': true,
        generated: true,
        '**/*.draft.yaml': true,
        '{staging,prod}/secret.yaml': true,
        'ver[0-9]/**': true,
        'env[!a]/*.yaml': true,
        'src/routes/[[]id[]]/**': true,
        '*/.private.yaml': true,
      }),
    },
  );
  assert.deepEqual(
    excluded(f, [
      'hidden/svc.yaml',
      'app/hidden/svc.yaml',
      'generated/svc.yaml',
      'app/generated/svc.yaml',
      'app/x.draft.yaml',
      'prod/secret.yaml',
      'dev/secret.yaml',
      'ver1/a/svc.yaml',
      'verx/svc.yaml',
      'envb/svc.yaml',
      'enva/svc.yaml',
      'src/routes/[id]/svc.yaml',
      'src/routes/i/svc.yaml',
      'app/.private.yaml',
      'app/svc.yaml',
    ]),
    [
      'hidden/svc.yaml',
      'app/hidden/svc.yaml',
      'generated/svc.yaml',
      'app/x.draft.yaml',
      'prod/secret.yaml',
      'ver1/a/svc.yaml',
      'envb/svc.yaml',
      'src/routes/[id]/svc.yaml',
      'app/.private.yaml',
    ],
    '`generated` without `**/` matches at the folder root only, as in VS Code; `*` matches dot files',
  );
});

test('files.exclude values: true excludes, false and other values do not, { when } needs the sibling', () => {
  assert.deepEqual(excludeGlobs({ a: true, b: false, c: { when: '$(basename).jsonnet' }, d: 'yes', e: null, f: { when: 3 } }), [
    { glob: 'a' },
    { glob: 'c', when: '$(basename).jsonnet' },
  ]);
  assert.deepEqual(excludeGlobs(null), []);
  assert.deepEqual(excludeGlobs(['**/x']), []);
  assert.deepEqual(excludeGlobs('**/x'), []);

  const existing = new Set([at('app/web.jsonnet')]);
  const f = filter({}, { excludes: excludeGlobs({ '**/*.yaml': { when: '$(basename).jsonnet' } }), exists: (file) => existing.has(file) });
  assert.deepEqual(excluded(f, ['app/web.yaml', 'app/db.yaml']), ['app/web.yaml'], 'web.yaml is generated from web.jsonnet');
  const blind = filter({}, { excludes: excludeGlobs({ '**/*.yaml': { when: '$(basename).jsonnet' } }) });
  assert.deepEqual(excluded(blind, ['app/web.yaml']), [], 'without a way to look for siblings the condition never holds');
});

test('case: exact on case-sensitive file systems, folded where the file system folds it', () => {
  const sensitive = filter({ '': 'Build/\n' }, { excludes: [{ glob: '**/Drafts' }] });
  assert.deepEqual(excluded(sensitive, ['build/a.yaml', 'Build/a.yaml', 'drafts/a.yaml', 'Drafts/a.yaml']), ['Build/a.yaml', 'Drafts/a.yaml']);
  const folding = filter({ '': 'Build/\n' }, { excludes: [{ glob: '**/Drafts' }], caseInsensitive: true });
  assert.deepEqual(excluded(folding, ['build/a.yaml', 'drafts/a.yaml']), ['build/a.yaml', 'drafts/a.yaml']);
});

test('excludesEntry judges one entry of a walk; excludes also looks at the folders on the way', () => {
  const f = filter({ '': 'skip/\n' });
  assert.equal(f.excludesEntry(at('skip'), true), true);
  assert.equal(f.excludesEntry(at('skip/inner/a.yaml'), false), true, '`ignore` also tests the parent folders of the entry');
  const byName = new FileFilter(ROOT, { skippedDirs: new Set(['vendor']) });
  assert.equal(byName.excludesEntry(at('vendor/a.yaml'), false), false, 'a walk never enters vendor, so its entries are not asked');
  assert.equal(byName.excludes(at('vendor/a.yaml')), true);
});

test('a glob or a .gitignore it cannot use is no rule, never an exception', () => {
  const f = filter({ '': '[\n\\\n!\n**/[z-a]\n' }, { excludes: [{ glob: 'x'.repeat(70_000) }, { glob: '[' }] });
  assert.deepEqual(excluded(f, ['a.yaml', 'x/y.yaml']), []);
});
