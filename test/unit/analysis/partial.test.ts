import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeFile } from '../../../server/src/analysis/analyze';
import { ALL_RULES } from '../../../server/src/rules';
import { cachedFileReader } from '../../../server/src/node/files';
import { REPO_ROOT } from '../../kit/corpus';
import { workspace } from '../../kit/workspace';

const KUSTOMIZE = path.join(REPO_ROOT, 'test', 'fixtures', 'hostile', 'kustomize');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The kustomize fixture as a workspace, optionally without its kustomization files; findings per relative path. */
function findings(withKustomizations: boolean): Record<string, string[]> {
  const paths = filesUnder(KUSTOMIZE).filter((file) => withKustomizations || path.basename(file) !== 'kustomization.yaml');
  const files = workspace(Object.fromEntries(paths.map((file) => [pathToFileURL(file).href, readFileSync(file, 'utf8')])));
  const result: Record<string, string[]> = {};
  for (const file of paths) {
    const { file: model, workspace: index, settings } = files.env(pathToFileURL(file).href);
    result[path.relative(KUSTOMIZE, file)] = analyzeFile(model, index, settings, ALL_RULES).map((f) => `${f.ruleId} ${model.text.slice(f.start, f.end)}`);
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
  // Without kustomizations nothing says the overlay's Service is a patch: it is a second definition of the base's.
  assert.deepEqual(judged['overlay/patches/node-port.yaml'], [
    'duplicate-object web',
    'service-without-selector spec',
    'port-name-invalid HTTP',
    'nodeport-on-clusterip nodePort',
  ]);
  assert.deepEqual(judged['overlay/session-affinity.yaml'], [
    'duplicate-object web',
    'ports-required spec',
    'service-without-selector spec',
    'session-affinity-timeout-invalid 0',
  ]);
});

test('a patch opened on its own is known by the kustomization on disk next to it or a few folders up', () => {
  for (const [patch, expected] of [
    ['overlay/session-affinity.yaml', ['session-affinity-timeout-invalid 0']],
    // Listed by overlay/kustomization.yaml as patches/node-port.yaml: found one folder up.
    ['overlay/patches/node-port.yaml', ['port-name-invalid HTTP']],
    ['overlay/unlisted-partial.yaml', []],
  ] as const) {
    const uri = pathToFileURL(path.join(KUSTOMIZE, patch)).href;
    const alone = workspace({ [uri]: readFileSync(path.join(KUSTOMIZE, patch), 'utf8') });
    const { file, workspace: index, settings } = alone.env(uri);
    index.readOutside = cachedFileReader();
    assert.deepEqual(
      analyzeFile(file, index, settings, ALL_RULES).map((f) => `${f.ruleId} ${file.text.slice(f.start, f.end)}`),
      expected,
      patch,
    );
  }
});

test('no rule allowed on partial objects reads other objects', () => {
  for (const rule of ALL_RULES) if (rule.partialSafe) assert.equal(rule.crossResource, false, `${rule.id} reads other objects`);
});
