import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseProjectConfig } from '../../../server/src/service/projectConfig';
import { checkCore } from '../../fuzz/coreCheck';
import { REPO_ROOT } from '../../kit/corpus';

/**
 * Every input the fuzzer (or a user) found to break the server stays here. See test/fixtures/regressions/README.md
 * for what each one broke and how it was fixed.
 */
const DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'regressions');
const SERVER = path.join(REPO_ROOT, 'out', 'server', 'src');

for (const name of readdirSync(DIR).filter((n) => /\.ya?ml$/.test(n))) {
  const file = path.join(DIR, name);

  test(`regression ${name}: the core keeps every invariant within its time bound`, () => {
    checkCore(readFileSync(file, 'utf8'), [0, 4099, 77_777], '', { slack: 3 });
  });

  // Some crashes depend on the process state (which regular expressions V8 has compiled yet): only a fresh
  // process reproduces them, and such a crash is an abort that no try/catch in this process would survive.
  test(`regression ${name}: parsing and analysing it in a fresh process exits cleanly`, () => {
    const script = `
      const { parseFile } = require(${JSON.stringify(path.join(SERVER, 'document', 'parse'))});
      const { analyzeFile } = require(${JSON.stringify(path.join(SERVER, 'analysis', 'analyze'))});
      const { WorkspaceIndex } = require(${JSON.stringify(path.join(SERVER, 'kubernetes', 'workspace'))});
      const { DEFAULT_SETTINGS } = require(${JSON.stringify(path.join(SERVER, 'analysis', 'settings'))});
      const { ALL_RULES } = require(${JSON.stringify(path.join(REPO_ROOT, 'out', 'server', 'src', 'rules'))});
      const file = parseFile('file:///regression.yaml', require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'));
      const index = new WorkspaceIndex();
      index.set(file);
      analyzeFile(file, index, DEFAULT_SETTINGS, ALL_RULES);
    `;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
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
