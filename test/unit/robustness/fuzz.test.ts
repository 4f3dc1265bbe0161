import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatStats, runCoreCampaign } from '../../fuzz/campaign';

/**
 * The short, deterministic slice of the fuzz campaign that runs with every `npm test`: a fixed seed and a fixed
 * number of inputs, so a failure here reproduces exactly (`FUZZ_SEED=20240611 npm run fuzz` runs the same inputs
 * and more, with the time bound). No time limit or bound here: on a busy machine fewer inputs would run, or slow
 * ones would fail, and the verdict would depend on the load.
 */
const RUNS = 100;

test('fuzz (short, fixed seed): random and mutated YAML never breaks the core', { timeout: 600_000 }, () => {
  const { stats, failure } = runCoreCampaign({ seed: 20240611, runs: RUNS, checkTime: false });
  console.log(formatStats('core fuzz', stats));
  assert.equal(failure, undefined, failure?.report);
  assert.equal(stats.inputs, RUNS);
});
