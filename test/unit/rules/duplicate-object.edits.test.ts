import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { workspace } from '../../kit/workspace';
import { analyzeFile } from '../../../server/src/analysis/analyze';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { duplicateObject } from '../../../server/src/rules/duplicate-object';
import type { TestWorkspace } from '../../kit/workspace';

// The rule keeps a running tally of identities across edits (rules/duplicate-object.ts): these edits would leave a
// stale count, or refs pointing at the offsets of an older parse, if the tally missed a change.

const cm = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports: [{port: 80}]\n`;

function findings(ws: TestWorkspace, name: string) {
  return analyzeFile(ws.file(name), ws.index, DEFAULT_SETTINGS, [duplicateObject]).map((finding) => ({
    text: ws.text(name).slice(finding.start, finding.end),
    related: finding.related?.map((place) => `${place.uri.replace('file:///workspace/', '')}@${place.start}`),
  }));
}

test('renaming a definition away and back is followed', () => {
  const ws = workspace({ 'a.yaml': cm('web'), 'b.yaml': cm('web') });
  assert.equal(findings(ws, 'a.yaml').length, 1);
  ws.edit('b.yaml', cm('api'));
  assert.deepEqual(findings(ws, 'a.yaml'), []);
  ws.edit('b.yaml', cm('web'));
  assert.equal(findings(ws, 'a.yaml').length, 1);
});

test('a deleted file no longer counts', () => {
  const ws = workspace({ 'a.yaml': cm('web'), 'b.yaml': cm('web') });
  assert.equal(findings(ws, 'a.yaml').length, 1);
  ws.index.delete('file:///workspace/b.yaml');
  assert.deepEqual(findings(ws, 'a.yaml'), []);
});

test('a second definition added in the same file, then removed, is followed', () => {
  const ws = workspace({ 'a.yaml': cm('web') });
  assert.deepEqual(findings(ws, 'a.yaml'), []);
  ws.edit('a.yaml', `${cm('web')}---\n${cm('web')}`);
  assert.equal(findings(ws, 'a.yaml').length, 2);
  ws.edit('a.yaml', cm('web'));
  assert.deepEqual(findings(ws, 'a.yaml'), []);
});

test('the other definition is placed where it is now, after an edit above it moved it', () => {
  const ws = workspace({ 'a.yaml': cm('web'), 'b.yaml': `${cm('other')}---\n${cm('web')}` });
  const before = findings(ws, 'a.yaml')[0].related?.[0];
  ws.edit('b.yaml', `# a comment that moves everything below it\n${cm('other')}---\n${cm('web')}`);
  const after = findings(ws, 'a.yaml')[0].related?.[0];
  const shift = '# a comment that moves everything below it\n'.length;
  assert.equal(Number(after?.split('@')[1]), Number(before?.split('@')[1]) + shift);
});
