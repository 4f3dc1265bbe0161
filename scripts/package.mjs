#!/usr/bin/env node
// Builds the production bundles and packs the VSIX with @vscode/vsce. `--check` also verifies that the
// package holds exactly what ships (no sources, maps, tests or node_modules) and stays within a size budget.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { engineProblems } from './engines.mjs';

const check = process.argv.includes('--check');
// `--keep-vsix` leaves the checked VSIX in its temp dir for the caller (the benchmark unpacks it); else it is removed.
const keep = process.argv.includes('--keep-vsix');
// `--out <file>` writes the VSIX there (the end-to-end tier installs it into code-server) instead of the repo root.
const outArg = process.argv.indexOf('--out');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const vsce = path.join('node_modules', '@vscode', 'vsce', 'vsce');
const outFile =
  outArg > 0
    ? path.resolve(process.argv[outArg + 1])
    : check
      ? path.join(mkdtempSync(path.join(tmpdir(), 'ksl-vsix-')), 'check.vsix')
      : `${pkg.name}-${pkg.version}.vsix`;
const BUDGET_BYTES = 6 * 1024 * 1024;

execFileSync(process.execPath, ['esbuild.mjs', '--production'], { stdio: 'inherit' });
const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { encoding: 'utf8' })
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', outFile], { stdio: check ? 'pipe' : 'inherit' });
const size = statSync(outFile).size;
console.log(`VSIX ${outFile}: ${(size / 1024).toFixed(0)} KiB, ${listing.length} files`);

if (check) {
  const failures = [];
  const forbidden = /(^|\/)(node_modules|test|out|server\/src|client\/src|\.cache)\/|\.ts$|\.map$/;
  for (const file of listing) if (forbidden.test(file)) failures.push(`must not ship: ${file}`);
  // docs/service-types.md: the page the `type` hover's "Compare Service types" command opens.
  for (const required of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/extension.js', 'dist/server.js', 'docs/service-types.md']) {
    if (!listing.includes(required)) failures.push(`missing from the package: ${required}`);
  }
  if (!listing.some((file) => file.startsWith('docs/rules/'))) failures.push('rule docs are missing (diagnostic links point at them)');
  // The Marketplace and the Extensions view show these; a missing icon shows a grey placeholder.
  if (!pkg.icon || !listing.includes(pkg.icon)) failures.push(`the icon (${pkg.icon ?? 'no "icon" in package.json'}) is not in the package`);
  for (const field of ['galleryBanner', 'bugs', 'qna', 'homepage']) if (!pkg[field]) failures.push(`package.json has no "${field}" for the Marketplace page`);
  if (size > BUDGET_BYTES) failures.push(`VSIX is ${size} bytes, over the ${BUDGET_BYTES} byte budget`);
  // Building the package is where the toolchain's Node requirement shows; the stated one must match it.
  failures.push(...engineProblems(process.cwd()));
  for (const failure of failures) console.log(`FAIL ${failure}`);
  console.log(`${failures.length === 0 ? 1 : 0} passed, ${failures.length === 0 ? 0 : 1} failed`);
  if (!keep && outArg < 0) rmSync(path.dirname(outFile), { recursive: true, force: true });
  process.exit(failures.length === 0 ? 0 : 1);
}
