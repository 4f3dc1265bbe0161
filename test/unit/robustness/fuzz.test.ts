import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatStats, runCoreCampaign } from '../../fuzz/campaign';

/**
 * The short, deterministic slice of the fuzz campaign that runs with every `npm test`: a fixed seed, so a failure
 * here reproduces exactly (`FUZZ_SEED=20240611 npm run fuzz` runs the same inputs and more).
 */
test('fuzz (short, fixed seed): random and mutated YAML never breaks the core', () => {
  const { stats, failure } = runCoreCampaign({ seed: 20240611, runs: 200, seconds: 8, slack: 3 });
  console.log(formatStats('core fuzz', stats));
  assert.equal(failure, undefined, failure?.report);
  assert.ok(stats.inputs >= 40, `only ${stats.inputs} inputs ran`);
});
