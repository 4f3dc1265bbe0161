import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appliesAfter, objectIdentity, oneDefinitionEach, WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { deployment } from '../../kit/manifests';
import { workspace } from '../../kit/workspace';

test('files are named by their path inside the workspace folder, so two otel.yaml read as two files', () => {
  const index = new WorkspaceIndex();
  index.setRoots(['file:///home/me/project', 'file:///home/me/other/']);
  assert.equal(index.displayPath('file:///home/me/project/apps/otel.yaml'), 'apps/otel.yaml');
  assert.equal(index.displayPath('file:///home/me/project/infra/otel.yaml'), 'infra/otel.yaml');
  assert.equal(index.displayPath('file:///home/me/other/dir%20x/my%20file.yaml'), 'dir x/my file.yaml');
  assert.equal(index.displayPath('file:///tmp/loose.yaml'), '/tmp/loose.yaml', 'outside every folder: the whole path');
  assert.equal(index.displayPath('file:///home/me/projectile/a.yaml'), '/home/me/projectile/a.yaml', 'a folder is not a name prefix');
});

test('one definition per object: the one kubectl apply -R applies last, in walk order', () => {
  const web = deployment({ name: 'web', labels: { app: 'web' } });
  const files = workspace({ 'a/x.yaml': web, 'a-b/x.yaml': web, 'c.yaml': deployment({ name: 'api', labels: { app: 'api' } }) });
  const refs = files.index.workloads();
  const kept = oneDefinitionEach(refs).map((ref) => `${ref.object.name} ${ref.uri}`);
  // Walking `a` before `a-b` (folder names compared, not whole paths): a-b/x.yaml is applied last.
  assert.deepEqual(kept.sort(), ['api file:///workspace/c.yaml', 'web file:///workspace/a-b/x.yaml']);
  const [a, ab] = ['a/x.yaml', 'a-b/x.yaml'].map((name) => refs.find((ref) => ref.uri.endsWith(`/${name}`)));
  assert.ok(a && ab && appliesAfter(ab, a) && !appliesAfter(a, ab));
});

test('the identity of an object: API group, kind, namespace (unset is default) and name', () => {
  const files = workspace({
    'a.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n',
    'b.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: default}\n',
    'c.yaml': 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: web}\n',
    'd.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: prod}\n',
    'e.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {labels: {app: web}}\n',
  });
  const identity = (name: string) => objectIdentity(files.file(name).objects[0].object);
  assert.equal(identity('a.yaml'), identity('b.yaml'));
  assert.notEqual(identity('a.yaml'), identity('c.yaml'), 'a Knative Service is another resource');
  assert.notEqual(identity('a.yaml'), identity('d.yaml'));
  assert.equal(identity('e.yaml'), undefined, 'an object without a name is nothing to compare');
});
