/**
 * `npm run fuzz`: the long fuzz campaign, against the pure core and against the built server over stdio.
 *
 *   FUZZ_SEED=123        reproduce a run (default: a new seed, printed)
 *   FUZZ_RUNS=5000       inputs per target (default 2000)
 *   FUZZ_SECONDS=600     time budget per target (default 120)
 *   FUZZ_TARGET=core     core | server | both (default both)
 *   FUZZ_TIME_FACTOR=3   widen the per-input time bound on a slow machine
 *   FUZZ_PROGRESS=500    print the input number to stderr every 500 inputs (a long run is otherwise silent)
 *
 * A failure prints fast-check's shrunk counterexample, the invariant it broke and the first failure before shrinking
 * (input number and error), and saves the shrunk counterexample's text under test/fixtures/regressions/, where
 * the regression tests pick it up once the bug is fixed (give it a name that says what it broke).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatStats, runCoreCampaign, runServerCampaign, type CampaignResult } from './campaign';
import { REPO_ROOT } from '../kit/corpus';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const runs = Number(process.env.FUZZ_RUNS ?? 2000);
const seconds = Number(process.env.FUZZ_SECONDS ?? 120);
const target = process.env.FUZZ_TARGET ?? 'both';

function save(label: string, result: CampaignResult): boolean {
  console.log(formatStats(label, result.stats));
  if (!result.failure) return true;
  const dir = path.join(REPO_ROOT, 'test', 'fixtures', 'regressions');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `found-${label}-${seed}.yaml`);
  writeFileSync(file, result.failure.input.text);
  console.error(`\n${label} FAILED (seed ${seed}):\n${result.failure.report}\n\nThe failing input is saved as ${path.relative(REPO_ROOT, file)}.`);
  return false;
}

async function main(): Promise<void> {
  console.log(`fuzz: seed ${seed}, up to ${runs} inputs or ${seconds} s per target (${target})`);
  let ok = true;
  if (target === 'core' || target === 'both') ok = save('core', runCoreCampaign({ seed, runs, seconds })) && ok;
  if (target === 'server' || target === 'both') ok = save('server', await runServerCampaign({ seed, runs, seconds })) && ok;
  process.exitCode = ok ? 0 : 1;
}

void main();
