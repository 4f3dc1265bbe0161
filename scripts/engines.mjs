// Checks that the Node.js versions this project claims to support (package.json `engines.node`, repeated in the
// README) are versions every locked dependency accepts. npm prints an EBADENGINE warning for each package whose
// `engines.node` excludes the running Node: a claim wider than what the dependencies accept is how the project once
// said "Node 20+" while mermaid and @vscode/vsce required Node 22.
// `node scripts/engines.mjs` prints the findings; `scripts/package.mjs --check` runs the same check.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

/**
 * Problems with the stated Node range, as sentences; empty when every locked package (dependencies and
 * devDependencies, as `npm ci` installs them) accepts every version the range allows, and the README states it.
 */
export function engineProblems(repoRoot) {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8'));
  const ours = pkg.engines?.node;
  if (!ours || !semver.validRange(ours)) return [`package.json engines.node is ${JSON.stringify(ours)}, not a semver range`];

  const problems = [];
  const lockedRoot = lock.packages?.['']?.engines?.node;
  if (lockedRoot !== ours)
    problems.push(`package-lock.json says engines.node ${JSON.stringify(lockedRoot)}, package.json ${JSON.stringify(ours)}: run npm install`);
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    const theirs = entry.engines?.node;
    if (location === '' || theirs === undefined) continue;
    const name = location.replace(/^.*node_modules\//, '');
    if (!semver.validRange(theirs)) {
      problems.push(`${name}@${entry.version} has an engines.node npm cannot read: ${JSON.stringify(theirs)}`);
    } else if (!semver.subset(ours, theirs)) {
      problems.push(`${name}@${entry.version} needs Node ${theirs}, but engines.node "${ours}" also allows other versions`);
    }
  }

  // The quick start and requirements name the lowest supported version, e.g. "Node.js 22.13".
  const lowest = semver.minVersion(ours);
  const stated = `Node.js ${lowest.major}.${lowest.minor}`;
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  if (!readme.includes(stated)) problems.push(`README.md does not state the Node.js requirement as "${stated}"`);
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = engineProblems(process.cwd());
  for (const problem of problems) console.log(`FAIL ${problem}`);
  console.log(`${problems.length === 0 ? 1 : 0} passed, ${problems.length === 0 ? 0 : 1} failed`);
  process.exit(problems.length === 0 ? 0 : 1);
}
