import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { scanFolder, ScannedFolders } from '../../../server/src/service/workspaceScan';

/** A temporary folder with these files (a name ending in `/` is an empty folder); removed after the test. */
function tree(t: { after: (fn: () => void) => void }, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-scan-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    if (name.endsWith('/')) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
  return dir;
}

const relative = (root: string, files: string[]) => files.map((file) => path.relative(root, file).split(path.sep).join('/'));

test('a scan reads the .gitignore files it meets on the way down, and none inside a folder it leaves out', async (t) => {
  const root = tree(t, {
    '.gitignore': 'ignored/\n*.local.yaml\n',
    'svc.yaml': '',
    'dev.local.yaml': '',
    'ignored/.gitignore': '!*\n',
    'ignored/bad.yaml': '',
    'team/.gitignore': 'drafts/\n!keep.local.yaml\n',
    'team/svc.yaml': '',
    'team/keep.local.yaml': '',
    'team/drafts/wip.yaml': '',
    'node_modules/chart/svc.yaml': '',
  });
  const { files, filter } = await scanFolder(root, { gitignore: true });
  assert.deepEqual(relative(root, files), ['svc.yaml', 'team/keep.local.yaml', 'team/svc.yaml']);
  // The filter keeps what the scan learnt, for files that appear later.
  assert.equal(filter.excludes(path.join(root, 'team', 'drafts', 'new.yaml')), true);
  assert.equal(filter.excludes(path.join(root, 'team', 'new.yaml')), false);

  const everything = await scanFolder(root, { gitignore: false });
  assert.deepEqual(
    relative(root, everything.files),
    ['dev.local.yaml', 'ignored/bad.yaml', 'svc.yaml', 'team/drafts/wip.yaml', 'team/keep.local.yaml', 'team/svc.yaml'],
    'node_modules stays out either way',
  );
});

test('files.exclude globs leave files and whole folders out of the scan', async (t) => {
  const root = tree(t, { 'svc.yaml': '', 'hidden/a.yaml': '', 'app/hidden/b.yaml': '', 'app/c.draft.yaml': '' });
  const { files } = await scanFolder(root, { gitignore: true, excludes: [{ glob: '**/hidden' }, { glob: '**/*.draft.yaml' }] });
  assert.deepEqual(relative(root, files), ['svc.yaml']);
});

test('.gitignore files above the folder count up to the repository root, and only inside a repository', async (t) => {
  const repo = tree(t, { '.git/': '', '.gitignore': 'ws/generated/\n*.secret.yaml\n', 'ws/svc.yaml': '', 'ws/generated/a.yaml': '', 'ws/db.secret.yaml': '' });
  const { files } = await scanFolder(path.join(repo, 'ws'), { gitignore: true });
  assert.deepEqual(relative(repo, files), ['ws/svc.yaml']);

  const notRepo = tree(t, { '.gitignore': 'ws/generated/\n', 'ws/svc.yaml': '', 'ws/generated/a.yaml': '' });
  assert.deepEqual(relative(notRepo, (await scanFolder(path.join(notRepo, 'ws'), { gitignore: true })).files), ['ws/generated/a.yaml', 'ws/svc.yaml']);
});

test('a folder the repository ignores is still scanned when it is the one asked for; the rules inside it apply', async (t) => {
  const repo = tree(t, { '.git/': '', '.gitignore': 'rendered/\n', 'rendered/.gitignore': 'old/\n', 'rendered/svc.yaml': '', 'rendered/old/svc.yaml': '' });
  const { files } = await scanFolder(path.join(repo, 'rendered'), { gitignore: true });
  assert.deepEqual(relative(repo, files), ['rendered/svc.yaml']);
});

test('ScannedFolders: the innermost folder judges; before its scan only dependency folders are left out', async (t) => {
  const root = tree(t, { '.gitignore': 'ignored/\n', 'ignored/a.yaml': '', 'inner/ignored/b.yaml': '', 'inner/.gitignore': '!ignored/\n' });
  const inner = path.join(root, 'inner');
  const folders = new ScannedFolders([root, inner]);
  assert.equal(folders.excludes(path.join(root, 'ignored', 'a.yaml')), false, 'not scanned yet');
  assert.equal(folders.excludes(path.join(root, 'node_modules', 'a.yaml')), true);
  assert.deepEqual(relative(root, await folders.scan(root, [])), ['inner/ignored/b.yaml']);
  await folders.scan(inner, [{ glob: 'ignored' }]);
  assert.equal(folders.folderOf(path.join(inner, 'ignored', 'b.yaml')), inner);
  assert.equal(folders.excludes(path.join(root, 'ignored', 'a.yaml')), true);
  assert.equal(folders.excludes(path.join(inner, 'ignored', 'b.yaml')), true, "the inner folder's files.exclude decides for its files");
  assert.equal(folders.excludes(path.join(tmpdir(), 'elsewhere.yaml')), false);
  assert.equal(folders.rescanAfter(path.join(inner, 'sub', '.gitignore')), inner);
  assert.equal(folders.rescanAfter(path.join(root, 'ignored', '.gitignore')), undefined, 'git reads no .gitignore inside an ignored folder');
  assert.equal(folders.rescanAfter(path.join(root, 'node_modules', 'x', '.gitignore')), undefined);
  assert.equal(folders.rescanAfter(path.join(root, 'svc.yaml')), undefined);
  assert.equal(folders.excludesDiffer(inner, [{ glob: 'ignored' }]), false);
  assert.equal(folders.excludesDiffer(inner, []), true);
});
