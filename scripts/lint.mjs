#!/usr/bin/env node
// `npm run lint` (a tier of `npm test`): ESLint over the repository, including the layering and import-cycle
// rules of lint/, then the tests that prove those rules report what they should. Ends with "N passed, N failed"
// (one per step) and exits 1 when a step fails.
//
//   node scripts/lint.mjs                  ESLint + the rules' tests
//   node scripts/lint.mjs --check-format   also `prettier --check .` (what CHECK_FORMAT turns on for good)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

// Off until the tree has been formatted once with `npm run format`; then true, so unformatted code fails lint.
const CHECK_FORMAT = true;

const repoRoot = path.resolve(import.meta.dirname, '..');
const bin = (...parts) => path.join(repoRoot, 'node_modules', ...parts);
const ruleTests = readdirSync(path.join(repoRoot, 'test', 'lint'))
  .filter((name) => name.endsWith('.test.mjs'))
  .map((name) => path.join('test', 'lint', name));
const steps = [
  { name: 'eslint', args: [bin('eslint', 'bin', 'eslint.js'), '--max-warnings', '0', '.'] },
  // Files by name: Node 20 takes no globs after --test, and Node 22 takes no directories.
  { name: 'lint rules', args: ['--test', ...ruleTests] },
];
if (CHECK_FORMAT || process.argv.includes('--check-format')) steps.push({ name: 'prettier', args: [bin('prettier', 'bin', 'prettier.cjs'), '--check', '.'] });

let failed = 0;
for (const step of steps) {
  const started = Date.now();
  const { status, error } = spawnSync(process.execPath, step.args, { cwd: repoRoot, stdio: 'inherit' });
  if (error) console.error(error.message);
  if (status !== 0) failed++;
  console.log(`lint: ${step.name} ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log(`${steps.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
