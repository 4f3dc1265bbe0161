import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedFolderDepth } from '../../../server/src/kubernetes/applications';
import { backendsOf, servicesSelecting as servicesOfWorkload } from '../../../server/src/kubernetes/backends';
import { selectedWorkloads, servicesSelecting } from '../../../server/src/kubernetes/selection';
import { selectionIndex } from '../../../server/src/kubernetes/selectionIndex';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { parseFile } from '../../../server/src/kubernetes/manifest';
import { deployment, service } from '../../kit/manifests';
import { uriOf, workspace, type TestWorkspace } from '../../kit/workspace';

const web = (name = 'web') => deployment({ name, labels: { app: 'web' } });
const svc = (name = 'web') => service({ name, selector: { app: 'web' }, ports: [{ port: 80 }] });

/** Where the backends of the Service of `file` live, by both the index and the definition (which must agree). */
function backendFiles(files: TestWorkspace, file: string): string[] {
  const ref = files.index.services().find((r) => r.uri === uriOf(file));
  assert.ok(ref, `no Service in ${file}`);
  const indexed = selectionIndex(files.index).selectedBy(ref.object, ref.uri);
  assert.deepEqual(indexed, selectedWorkloads(ref, files.index));
  return indexed.map((w) => files.index.displayPath(w.uri));
}

/** The files of the Services that select the workload of `file`, by both the index and the definition. */
function selectingFiles(files: TestWorkspace, file: string): string[] {
  const workload = files.index.workloads().find((r) => r.uri === uriOf(file));
  assert.ok(workload, `no workload in ${file}`);
  const indexed = selectionIndex(files.index).servicesSelecting(workload.object);
  assert.deepEqual(indexed, servicesSelecting(workload.object, files.index));
  assert.deepEqual(servicesOfWorkload(workload, files.index), indexed);
  return indexed.map((s) => files.index.displayPath(s.uri));
}

test('sharedFolderDepth: whole folders only, and nothing above the workspace folder', () => {
  const depth = (a: string, b: string, floor?: number) => sharedFolderDepth(`file:///w/${a}`, `file:///w/${b}`, floor);
  assert.equal(depth('apps/web/svc.yaml', 'apps/web/deploy.yaml'), 'file:///w/apps/web/'.length);
  assert.equal(depth('apps/web/svc.yaml', 'apps/web/svc.yaml'), 'file:///w/apps/web/'.length, 'the same file is its own folder');
  assert.equal(depth('apps/web/svc.yaml', 'apps/webhook/deploy.yaml'), 'file:///w/apps/'.length, 'a common name prefix is no folder');
  assert.equal(depth('apps/web/svc.yaml', 'apps/web/deploy/d.yaml'), 'file:///w/apps/web/'.length);
  assert.equal(depth('a/svc.yaml', 'b/d.yaml', 'file:///w/'.length), 'file:///w/'.length, 'the workspace folder itself counts');
  assert.equal(depth('a/svc.yaml', 'b/d.yaml', 'file:///w/a/'.length), 0, 'a folder above the floor is no application');
  assert.equal(sharedFolderDepth('file:///w/a/svc.yaml?x=/w/a/', 'file:///w/a/d.yaml#/w/a/b/'), 'file:///w/a/'.length, 'queries and fragments are no folders');
  assert.equal(sharedFolderDepth('untitled:Untitled-1', 'file:///w/d.yaml'), 0);
});

test("a Service's backends are the matching workloads of its own example folder, not another example's", () => {
  const files = workspace({
    'examples/a/svc.yaml': svc(),
    'examples/a/deploy.yaml': web('web-a'),
    'examples/b/svc.yaml': svc(),
    'examples/b/deploy.yaml': web('web-b'),
  });
  assert.deepEqual(backendFiles(files, 'examples/a/svc.yaml'), ['examples/a/deploy.yaml']);
  assert.deepEqual(backendFiles(files, 'examples/b/svc.yaml'), ['examples/b/deploy.yaml']);
  assert.deepEqual(selectingFiles(files, 'examples/a/deploy.yaml'), ['examples/a/svc.yaml']);
  assert.deepEqual(selectingFiles(files, 'examples/b/deploy.yaml'), ['examples/b/svc.yaml']);
});

test('the walk goes up from the Service folder: a workload in a subfolder or a parent folder is found', () => {
  const below = workspace({ 'apps/web/svc.yaml': svc(), 'apps/web/deploy/d.yaml': web(), 'other/d.yaml': web('elsewhere') });
  assert.deepEqual(backendFiles(below, 'apps/web/svc.yaml'), ['apps/web/deploy/d.yaml']);
  const above = workspace({ 'apps/web/svc.yaml': svc(), 'apps/d.yaml': web(), 'other/d.yaml': web('elsewhere') });
  assert.deepEqual(backendFiles(above, 'apps/web/svc.yaml'), ['apps/d.yaml']);
  assert.deepEqual(selectingFiles(above, 'other/d.yaml'), [], 'the nearer match takes the Service');
});

test('with no match in its own tree, every match of the workspace counts; a Service at the top sees every example', () => {
  const files = workspace({
    'examples/a/deploy.yaml': web('web-a'),
    'examples/b/deploy.yaml': web('web-b'),
    'lone/svc.yaml': svc(),
    'svc.yaml': svc('top'),
  });
  assert.deepEqual(backendFiles(files, 'lone/svc.yaml'), ['examples/a/deploy.yaml', 'examples/b/deploy.yaml']);
  assert.deepEqual(backendFiles(files, 'svc.yaml'), ['examples/a/deploy.yaml', 'examples/b/deploy.yaml']);
  assert.deepEqual(selectingFiles(files, 'examples/a/deploy.yaml'), ['lone/svc.yaml', 'svc.yaml']);
});

test('one object defined in two examples is one object per example: each Service keeps its own definition', () => {
  const files = workspace({
    'examples/a/all.yaml': `${svc()}---\n${web()}`,
    'examples/b/all.yaml': `${svc()}---\n${web()}`,
    'all.yaml': svc('top'),
  });
  // kubectl apply -R -f examples/a applies a's Deployment `web`; b's copy is not part of that application.
  assert.deepEqual(backendFiles(files, 'examples/a/all.yaml'), ['examples/a/all.yaml']);
  assert.deepEqual(backendFiles(files, 'examples/b/all.yaml'), ['examples/b/all.yaml']);
  // From the top, both copies are one object, as applied last.
  assert.deepEqual(backendFiles(files, 'all.yaml'), ['examples/b/all.yaml']);
  // Navigation from either copy still reaches the top Service, whose application holds both definitions.
  assert.deepEqual(selectingFiles(files, 'examples/a/all.yaml'), ['examples/a/all.yaml', 'all.yaml']);
  assert.deepEqual(selectingFiles(files, 'examples/b/all.yaml'), ['examples/b/all.yaml', 'all.yaml']);
});

test('workspace folders bound the walk: another folder of a multi-root workspace counts only as "anywhere"', () => {
  const index = new WorkspaceIndex();
  index.setRoots(['file:///r/one/', 'file:///r/two/']);
  const add = (uri: string, text: string) => index.set(parseFile(uri, text));
  add('file:///r/one/svc.yaml', svc());
  add('file:///r/two/deploy.yaml', web('two'));
  add('file:///r/three/deploy.yaml', web('three'));
  const ref = index.services()[0];
  // Above `one/`, `r/` would prefer `two/` over `three/`; beyond the workspace folder both are just "anywhere".
  assert.deepEqual(
    selectedWorkloads(ref, index).map((w) => w.uri),
    ['file:///r/two/deploy.yaml', 'file:///r/three/deploy.yaml'],
  );
  assert.deepEqual(selectionIndex(index).selectedBy(ref.object, ref.uri), selectedWorkloads(ref, index));
});

test('backendsOf finds the file of a Service it is given without one', () => {
  const files = workspace({ 'a/svc.yaml': svc(), 'a/deploy.yaml': web('a'), 'b/deploy.yaml': web('b') });
  const ref = files.index.services()[0];
  assert.deepEqual(
    backendsOf(ref.object, files.index).map((w) => w.uri),
    [uriOf('a/deploy.yaml')],
  );
  // A Service the workspace does not hold (another render, a file being created) has no folder: every match counts.
  const stray = parseFile('untitled:Untitled-1', svc()).objects[0].object;
  assert.equal(backendsOf(stray as typeof ref.object, files.index).length, 2);
});
