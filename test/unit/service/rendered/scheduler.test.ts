import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../../../server/src/analysis/settings';
import type { RunOutcome } from '../../../../server/src/rendered/source';
import { ALL_RULES } from '../../../../server/src/rules';
import { RenderScheduler } from '../../../../server/src/service/rendered/scheduler';
import { fakeChart, FakeRunner, MemoryDisk, serviceYaml } from './fakeSource';

const VALUES = '/repo/chart/values.yaml';
const CHART = '/repo/chart/Chart.yaml';
const valuesUri = pathToFileURL(VALUES).href;
const chartUri = pathToFileURL(CHART).href;

function setup(disk: MemoryDisk, runner: FakeRunner, settings: AnalysisSettings = DEFAULT_SETTINGS, maxConcurrent = 2) {
  const changes: string[][] = [];
  const scheduler = new RenderScheduler({
    kinds: [fakeChart],
    run: runner.run,
    read: disk.read,
    list: disk.list,
    knownUris: disk.uris,
    settingsFor: () => settings,
    rules: ALL_RULES,
    changed: (uris) => changes.push([...uris]),
    logError: (message) => assert.fail(message),
    debounceMs: 20,
    maxConcurrent,
  });
  return { scheduler, changes };
}

const ok = (stdout: string): RunOutcome => ({ ok: true, stdout });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rules = (findings: readonly { ruleId: string }[]) => findings.map((finding) => finding.ruleId);

test('a rendered finding lands on the values line, naming the variant', async () => {
  const disk = new MemoryDisk({ [CHART]: 'name: web\n', [VALUES]: 'service:\n  nodePort: 9090\n' });
  const { scheduler } = setup(disk, new FakeRunner(() => ok(serviceYaml(9090))));
  await scheduler.settle();
  const [finding] = scheduler.findings(valuesUri, disk.read(VALUES) as string);
  assert.equal(finding.ruleId, 'nodeport-out-of-range');
  assert.equal(disk.read(VALUES)?.slice(finding.start, finding.end), 'nodePort: 9090');
  assert.match(finding.message, /\(rendered with values\.yaml\)$/);
  // Quick fixes edit the file a finding was computed in; this one was computed in the render.
  assert.deepEqual(finding.data, { rendered: true });
});

test('renders wait for changes to settle: three saves in a row render once', async () => {
  const disk = new MemoryDisk({ [CHART]: 'name: web\n', [VALUES]: 'service:\n  nodePort: 9090\n' });
  const runner = new FakeRunner(() => ok(serviceYaml(9090)));
  const { scheduler, changes } = setup(disk, runner);
  scheduler.renderAll();
  for (let i = 0; i < 3; i++) {
    disk.files.set(VALUES, `service:\n  nodePort: ${9090 + i}\n`);
    scheduler.fileChanged(valuesUri);
    await wait(5);
  }
  assert.equal(runner.calls.length, 0, 'nothing runs before the debounce');
  await wait(60);
  await scheduler.settle();
  assert.equal(runner.calls.length, 1);
  assert.ok(changes.some((uris) => uris.includes(valuesUri)));
});

test('a render superseded by a newer change is cancelled, and only the newer one is shown', async () => {
  const disk = new MemoryDisk({ [CHART]: 'name: web\n', [VALUES]: 'service:\n  nodePort: 9090\n' });
  let first = true;
  const runner = new FakeRunner(
    (_args, signal) =>
      new Promise<RunOutcome>((resolve) => {
        if (!first) return resolve(ok(serviceYaml(30080)));
        first = false;
        signal.addEventListener('abort', () => resolve({ ok: false, reason: 'cancelled', message: 'cancelled' }));
      }),
  );
  const { scheduler } = setup(disk, runner);
  scheduler.renderAll();
  await wait(40);
  assert.equal(runner.calls.length, 1, 'the first render is running');
  disk.files.set(VALUES, 'service:\n  nodePort: 30080\n');
  scheduler.fileChanged(valuesUri);
  await wait(40);
  await scheduler.settle();
  assert.equal(runner.calls[0].signal.aborted, true, 'the first render was cancelled');
  assert.deepEqual(scheduler.findings(valuesUri, disk.read(VALUES) as string), [], 'the newer render found nothing wrong');
});

test('unchanged inputs are not rendered again; a changed input is', async () => {
  const disk = new MemoryDisk({ [CHART]: 'name: web\n', [VALUES]: 'service:\n  nodePort: 9090\n' });
  const runner = new FakeRunner(() => ok(serviceYaml(9090)));
  const { scheduler } = setup(disk, runner);
  await scheduler.settle();
  assert.equal(runner.calls.length, 1);
  scheduler.fileChanged(valuesUri); // saved without a change
  await wait(40);
  await scheduler.settle();
  assert.equal(runner.calls.length, 1, 'cache hit on the same content');
  disk.files.set(VALUES, 'service:\n  nodePort: 9091\n');
  scheduler.fileChanged(valuesUri);
  await wait(60);
  assert.equal(runner.calls.length, 2);
});

test('a failed render gives its message and no findings; the variants that rendered still speak', async () => {
  const prod = '/repo/chart/values-prod.yaml';
  const disk = new MemoryDisk({ [CHART]: 'name: web\n', [VALUES]: 'service:\n  nodePort: 9090\n', [prod]: 'service:\n  nodePort: 9090\n' });
  const runner = new FakeRunner((args) =>
    args.includes('values-prod.yaml')
      ? { ok: false, reason: 'failed', message: 'Error: template: web/templates/service.yaml:3:4: boom' }
      : ok(serviceYaml(9090)),
  );
  const { scheduler } = setup(disk, runner);
  await scheduler.settle();
  const onChart = scheduler.findings(chartUri, disk.read(CHART) as string);
  assert.deepEqual(rules(onChart), ['render-failed']);
  assert.match(onChart[0].message, /^helm template failed: Error: template: web\/templates\/service\.yaml:3:4: boom \(rendering with values-prod\.yaml\)$/);
  // Only values.yaml's render has findings: values-prod.yaml's would be a half-rendered chart's.
  const onValues = scheduler.findings(valuesUri, disk.read(VALUES) as string);
  assert.deepEqual(rules(onValues), ['nodeport-out-of-range']);
  assert.match(onValues[0].message, /\(rendered with values\.yaml\)$/);
  assert.equal(scheduler.findings(pathToFileURL(prod).href, disk.read(prod) as string).length, 0);
});

test('the same finding from several variants at one place is shown once, naming each', async () => {
  const disk = new MemoryDisk({ [CHART]: 'name: web\n', [VALUES]: 'service:\n  nodePort: 9090\n', ['/repo/chart/values-b.yaml']: 'x: 1\n' });
  // values-b.yaml sets no node port: both variants take it from values.yaml's line.
  const { scheduler } = setup(disk, new FakeRunner(() => ok(serviceYaml(9090))));
  await scheduler.settle();
  const findings = scheduler.findings(valuesUri, disk.read(VALUES) as string);
  assert.deepEqual(rules(findings), ['nodeport-out-of-range']);
  assert.match(findings[0].message, /\(rendered with values-b\.yaml, values\.yaml\)$/);
});

test('no binary: one Information on Chart.yaml naming what to install, however many variants', async () => {
  const disk = new MemoryDisk({ [CHART]: 'name: web\n', [VALUES]: 'a: 1\n', ['/repo/chart/values-prod.yaml']: 'a: 2\n' });
  const runner = new FakeRunner(() => ({ ok: false, reason: 'not-found', message: 'helm was not found on PATH: install Helm' }));
  const { scheduler } = setup(disk, runner);
  await scheduler.settle();
  const findings = scheduler.findings(chartUri, disk.read(CHART) as string);
  assert.deepEqual(
    findings.map((finding) => [finding.ruleId, finding.severity, finding.message, finding.start, finding.end]),
    [['renderer-not-found', 'information', 'helm was not found on PATH: install Helm', 0, 'name: web'.length]],
  );
  assert.equal(scheduler.coverage(valuesUri).helmRendered, false, 'plain analysis keeps speaking for the chart');
});

test('at most two renderer processes run at once', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 5; i++) {
    files[`/repo/c${i}/Chart.yaml`] = 'name: c\n';
    files[`/repo/c${i}/values.yaml`] = 'a: 1\n';
  }
  const disk = new MemoryDisk(files);
  const runner = new FakeRunner(async () => {
    await wait(10);
    return ok('');
  });
  const { scheduler } = setup(disk, runner);
  await scheduler.settle();
  assert.equal(runner.calls.length, 5);
  assert.equal(runner.mostAtOnce, 2);
});

test('findings are shown only on the text they were placed in: an unsaved edit hides them until the next render', async () => {
  const disk = new MemoryDisk({ [CHART]: 'name: web\n', [VALUES]: 'service:\n  nodePort: 9090\n' });
  const { scheduler } = setup(disk, new FakeRunner(() => ok(serviceYaml(9090))));
  await scheduler.settle();
  assert.equal(scheduler.findings(valuesUri, 'service:\n  nodePort: 9090\n').length, 1);
  assert.equal(scheduler.findings(valuesUri, '# edited\nservice:\n  nodePort: 9090\n').length, 0);
});

test('not allowed (an untrusted workspace): nothing runs and earlier results are dropped', async () => {
  const disk = new MemoryDisk({ [CHART]: 'name: web\n', [VALUES]: 'service:\n  nodePort: 9090\n' });
  const runner = new FakeRunner(() => ok(serviceYaml(9090)));
  const { scheduler } = setup(disk, runner);
  await scheduler.settle();
  assert.equal(scheduler.findings(valuesUri, disk.read(VALUES) as string).length, 1);
  scheduler.setAllowed(false);
  assert.equal(scheduler.findings(valuesUri, disk.read(VALUES) as string).length, 0);
  disk.files.set(VALUES, 'service:\n  nodePort: 9091\n');
  scheduler.fileChanged(valuesUri);
  await wait(40);
  await scheduler.settle();
  assert.equal(runner.calls.length, 1, 'no render while not allowed');
});

test('render.enabled: false renders nothing in that folder', async () => {
  const disk = new MemoryDisk({ [CHART]: 'name: web\n', [VALUES]: 'a: 1\n' });
  const runner = new FakeRunner(() => ok(''));
  const { scheduler } = setup(disk, runner, { ...DEFAULT_SETTINGS, render: { ...DEFAULT_SETTINGS.render, enabled: false } });
  await scheduler.settle();
  assert.equal(runner.calls.length, 0);
});

test('a render under way when trust is withdrawn is cancelled and publishes nothing', async () => {
  const disk = new MemoryDisk({ [CHART]: 'name: web\n', [VALUES]: 'service:\n  nodePort: 9090\n' });
  const runner = new FakeRunner(
    (_args, signal) =>
      new Promise<RunOutcome>((resolve) => {
        const timer = setTimeout(() => resolve(ok(serviceYaml(9090))), 200);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve({ ok: false, reason: 'cancelled', message: 'cancelled' });
        });
      }),
  );
  const { scheduler } = setup(disk, runner);
  const settled = scheduler.settle();
  await wait(20);
  scheduler.setAllowed(false);
  await settled;
  assert.equal(runner.calls[0].signal.aborted, true);
  assert.deepEqual(scheduler.findings(valuesUri, disk.read(VALUES) as string), []);
});

test('a render stopped for time is tried again at the next save, even without a change', async () => {
  const disk = new MemoryDisk({ [CHART]: 'name: web\n', [VALUES]: 'a: 1\n' });
  const runner = new FakeRunner(() => ({ ok: false, reason: 'timeout', message: 'helm did not finish within 15 s and was stopped.' }));
  const { scheduler } = setup(disk, runner);
  await scheduler.settle();
  assert.deepEqual(rules(scheduler.findings(chartUri, disk.read(CHART) as string)), ['render-failed']);
  scheduler.fileChanged(valuesUri);
  await wait(60);
  assert.equal(runner.calls.length, 2);
});
