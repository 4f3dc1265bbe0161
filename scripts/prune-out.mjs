#!/usr/bin/env node
// Deletes what `tsc -b` emitted into out/ for TypeScript files that no longer exist. tsc never removes an output
// whose source was moved or deleted, so `node --test out/test/unit/` would go on running a test that is gone, and
// compiled code could keep requiring a module the sources no longer have (a stale out/server/src/document/parse.js
// once hid exactly such a broken path).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each project's outDir and rootDir (server/, client/, client/webview/ and test/ tsconfig.json). */
const OUTPUTS = [
  ['out/server/src', 'server/src'],
  ['out/client/src', 'client/src'],
  ['out/client/webview', 'client/webview'],
  ['out/test', 'test'],
];

const EMITTED = /(\.d\.ts\.map|\.d\.ts|\.js\.map|\.js)$/;

function prune(outDir, sourceDir, removed) {
  if (!existsSync(outDir)) return;
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    const out = path.join(outDir, entry.name);
    if (entry.isDirectory()) {
      prune(out, path.join(sourceDir, entry.name), removed);
      if (readdirSync(out).length === 0) rmSync(out, { recursive: true });
      continue;
    }
    if (!EMITTED.test(entry.name)) continue;
    const stem = entry.name.replace(EMITTED, '');
    if (!['.ts', '.tsx', '.mts', '.cts'].some((ext) => existsSync(path.join(sourceDir, stem + ext)))) {
      rmSync(out);
      removed.push(path.relative(root, out));
    }
  }
}

export function pruneOut() {
  const removed = [];
  for (const [outDir, sourceDir] of OUTPUTS) prune(path.join(root, outDir), path.join(root, sourceDir), removed);
  return removed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const removed = pruneOut();
  console.log(removed.length === 0 ? 'out/: nothing stale' : `out/: removed ${removed.length} outputs of deleted sources:\n  ${removed.join('\n  ')}`);
}
