import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseProjectConfig } from '../../../server/src/service/projectConfig';
import { checkCore } from '../../fuzz/coreCheck';
import { REPO_ROOT } from '../../kit/corpus';
import { analyzeInFreshProcess } from '../../kit/freshProcess';

/**
 * Every input the fuzzer (or a user) found to break the server stays here. See test/fixtures/regressions/README.md
 * for what each one broke and how it was fixed.
 */
const DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'regressions');

for (const name of readdirSync(DIR).filter((n) => /\.ya?ml$/.test(n))) {
  const file = path.join(DIR, name);

  test(`regression ${name}: the core keeps every invariant`, () => {
    checkCore(readFileSync(file, 'utf8'), [0, 4099, 77_777], '', { checkTime: false });
  });

  test(`regression ${name}: parsing and analysing it in a fresh process exits cleanly`, () => {
    const run = analyzeInFreshProcess(file);
    assert.equal(run.status, 0, `exit ${run.status} (${run.signal ?? 'no signal'}):\n${run.stderr.slice(0, 2000)}`);
  });
}

const CONFIGS = path.join(DIR, 'project-config');

for (const name of readdirSync(CONFIGS).filter((n) => /\.ya?ml$/.test(n))) {
  test(`regression project-config/${name}: a hostile .kube-service-lens.yaml becomes one problem, never an exception`, () => {
    const config = parseProjectConfig(readFileSync(path.join(CONFIGS, name), 'utf8'), '.kube-service-lens.yaml');
    assert.equal(config.problems.length, 1, config.problems.join('\n'));
    assert.match(config.problems[0], /^\.kube-service-lens\.yaml: not valid YAML \(/);
    assert.deepEqual(config.severities, {});
  });
}
