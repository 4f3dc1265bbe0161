import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { analyzeFile } from '../../server/src/analysis/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/analysis/settings';
import { parseFile } from '../../server/src/kubernetes/manifest';
import { WorkspaceIndex } from '../../server/src/kubernetes/workspace';
import { ALL_RULES } from '../../server/src/rules';

/**
 * Parses and analyses the YAML file at `path` in a new Node process (this module run as a script). Some crashes
 * depend on the process state (which regular expressions V8 has compiled yet): only a fresh process reproduces
 * them, and such a crash is an abort that no try/catch in the test's own process would survive.
 */
export function analyzeInFreshProcess(path: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [__filename, path], { encoding: 'utf8', timeout: 60_000 });
}

if (require.main === module) {
  const file = parseFile('file:///fresh-process.yaml', readFileSync(process.argv[2], 'utf8'));
  const index = new WorkspaceIndex();
  index.set(file);
  analyzeFile(file, index, DEFAULT_SETTINGS, ALL_RULES);
}
