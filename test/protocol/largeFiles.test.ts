import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { LspTestClient } from '../helpers/lspClient';
import { bigManifest } from '../helpers/bigManifest';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.code}@${d.range.start.line}`).sort();

test('a huge file opens in slices: the first screen’s own findings first, no cross-resource guess, then the complete set', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  await client.initialize();
  const uri = 'file:///virtual/huge.yaml';
  const published: PublishDiagnosticsParams[] = [];
  const complete = client.waitForDiagnostics(uri, (p) => (published.push(p), p.diagnostics.some((d) => d.code === 'selector-matches-nothing')), 60_000);
  client.open(uri, bigManifest());
  const last = await complete;
  const first = published[0];
  assert.ok(published.length >= 2, `expected a preliminary publish before the complete one, got ${published.length}`);
  assert.deepEqual(codes(first), ['nodeport-out-of-range@10'], 'the head: its own findings only');
  // The Deployment `front` selects is the last document: judged against the whole file, it is found.
  assert.ok(!last.diagnostics.some((d) => d.code === 'selector-matches-nothing' && d.range.start.line < 11), 'front selects the last Deployment');
  assert.deepEqual(
    last.diagnostics
      .filter((d) => d.range.start.line < 30)
      .map((d) => d.code)
      .sort(),
    ['nodeport-out-of-range', 'selector-matches-nothing'],
  );
  assert.ok(published.every((p) => p.version === 1));
});

test('an edit while a huge file is still being opened: diagnostics of the edited text, none of the stale one after them', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  await client.initialize();
  const uri = 'file:///virtual/huge-edit.yaml';
  const text = bigManifest();
  const published: PublishDiagnosticsParams[] = [];
  const fixed = client.waitForDiagnostics(
    uri,
    (p) => (published.push(p), p.version === 2 && p.diagnostics.some((d) => d.code === 'selector-matches-nothing')),
    60_000,
  );
  client.open(uri, text);
  // nodePort: 80 → 30080, sent before the server can have parsed 1.5 MB.
  client.change(uri, 2, [{ range: { start: { line: 10, character: 16 }, end: { line: 10, character: 18 } }, text: '30080' }]);
  const final = await fixed;
  assert.ok(!final.diagnostics.some((d) => d.code === 'nodeport-out-of-range'), JSON.stringify(codes(final).slice(0, 5)));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const after = published.slice(published.indexOf(final) + 1);
  assert.ok(
    after.every((p) => p.version === 2),
    `published for version ${after.map((p) => p.version).join(', ')} after version 2`,
  );
});
