import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { kustomizeSource } from '../../../../server/src/rendered/kustomize';
import { interpretRecorded, memoryFiles, originAt, ROOT } from './recorded';

const files = {
  'base/kustomization.yaml': 'namePrefix: a-\nresources:\n  - service.yaml\n',
  'base/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n',
  'prod/kustomization.yaml': [
    'namespace: prod',
    'resources: [../base]',
    'commonLabels: {team: x}',
    'patches:',
    '  - patch: |-',
    '      - op: add',
    '        path: /spec/ports/-',
    '        value: {port: 443, name: https}',
    '',
  ].join('\n'),
};
const stdout = `apiVersion: v1
kind: Service
metadata:
  labels:
    team: x
  name: a-web
  namespace: prod
spec:
  ports:
  - port: 80
    targetPort: 8080
  - name: https
    port: 443
  selector:
    app: web
    team: x
`;

test('every offset of a rendered build maps to nothing or to characters inside a file of the build', async () => {
  const rendered = interpretRecorded('prod', files, stdout);
  const texts = new Map(Object.entries(files).map(([name, text]) => [new URL(`file://${path.join(ROOT, name)}`).href, text]));
  const signal = new AbortController().signal;
  let placed = 0;
  for (let offset = 0; offset <= stdout.length; offset++) {
    const origin = await rendered.originOf(offset, offset, signal);
    if (!origin) continue;
    placed++;
    const text = texts.get(origin.uri);
    assert.ok(text !== undefined, `${offset}: ${origin.uri}`);
    assert.ok(0 <= origin.start && origin.start <= origin.end && origin.end <= text.length, `${offset}: ${origin.start}-${origin.end}`);
    assert.equal(origin.via, 'overlay repo/prod');
  }
  assert.ok(placed > stdout.length / 2, `${placed} of ${stdout.length} offsets placed`);
  // An operation that appends (`/spec/ports/-`) wrote the last port.
  assert.equal(await originAt(rendered, files, '443'), 'prod/kustomization.yaml:8: 443');
  assert.equal(await originAt(rendered, files, '80'), 'base/service.yaml:7: 80');
});

test('kustomizations that are not what they should be: no exception, and nothing made up', async () => {
  const hostile: Record<string, string> = {
    'a/kustomization.yaml': '- just\n- a list\n',
    'b/kustomization.yaml': 'resources: &r\n  - *r\n',
    'c/kustomization.yaml': `resources:\n${'  - ['.repeat(1)}${'['.repeat(5000)}\n`,
    'd/kustomization.yaml': 'resources: 3\npatches: {path: x}\nlabels: [1, {pairs: 2}]\nimages: [{}]\nreplicas: [{name: web}]\n',
    'e/kustomization.yaml':
      'patches:\n  - target: {name: "(["}\n    patch: |-\n      - op: add\n        path: /spec/type\n        value: NodePort\nresources: [svc.yaml]\n',
    'e/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
  };
  const read = memoryFiles(hostile);
  const signal = new AbortController().signal;
  for (const dir of ['a', 'b', 'c', 'd', 'e', 'missing']) {
    const rootDir = path.join(ROOT, dir);
    assert.ok(Array.isArray(kustomizeSource.inputs(rootDir, read, () => [])), dir);
    const [variant] = kustomizeSource.variants(rootDir, ['kustomization.yaml'], { helmValueSets: [], helmValuesFiles: [] });
    const problem = kustomizeSource.problem(rootDir, variant, { reason: 'failed', message: "accumulating resources from 'x': boom" }, read);
    assert.ok(problem.origin.uri.startsWith('file:'), dir);
    const rendered = kustomizeSource.interpret(rootDir, variant, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n', {
      read,
      run: async () => ({ ok: false, reason: 'refused', message: '' }),
    });
    for (let offset = 0; offset < rendered.file.text.length; offset += 3) await rendered.originOf(offset, offset, signal);
  }
});
