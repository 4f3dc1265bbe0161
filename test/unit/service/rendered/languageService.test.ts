import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../../../server/src/service/languageService';
import { fakeChart, FakeRunner, serviceYaml } from './fakeSource';

test('the service: rendered findings join a file’s own after a render, announced for the files they concern', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-service-render-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'chart'));
  const files = { 'chart/Chart.yaml': 'name: web\n', 'chart/values.yaml': 'service:\n  nodePort: 9090\n' };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const runner = new FakeRunner(() => ({ ok: true, stdout: serviceYaml(9090) }));
  const service = new LanguageService({ root: pathToFileURL(dir).href, render: { run: runner.run, kinds: [fakeChart], debounceMs: 10 } });
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  for (const [name, text] of Object.entries(files)) service.setFile(uri(name), text, { announce: false });
  const values = service.file(uri('chart/values.yaml'));
  assert.ok(values);

  // Before any render, the values file has its plain findings only, and nothing ran.
  const plain = service.findings(values).map((f) => f.ruleId);
  assert.deepEqual(plain, ['helm-values-nodeport-out-of-range']);
  assert.equal(runner.calls.length, 0);

  const announced = new Promise<readonly string[]>((resolve) => service.onDidChangeRendered(resolve));
  service.renderWorkspace();
  assert.ok((await announced).includes(uri('chart/values.yaml')));
  assert.deepEqual(
    service.findings(values).map((f) => f.ruleId),
    ['nodeport-out-of-range'],
    'the render answers for the values file instead of the heuristic',
  );

  // The CLI's way: render everything and wait, then every file's findings.
  const all = await service.renderAndCheck();
  assert.deepEqual(
    all.get(uri('chart/values.yaml'))?.map((f) => f.ruleId),
    ['nodeport-out-of-range'],
  );
  assert.equal(runner.calls.length, 1, 'unchanged inputs were not rendered again');
});
