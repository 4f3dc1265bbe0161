import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeFile } from '../../../server/src/analysis/analyze';
import { parseFile, type FileModel } from '../../../server/src/kubernetes/manifest';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { ALL_RULES } from '../../../server/src/rules';
import { REPO_ROOT } from '../../fuzz/corpus';

const KUSTOMIZE = path.join(REPO_ROOT, 'test', 'fixtures', 'hostile', 'kustomize');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The kustomize fixture as a workspace, optionally without its kustomization files; findings per relative path. */
function findings(withKustomizations: boolean): Record<string, string[]> {
  const index = new WorkspaceIndex();
  const files: FileModel[] = [];
  for (const file of filesUnder(KUSTOMIZE)) {
    if (!withKustomizations && path.basename(file) === 'kustomization.yaml') continue;
    const model = parseFile(pathToFileURL(file).href, readFileSync(file, 'utf8'));
    index.set(model);
    files.push(model);
  }
  const result: Record<string, string[]> = {};
  for (const file of files) {
    const name = path.relative(KUSTOMIZE, new URL(file.uri).pathname);
    result[name] = analyzeFile(file, index, DEFAULT_SETTINGS, ALL_RULES).map((f) => `${f.ruleId} ${file.text.slice(f.start, f.end)}`);
  }
  return result;
}

test('Kustomize patches are not judged as whole Services; what they do write is still checked', () => {
  assert.deepEqual(findings(true), {
    'base/kustomization.yaml': [],
    'base/service.yaml': [],
    // Listed under patches: (path:): no "nodePort on a ClusterIP", no "no selector"; the bad port name stays.
    'overlay/patches/node-port.yaml': ['port-name-invalid HTTP'],
    // Listed under patchesStrategicMerge: no "ports required"; the invalid timeout stays.
    'overlay/session-affinity.yaml': ['session-affinity-timeout-invalid 0'],
    // A `$patch: delete` directive marks a patch wherever it is.
    'overlay/delete-metrics.yaml': [],
    // Not listed, but a Service without ports and selector next to a kustomization.
    'overlay/unlisted-partial.yaml': [],
    'overlay/kustomization.yaml': [],
  });
});

test('the same files without their kustomizations are judged as complete objects (what made patches look broken)', () => {
  const judged = findings(false);
  assert.deepEqual(judged['overlay/patches/node-port.yaml'], ['service-without-selector spec', 'port-name-invalid HTTP', 'nodeport-on-clusterip nodePort']);
  assert.deepEqual(judged['overlay/session-affinity.yaml'], ['ports-required spec', 'service-without-selector spec', 'session-affinity-timeout-invalid 0']);
});

test('no rule allowed on partial objects reads other objects', () => {
  for (const rule of ALL_RULES) if (rule.partialSafe) assert.equal(rule.crossResource, false, `${rule.id} reads other objects`);
});
