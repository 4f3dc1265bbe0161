import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cachedFileReader } from '../../../server/src/node/files';

test('the disk reader looks again once a moment has passed, and reads again only a changed file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-reader-'));
  const file = path.join(dir, 'kustomization.yaml');
  let now = 0;
  const read = cachedFileReader(() => now);
  const uri = pathToFileURL(file).href;
  assert.equal(read(uri), undefined);
  writeFileSync(file, 'patches: []\n');
  assert.equal(read(uri), undefined, 'within the moment, the last look stands');
  now += 5000;
  assert.equal(read(uri), 'patches: []\n');
  writeFileSync(file, 'patches: [{path: p.yaml}]\n');
  utimesSync(file, new Date(), new Date(Date.now() + 10_000));
  now += 5000;
  assert.equal(read(uri), 'patches: [{path: p.yaml}]\n');
  assert.equal(read('untitled:Untitled-1'), undefined);
  rmSync(dir, { recursive: true });
});
