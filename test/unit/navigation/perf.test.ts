import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { completeAt } from '../../../server/src/features/completion';
import { inlayHintsIn } from '../../../server/src/features/inlay';
import { definitionAt } from '../../../server/src/features/navigation/definition';
import { referencesAt } from '../../../server/src/features/navigation/references';
import { parseFile, type FileModel } from '../../../server/src/kubernetes/manifest';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { documentSymbols, workspaceSymbols } from '../../../server/src/features/symbols';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';

/**
 * Latency on the 10,000-document benchmark file (bench/generate.mjs: 5,000 Services, each selecting its own
 * Deployment). The medians catch a return of per-request scans over every workload (those cost 10+ ms each here);
 * the p99 bounds are loose because the unit tier runs test files in parallel. bench/run.mjs measures over stdio.
 */
const REPO = path.resolve(__dirname, '..', '..', '..', '..');

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

function measure(offsets: number[], run: (offset: number) => unknown, samples = 200): { p50: number; p99: number } {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const offset = offsets[Math.floor((i * offsets.length) / samples)];
    const start = performance.now();
    run(offset);
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

test('completion, navigation, symbols and inlay hints on 10,000 documents', { timeout: 120_000 }, async () => {
  const { generateManifest } = (await import(pathToFileURL(path.join(REPO, 'bench', 'generate.mjs')).href)) as { generateManifest: (n: number) => string };
  const text = generateManifest(10_000);
  const workspace = new WorkspaceIndex();
  let file: FileModel = parseFile('file:///bench/big.yaml', text);
  workspace.set(file);
  const env = () => ({ uri: file.uri, file, workspace, settings: DEFAULT_SETTINGS });
  const after = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => (m.index as number) + m[0].length);
  // The first request builds the indexes; an edit elsewhere must not make the next one rebuild them.
  completeAt(env(), after(/targetPort: /g)[0]);
  file = parseFile(file.uri, text.replace('name: app-4999\n', 'name: app-4999x\n'), file);
  workspace.set(file);

  documentSymbols(file); // the editor asks for the outline on open, which fills the per-document symbol cache
  const results = {
    'completion targetPort': measure(after(/targetPort: /g), (o) => completeAt(env(), o)),
    'completion selector key': measure(after(/\n {2}selector:\n {4}/g), (o) => completeAt(env(), o)),
    'completion nodePort': measure(after(/nodePort: /g), (o) => completeAt(env(), o)),
    'completion type': measure(after(/\n {2}type: /g), (o) => completeAt(env(), o)),
    'definition targetPort': measure(after(/targetPort: h/g), (o) => definitionAt(env(), o)),
    'definition selector': measure(after(/\n {2}selector:\n {4}a/g), (o) => definitionAt(env(), o)),
    'references containerPort': measure(after(/containerPort: 8/g), (o) => referencesAt(env(), o, true)),
    'inlay hints, one screen': measure(after(/kind: Service\n/g), (o) => inlayHintsIn(env(), o, o + 2000)),
    'workspace symbols': measure([0], () => workspaceSymbols(workspace, 'app-12', 1000), 20),
  };
  // The outline of the whole file after each of 10 edits: only the edited document is read again.
  documentSymbols(file);
  const outline: number[] = [];
  for (let i = 0; i < 10; i++) {
    file = parseFile(file.uri, file.text.replace(`name: app-${4000 + i}\n`, `name: app-${4000 + i}y\n`), file);
    const start = performance.now();
    documentSymbols(file);
    outline.push(performance.now() - start);
  }
  console.log(`document symbols after an edit (10,000 symbols): p50 ${percentile(outline, 50).toFixed(1)} ms`);
  assert.ok(percentile(outline, 50) < 150, 'shifting cached symbols, not re-reading every document');
  console.log(Object.entries(results).map(([name, r]) => `${name}: p50 ${r.p50.toFixed(3)} ms, p99 ${r.p99.toFixed(3)} ms`).join('\n'));
  for (const [name, { p50, p99 }] of Object.entries(results)) {
    assert.ok(p50 < (name === 'workspace symbols' ? 10 : 2), `${name}: median ${p50.toFixed(2)} ms`);
    assert.ok(p99 < 60, `${name}: p99 ${p99.toFixed(2)} ms`);
  }
  assert.equal(completeAt(env(), after(/targetPort: /g)[10]).items.length, 3, 'the probes did real work: http, 8080, 9090');
});
