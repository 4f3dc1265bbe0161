#!/usr/bin/env node
// Runs every test tier in order, streaming each tier's output, and ends with one summary line
// "N passed, N failed" so CI and humans read the same verdict. Any failing tier fails the run.
// `node scripts/test-all.mjs unit cli` runs only those tiers, after the tiers they need (the test build for every
// node:test tier, the bundles for those that start dist/server.js, dist/cli.js or load dist/webview.js).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pruneOut } from './prune-out.mjs';
import { ensureRenderTools } from './render-tools.mjs';

const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const only = process.argv.slice(2);

function reportPruned() {
  const removed = pruneOut();
  if (removed.length > 0) console.log(`removed ${removed.length} files from out/ whose sources are gone`);
}

/**
 * `node --test` arguments for the compiled tests of one folder, listed file by file: Node 20 searches a directory given
 * to --test, Node 22 loads it as a module and fails. Computed when the tier starts, after typecheck has emitted out/.
 */
function nodeTest(folder, ...flags) {
  return () => {
    const dir = path.join('out', 'test', folder);
    const files = existsSync(dir)
      ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
          .filter((file) => file.endsWith('.test.js'))
          .map((file) => path.join(dir, file))
          .sort()
      : [];
    // With no file at all, node --test would hunt for tests in the whole repository instead.
    if (files.length === 0) throw new Error(`no *.test.js under ${dir}: the typecheck tier emits them`);
    return ['--test', '--test-reporter=tap', ...flags, ...files];
  };
}

/**
 * A tier is a command; `tap: true` tiers are node:test runs whose TAP summary we count. `needs` are the tiers whose
 * output it reads: typecheck emits the test build into out/, build bundles dist/. The package tier bundles for
 * production itself; the grammar tier reads syntaxes/ only.
 */
const BUILT = ['typecheck'];
/** Tiers whose tests render charts and overlays with real helm and kubectl: installed into .cache/ first, once. */
let renderTools;
const withRenderTools = () => (renderTools ??= ensureRenderTools());
const BUNDLED = ['typecheck', 'build'];
const tiers = [
  // tsc never deletes the output of a moved or deleted test, which node --test would still run.
  { name: 'typecheck', cmd: npmCmd, args: ['run', '--silent', 'typecheck'], before: reportPruned },
  // ESLint with the layering and import-cycle rules, and the tests of those rules.
  { name: 'lint', cmd: process.execPath, args: ['scripts/lint.mjs'], summary: true },
  { name: 'build', cmd: npmCmd, args: ['run', '--silent', 'build'] },
  { name: 'unit', cmd: process.execPath, args: nodeTest('unit'), tap: true, needs: BUILT, before: withRenderTools },
  { name: 'protocol', cmd: process.execPath, args: nodeTest('protocol', '--test-concurrency=1'), tap: true, needs: BUNDLED, before: withRenderTools },
  { name: 'cli', cmd: process.execPath, args: nodeTest('cli'), tap: true, needs: BUNDLED, before: withRenderTools },
  // Skips itself, with the reason printed, where nvim is not installed.
  { name: 'nvim', cmd: process.execPath, args: nodeTest('nvim'), tap: true, needs: BUNDLED },
  { name: 'webview', cmd: process.execPath, args: nodeTest('webview', '--test-concurrency=1'), tap: true, needs: BUNDLED },
  { name: 'grammar', cmd: process.execPath, args: ['test/grammar/run.mjs'], summary: true },
  { name: 'package', cmd: process.execPath, args: ['scripts/package.mjs', '--check'], summary: true },
  // The working-tree build, the packaged VSIX as installed, and the pair with Red Hat YAML (test/e2e/run-all.mjs).
  { name: 'e2e', cmd: process.execPath, args: ['test/e2e/run-all.mjs'], summary: true, needs: BUNDLED, before: withRenderTools },
];

const unknown = only.filter((name) => !tiers.some((tier) => tier.name === name));
if (unknown.length > 0) {
  console.error(`unknown tier(s): ${unknown.join(', ')}; tiers: ${tiers.map((tier) => tier.name).join(' ')}`);
  process.exit(2);
}
/** The asked-for tiers and what they need, in the order above; every tier when none is named. */
const wanted = new Set(only.flatMap((name) => [name, ...(tiers.find((tier) => tier.name === name).needs ?? [])]));
const selected = only.length === 0 ? tiers : tiers.filter((tier) => wanted.has(tier.name));

function run(tier) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n=== ${tier.name} ===`);
    tier.before?.();
    let args;
    try {
      args = typeof tier.args === 'function' ? tier.args() : tier.args;
    } catch (error) {
      console.error(error.message);
      console.log(`--- ${tier.name}: not started, 0 passed, 1 failed`);
      resolve({ name: tier.name, code: 1, passed: 0, failed: 1 });
      return;
    }
    const child = spawn(tier.cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code) => {
      const counts = { passed: 0, failed: 0 };
      if (tier.tap) {
        counts.passed = Number(/^# pass (\d+)/m.exec(out)?.[1] ?? 0);
        counts.failed = Number(/^# fail (\d+)/m.exec(out)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(out)?.[1] ?? 0);
      } else if (tier.summary) {
        const matches = [...out.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)];
        const last = matches.at(-1);
        if (last) {
          counts.passed = Number(last[1]);
          counts.failed = Number(last[2]);
        }
      } else {
        counts.passed = code === 0 ? 1 : 0;
      }
      if (code !== 0 && counts.failed === 0) counts.failed = 1;
      console.log(`--- ${tier.name}: exit ${code}, ${counts.passed} passed, ${counts.failed} failed, ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve({ name: tier.name, code, ...counts });
    });
  });
}

const results = [];
for (const tier of selected) {
  const result = await run(tier);
  results.push(result);
  // Nothing after a failed build can be trusted.
  if ((tier.name === 'typecheck' || tier.name === 'build') && result.code !== 0) break;
}

console.log('\nTier summary:');
for (const r of results) console.log(`  ${r.name.padEnd(10)} ${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
