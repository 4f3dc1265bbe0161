import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SelectionIndex, selectionIndex } from '../../../server/src/kubernetes/selectionIndex';
import { parseFile } from '../../../server/src/kubernetes/manifest';
import { namespaceOf, podLabelsOf, selectedWorkloads, selectorMatchesPods, servicesSelecting } from '../../../server/src/kubernetes/selection';
import { oneDefinitionEach, WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { workspace } from '../../kit/workspace';
import { nearestApplication } from '../../../server/src/kubernetes/applications';

/**
 * The index must answer exactly what the linear scans of kubernetes/selection.ts answer, in the same order, however the
 * workspace is made and however it changes: it is only allowed to be faster.
 */

const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'Pod'];
const label = fc.constantFrom('app', 'tier', 'pod-template-hash', 'job-name', 'statefulset.kubernetes.io/pod-name');
const value = fc.constantFrom('web', 'api', 'w0', 'w1-0', '{{ .Values.app }}');
const labels = fc.dictionary(label, value, { maxKeys: 3 });
const namespace = fc.constantFrom(undefined, 'default', 'prod');

const workloadDoc = fc.record({ kind: fc.constantFrom(...KINDS), name: fc.constantFrom('w0', 'w1', 'web'), namespace, labels });
const serviceDoc = fc.record({ name: fc.constantFrom('s0', 's1'), namespace, selector: labels, type: fc.constantFrom('ClusterIP', 'ExternalName') });

function yamlMap(entries: Record<string, string>, indent: number): string {
  const keys = Object.keys(entries);
  if (keys.length === 0) return ' {}';
  return keys.map((k) => `\n${' '.repeat(indent)}${JSON.stringify(k)}: ${JSON.stringify(entries[k])}`).join('');
}

function workloadText(w: { kind: string; name: string; namespace?: string; labels: Record<string, string> }): string {
  const ns = w.namespace ? `\n  namespace: ${w.namespace}` : '';
  const api = w.kind === 'Pod' ? 'v1' : w.kind === 'Job' ? 'batch/v1' : 'apps/v1';
  if (w.kind === 'Pod')
    return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${w.name}${ns}\n  labels:${yamlMap(w.labels, 4)}\nspec:\n  containers:\n    - name: c\n`;
  return `apiVersion: ${api}\nkind: ${w.kind}\nmetadata:\n  name: ${w.name}${ns}\nspec:\n  replicas: 2\n  template:\n    metadata:\n      labels:${yamlMap(w.labels, 8)}\n    spec:\n      containers:\n        - name: c\n`;
}

function serviceText(s: { name: string; namespace?: string; selector: Record<string, string>; type: string }): string {
  const ns = s.namespace ? `\n  namespace: ${s.namespace}` : '';
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${s.name}${ns}\nspec:\n  type: ${s.type}\n  selector:${yamlMap(s.selector, 4)}\n  ports:\n    - port: 80\n`;
}

function assertSameAnswers(workspace: WorkspaceIndex): void {
  const index = selectionIndex(workspace);
  for (const service of workspace.services()) {
    assert.deepEqual(index.selectedBy(service.object, service.uri), selectedWorkloads(service, workspace));
  }
  for (const workload of workspace.workloads()) {
    assert.deepEqual(index.servicesSelecting(workload.object), servicesSelecting(workload.object, workspace));
  }
  // What completion asks: any selector (even none) in any namespace, and the label inventory.
  const fresh = new SelectionIndex(workspace);
  for (const ns of ['default', 'prod']) {
    for (const selector of [{}, { app: 'web' }, { tier: 'api', app: 'web' }, { 'pod-template-hash': 'x' }] as Array<Record<string, string>>) {
      const matches = workspace.workloads().filter((ref) => namespaceOf(ref.object) === ns && selectorMatchesPods(selector, podLabelsOf(ref.object)));
      assert.deepEqual(index.workloadsMatching(selector, ns), oneDefinitionEach(matches), `${ns} ${JSON.stringify(selector)}`);
      // As completion asks from a file: the matches of that file's nearest folder tree.
      for (const near of FILES) {
        const expected = oneDefinitionEach(nearestApplication(near, matches, workspace));
        assert.deepEqual(index.workloadsMatching(selector, ns, near), expected, `${near} ${ns} ${JSON.stringify(selector)}`);
      }
    }
    const inventory = (i: SelectionIndex) =>
      i
        .labelKeys(ns, 100)
        .map((k) => `${k.key}:${k.count}:${k.examples.map((e) => e.object.name).join()}`)
        .sort();
    assert.deepEqual(inventory(index), inventory(fresh));
    for (const key of ['app', 'tier']) {
      const values = (i: SelectionIndex) =>
        i
          .labelValues(ns, key, () => true, 100)
          .values.map((v) => `${v.value}:${v.workloads.length}`)
          .sort();
      assert.deepEqual(values(index), values(fresh));
    }
  }
}

/** Folders nested, side by side, and outside the workspace folder, so every step of applications.ts's walk is taken. */
const FILES = ['file:///w/a/f0.yaml', 'file:///w/a/b/f1.yaml', 'file:///w/c/f2.yaml', 'file:///x/f3.yaml'];

test('answers exactly like the linear scans, across files and folders and after every kind of edit', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(workloadDoc.map(workloadText), serviceDoc.map(serviceText)), { minLength: 1, maxLength: 12 }),
      // Mostly workload for workload, the edit that patches the index in place rather than rebuilding it.
      fc.array(fc.tuple(fc.nat(), fc.oneof({ arbitrary: workloadDoc.map(workloadText), weight: 6 }, serviceDoc.map(serviceText), fc.constant(''))), {
        maxLength: 8,
      }),
      (docs, edits) => {
        const workspace = new WorkspaceIndex();
        workspace.setRoots(['file:///w/']);
        // Several files, so edits of one leave the others' objects as they were.
        const files = FILES.map((_, n) => docs.filter((__, i) => i % FILES.length === n));
        const write = (n: number) => workspace.set(parseFile(FILES[n], files[n].join('---\n'), workspace.get(FILES[n])));
        FILES.forEach((_, n) => write(n));
        assertSameAnswers(workspace);
        for (const [at, replacement] of edits) {
          const file = files[at % FILES.length];
          if (file.length === 0) continue;
          file[at % file.length] = replacement;
          write(at % FILES.length);
          assertSameAnswers(workspace);
        }
      },
    ),
    { numRuns: 200 },
  );
});

test('an edit that leaves the workloads alone reuses the index; a label edit patches it in place', () => {
  const deploy = (app: string) => workloadText({ kind: 'Deployment', name: app, labels: { app } });
  const svc = serviceText({ name: 's0', selector: { app: 'web' }, type: 'ClusterIP' });
  let text = [deploy('web'), deploy('api'), svc].join('---\n');
  const files = workspace({ 'a.yaml': text });
  const service = () => files.index.services()[0].object;
  const index = selectionIndex(files.index);
  assert.equal(index.selectedBy(service(), files.file('a.yaml').uri).length, 1);
  text = text.replace('port: 80', 'port: 81');
  files.edit('a.yaml', text);
  assert.equal(selectionIndex(files.index), index, 'one index per workspace, kept up to date');
  assert.equal(index.selectedBy(service(), files.file('a.yaml').uri).length, 1);
  text = text.replace('app": "api"', 'app": "web"');
  files.edit('a.yaml', text);
  assert.deepEqual(
    index.selectedBy(service(), files.file('a.yaml').uri).map((ref) => ref.chunk.start),
    [0, text.indexOf('---\n')],
  );
});

test('a workload defined in two files is selected once, as the file applied last defines it', () => {
  const deploy = workloadText({ kind: 'Deployment', name: 'web', labels: { app: 'web' } });
  const files = workspace({
    'b.yaml': deploy,
    'a.yaml': deploy,
    'c.yaml': serviceText({ name: 's0', selector: { app: 'web' }, type: 'ClusterIP' }),
  });
  const service = files.index.services()[0];
  assert.deepEqual(
    selectionIndex(files.index)
      .selectedBy(service.object, service.uri)
      .map((ref) => ref.uri),
    ['file:///workspace/b.yaml'],
  );
  assert.deepEqual(
    selectedWorkloads(service, files.index).map((ref) => ref.uri),
    ['file:///workspace/b.yaml'],
  );
  assert.equal(selectionIndex(files.index).servicesSelecting(files.index.workloads()[0].object).length, 1);
});
