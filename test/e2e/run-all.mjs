#!/usr/bin/env node
// The e2e tier: every run of the offline launcher, one after the other (never at once: each starts its own
// code-server and Chromium), each with its own output, then one `N passed, N failed` line over all of them.
//   - the main suite (test/e2e/suite/) with our extension alone;
//   - `--with-redhat`: the pair suite (test/e2e/pair/) next to Red Hat's YAML extension.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const launcher = path.join(path.dirname(fileURLToPath(import.meta.url)), 'launch-code-server.mjs');
const RUNS = [
  { name: 'alone', args: [] },
  { name: 'next to Red Hat YAML', args: ['--with-redhat'] },
];

let passed = 0;
let failed = 0;
for (const run of RUNS) {
  console.log(`[e2e] run: ${run.name}`);
  const { code, summary } = await launch(run.args);
  const counts = /^(\d+) passed, (\d+) failed$/.exec(summary ?? '');
  passed += counts ? Number(counts[1]) : 0;
  // A run that ended without its summary line, or failed without counting a failure, still failed.
  failed += counts ? Number(counts[2]) : 0;
  if (code !== 0 && (!counts || Number(counts[2]) === 0)) failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/** Runs the launcher with its output passed through; resolves with its exit code and its last line. */
function launch(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [launcher, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '';
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk).split('\n');
      pending = lines.pop();
      for (const line of lines) if (line.trim()) last = line.trim();
    });
    // Ctrl-C reaches the launcher too (same process group); it cleans up and exits, and so do we.
    child.on('close', (code) => resolve({ code: code ?? 1, summary: pending.trim() || last }));
  });
}
