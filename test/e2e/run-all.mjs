#!/usr/bin/env node
// The e2e tier of `npm test`: the launcher once per way the extension reaches a user, one after the other (one
// code-server at a time), and one `N passed, N failed` line summing them, last, as scripts/test-all.mjs reads it.
// - the working-tree build with the full suite (test/e2e/suite/);
// - the packaged VSIX as `code-server --install-extension` installs it, with test/e2e/installed/;
// - `--with-redhat`: the pair suite (test/e2e/pair/) next to Red Hat's YAML extension.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const launcher = path.join(path.dirname(fileURLToPath(import.meta.url)), 'launch-code-server.mjs');
const RUNS = [
  { name: 'working tree', args: [] },
  { name: 'installed VSIX', args: ['--vsix'] },
  { name: 'next to Red Hat YAML', args: ['--with-redhat'] },
];

let passed = 0;
let failed = 0;
for (const run of RUNS) {
  console.log(`[e2e] --- ${run.name} ---`);
  const { code, summary } = await launch(run.args);
  const counts = summary && /^(\d+) passed, (\d+) failed$/.exec(summary);
  passed += counts ? Number(counts[1]) : 0;
  // A launcher that died before its summary, or failed with nothing counted, still fails the tier.
  failed += counts ? Number(counts[2]) : 0;
  if (code !== 0 && (!counts || Number(counts[2]) === 0)) failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/** Runs the launcher, streaming its output; resolves with its exit code and its last non-empty line. */
function launch(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [launcher, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk).slice(-4096);
    });
    child.on('close', (code, signal) => {
      const lines = tail.split('\n').filter((line) => line.trim());
      resolve({ code: code ?? (signal ? 1 : 0), summary: lines.at(-1)?.trim() });
    });
  });
}
