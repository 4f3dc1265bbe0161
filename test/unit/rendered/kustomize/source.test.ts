import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { kustomizeSource, overlayName } from '../../../../server/src/rendered/kustomize';
import { describe, memoryFiles, ROOT } from './recorded';

const options = { helmValueSets: [], helmValuesFiles: [] };

test('a folder is a Kustomize source by the three names kustomize reads, and builds once', () => {
  for (const name of ['kustomization.yaml', 'kustomization.yml', 'Kustomization']) assert.ok(kustomizeSource.isRootFile(name), name);
  for (const name of ['kustomization.json', 'Chart.yaml', 'KUSTOMIZATION.yaml']) assert.ok(!kustomizeSource.isRootFile(name), name);
  const dir = path.join(ROOT, 'deploy', 'overlays', 'prod');
  assert.deepEqual(kustomizeSource.variants(dir, ['patch.yaml', 'kustomization.yml'], options), [
    { id: 'build', label: 'overlay overlays/prod', command: { tool: 'kustomize', args: [dir], cwd: dir } },
  ]);
  assert.deepEqual(kustomizeSource.variants(dir, ['patch.yaml'], options), []);
  assert.equal(overlayName('/prod'), 'prod');
  assert.equal(overlayName('C:\\work\\k8s\\base'), 'k8s/base');
});

test('inputs: every local file the build reads, through bases and components, missing ones included, remote ones not', () => {
  const files = {
    'base/kustomization.yml': [
      'resources:',
      '  - service.yaml',
      'configMapGenerator:',
      '  - name: settings',
      '    files:',
      '      - app.properties',
      '      - extra=extra.properties',
      '    envs:',
      '      - settings.env',
      '',
    ].join('\n'),
    'base/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
    'prod/kustomization.yaml': [
      'resources:',
      '  - ../base',
      '  - https://example.invalid/remote.yaml',
      '  - github.com/org/repo//base?ref=v1',
      '  - gone.yaml',
      'components:',
      '  - ../tls',
      'patches:',
      '  - path: patch.yaml',
      'patchesJson6902:',
      '  - target: {kind: Service, name: web}',
      '    path: ops.yaml',
      '',
    ].join('\n'),
    'tls/kustomization.yaml': 'kind: Component\npatchesStrategicMerge:\n  - tls.yaml\n',
  };
  const inputs = kustomizeSource.inputs(path.join(ROOT, 'prod'), memoryFiles(files), () => []).map((file) => path.relative(ROOT, file));
  for (const expected of [
    'prod/kustomization.yaml',
    'base/kustomization.yml',
    'base/service.yaml',
    'base/app.properties',
    'base/extra.properties',
    'base/settings.env',
    'prod/gone.yaml',
    'prod/patch.yaml',
    'prod/ops.yaml',
    'tls/kustomization.yaml',
    'tls/tls.yaml',
  ]) {
    assert.ok(inputs.includes(expected), `${expected} in ${inputs.join(', ')}`);
  }
  // base/kustomization.yaml was looked for before .yml: creating it changes the build (kustomize then refuses two).
  assert.ok(inputs.includes('base/kustomization.yaml'));
  assert.ok(!inputs.some((file) => file.includes('example.invalid') || file.includes('github.com')), inputs.join(', '));
});

test('inputs stop at a cycle and at the depth bound', () => {
  const files = {
    'a/kustomization.yaml': 'resources:\n  - ../b\n',
    'b/kustomization.yaml': 'resources:\n  - ../a\n',
  };
  const inputs = kustomizeSource.inputs(path.join(ROOT, 'a'), memoryFiles(files), () => []);
  assert.deepEqual(
    inputs.map((file) => path.relative(ROOT, file)).filter((file) => file.endsWith('kustomization.yaml')),
    ['a/kustomization.yaml', 'b/kustomization.yaml'],
  );
  const deep: Record<string, string> = {};
  for (let level = 0; level < 100; level++) deep[`l${level}/kustomization.yaml`] = `resources:\n  - ../l${level + 1}\n`;
  assert.ok(kustomizeSource.inputs(path.join(ROOT, 'l0'), memoryFiles(deep), () => []).length < 100);
});

function problemAt(dir: string, files: Record<string, string>, message: string) {
  const rootDir = path.join(ROOT, dir);
  const [variant] = kustomizeSource.variants(rootDir, ['kustomization.yaml'], options);
  const problem = kustomizeSource.problem(rootDir, variant, { reason: 'failed', message }, memoryFiles(files));
  return { ...problem, at: describe(problem.origin, files) };
}

test('a missing file inside a base goes on the base’s entry, following kustomize’s chain of accumulations', () => {
  const files = {
    'prod/kustomization.yaml': 'resources:\n  - ../base\n',
    'base/kustomization.yaml': 'resources:\n  - service.yaml\n  - nothere.yaml\n',
  };
  // Recorded from kubectl kustomize prod (v5.7.1), with the paths of this test's tree.
  const message = `error: accumulating resources: accumulation err='accumulating resources from '../base': '/repo/base' must resolve to a file': recursed accumulation of path '/repo/base': accumulating resources: accumulation err='accumulating resources from 'nothere.yaml': evalsymlink failure on '/repo/base/nothere.yaml' : lstat /repo/base/nothere.yaml: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '/repo/base/nothere.yaml' : lstat /repo/base/nothere.yaml: no such file or directory\n`;
  const problem = problemAt('prod', files, message);
  assert.equal(problem.at, 'base/kustomization.yaml:3: nothere.yaml');
  assert.equal(problem.message, message.trim().slice('error: '.length));
  assert.equal(problem.reason, 'failed');
  assert.equal(problem.origin.via, 'overlay repo/prod');
});

test('a malformed resource goes on the line kustomize names in that file; warnings are left out of the message', () => {
  const files = {
    'app/kustomization.yaml': 'resources:\n  - svc.yaml\n',
    'app/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n spec: {\n',
  };
  const message = `# Warning: 'commonLabels' is deprecated. Please use 'labels' instead.\nerror: accumulating resources: accumulating resources from 'svc.yaml': MalformedYAMLError: yaml: line 4: did not find expected key in File: svc.yaml\n`;
  const problem = problemAt('app', files, message);
  assert.equal(problem.at, 'app/svc.yaml:4: name: x');
  assert.equal(
    problem.message,
    `accumulating resources: accumulating resources from 'svc.yaml': MalformedYAMLError: yaml: line 4: did not find expected key in File: svc.yaml`,
  );
});

test('a missing patch file goes on its entry; an unknown field on its key; anything else on the first key', () => {
  const files = {
    'app/kustomization.yaml': 'namespace: x\nresources:\n  - ../base\npatches:\n  - path: nope.yaml\nresourcez:\n  - y\n',
  };
  const patch =
    "error: trouble configuring builtin PatchTransformer with config: `\npath: nope.yaml\n`: failed to get the patch file from path(nope.yaml): evalsymlink failure on '/repo/app/nope.yaml' : lstat /repo/app/nope.yaml: no such file or directory\n";
  assert.equal(problemAt('app', files, patch).at, 'app/kustomization.yaml:5: nope.yaml');
  assert.equal(problemAt('app', files, 'error: invalid Kustomization: json: unknown field "resourcez"\n').at, 'app/kustomization.yaml:6: resourcez');
  assert.equal(problemAt('app', files, 'error: something else entirely\n').at, 'app/kustomization.yaml:1: namespace');
});
