import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RenderCommand } from '../../../../server/src/rendered/source';
import { describeRenderedValues, renderedValues, templateFieldAt } from '../../../../server/src/rendered/helm/index';
import { CHARTS, read, describeOrigin, findingsOf, lineOf, NO_OPTIONS, renderChart, renderedOf, requireHelm } from './realHelm';

const signal = () => new AbortController().signal;

/** A copy of a fixture chart in a temporary folder, for tests that add files to it. */
function copyChart(name: string): { dir: string; cleanup: () => void } {
  const parent = mkdtempSync(path.join(tmpdir(), 'ksl-helm-'));
  const dir = path.join(parent, name);
  cpSync(path.join(CHARTS, name), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(parent, { recursive: true, force: true }) };
}

test('a chart from `helm create` renders clean: no finding in any of its objects', async () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'ksl-helm-create-'));
  try {
    execFileSync(requireHelm(), ['create', 'mychart'], { cwd: parent });
    const dir = path.join(parent, 'mychart');
    const results = await renderChart(dir);
    assert.equal(results.length, 1);
    const rendered = renderedOf(results, 'values.yaml');
    assert.deepEqual(
      rendered.file.objects.map(({ object }) => object.kind),
      ['Service', 'Deployment'],
      'the test Pod of templates/tests/ is left out (--skip-tests): helm install never creates it',
    );
    assert.deepEqual(
      findingsOf(rendered).map((finding) => `${finding.ruleId}: ${finding.message}`),
      [],
    );
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test("the explainer's --set server.service.type=LoadBalancer,server.service.nodePort=9090 lands on the value set, named in via", async () => {
  const dir = path.join(CHARTS, 'prometheus');
  const commands: RenderCommand[] = [];
  const results = await renderChart(dir, { ...NO_OPTIONS, helmValueSets: ['server.service.type=LoadBalancer,server.service.nodePort=9090'] }, commands);
  assert.deepEqual(findingsOf(renderedOf(results, 'values.yaml')), [], 'values.yaml alone renders a ClusterIP Service without nodePort');
  const rendered = renderedOf(results, '--set server.service.type=LoadBalancer,server.service.nodePort=9090');
  const finding = findingsOf(rendered).find((f) => f.ruleId === 'nodeport-out-of-range');
  assert.ok(finding, 'nodePort 9090 is outside 30000-32767');
  const before = commands.length;
  const origin = await rendered.originOf(finding.start, finding.end, signal());
  // containerPort 9090 in values.yaml holds the same number: the sentinel render tells them apart.
  assert.deepEqual(describeOrigin(dir, origin), { file: 'Chart.yaml', text: 'apiVersion: v2', via: '--set server.service.nodePort=9090' });
  assert.equal(commands.length - before, 0, 'the template writes `{{ .Values.server.service.nodePort }}`: Helm prints that leaf there');
});

test('a value set spelled in .kube-service-lens.yaml above the chart is placed on that line', async () => {
  const { dir, cleanup } = copyChart('prometheus');
  try {
    const project = path.join(path.dirname(dir), '.kube-service-lens.yaml');
    writeFileSync(project, 'helm:\n  valueSets:\n    - server.service.type=LoadBalancer,server.service.nodePort=9090\n');
    const results = await renderChart(dir, { ...NO_OPTIONS, helmValueSets: ['server.service.type=LoadBalancer,server.service.nodePort=9090'] });
    const rendered = renderedOf(results, '--set server.service.type=LoadBalancer,server.service.nodePort=9090');
    const finding = findingsOf(rendered).find((f) => f.ruleId === 'nodeport-out-of-range')!;
    const origin = await rendered.originOf(finding.start, finding.end, signal());
    assert.deepEqual(describeOrigin(path.dirname(dir), origin), {
      file: '.kube-service-lens.yaml',
      text: 'server.service.nodePort=9090',
      via: '--set server.service.nodePort=9090',
    });
  } finally {
    cleanup();
  }
});

test('a value under an unrelated key (exposure.port, through a helper and a variable) is traced into nodePort by sentinels', async () => {
  const dir = path.join(CHARTS, 'exposure');
  const commands: RenderCommand[] = [];
  const rendered = renderedOf(await renderChart(dir, NO_OPTIONS, commands), 'values.yaml');
  const finding = findingsOf(rendered).find((f) => f.ruleId === 'nodeport-out-of-range');
  assert.ok(finding);
  const before = commands.length;
  const origin = await rendered.originOf(finding.start, finding.end, signal());
  assert.equal(commands.length - before, 1, 'one render with both 9090 leaves at their own sentinels tells them apart');
  assert.deepEqual(await rendered.originOf(finding.start, finding.end, signal()), origin);
  assert.equal(commands.length - before, 1, 'the sentinel render is cached');
  // metrics.port is 9090 too and comes first in no order that matters: only exposure.port flows into nodePort.
  assert.deepEqual(describeOrigin(dir, origin), { file: 'values.yaml', text: '9090', via: 'values.yaml' });
  assert.equal(lineOf(origin!), 4, '`  port: 9090` under exposure:, not metrics.port on line 6');
});

test('a mis-indented selector label inside a template lands on the template line that writes it', async () => {
  const dir = path.join(CHARTS, 'misindented');
  const rendered = renderedOf(await renderChart(dir), 'values.yaml');
  const finding = findingsOf(rendered).find((f) => f.ruleId === 'misindented-field');
  assert.ok(finding, 'spec.app is a selector label written beside selector:');
  const origin = await rendered.originOf(finding.start, finding.end, signal());
  assert.deepEqual(describeOrigin(dir, origin), { file: 'templates/service.yaml', text: 'app', via: 'values.yaml' });
  assert.equal(lineOf(origin!), 13);
});

test('values-prod.yaml that makes nodePort 9090 is a variant of its own, and the finding lands on its line', async () => {
  const dir = path.join(CHARTS, 'webapp');
  const results = await renderChart(dir);
  assert.deepEqual(
    results.map((r) => ('rendered' in r ? r.rendered.variant.label : r.problem.message)),
    ['values.yaml', 'values-prod.yaml'],
  );
  assert.deepEqual(findingsOf(renderedOf(results, 'values.yaml')), [], 'nodePort 30007 is in range');
  const prod = renderedOf(results, 'values-prod.yaml');
  const finding = findingsOf(prod).find((f) => f.ruleId === 'nodeport-out-of-range');
  assert.ok(finding);
  const origin = await prod.originOf(finding.start, finding.end, signal());
  assert.deepEqual(describeOrigin(dir, origin), { file: 'values-prod.yaml', text: '9090', via: 'values-prod.yaml' });
  assert.equal(lineOf(origin!), 3);
});

test('a template error is Helm’s own message on the template line it names', async () => {
  const dir = path.join(CHARTS, 'broken');
  const [result] = await renderChart(dir);
  assert.ok('problem' in result);
  const { problem } = result;
  assert.equal(problem.reason, 'failed');
  assert.match(problem.message, /can't evaluate field number in type interface \{\}/);
  assert.doesNotMatch(problem.message, /--debug/, 'advice to rerun helm by hand is dropped');
  assert.deepEqual(describeOrigin(dir, problem.origin), {
    file: 'templates/service.yaml',
    text: '- port: {{ .Values.service.port.number }}',
    via: 'values.yaml',
  });
  assert.equal(lineOf(problem.origin), 9);
});

test('a chart without its dependency in charts/: Helm’s message on the dependency in Chart.yaml, nothing downloaded', async () => {
  const dir = path.join(CHARTS, 'missing-dependency');
  const commands: RenderCommand[] = [];
  const [result] = await renderChart(dir, NO_OPTIONS, commands);
  assert.ok('problem' in result);
  assert.match(result.problem.message, /missing in charts\/ directory: redis/);
  assert.deepEqual(describeOrigin(dir, result.problem.origin), { file: 'Chart.yaml', text: '- name: redis', via: 'values.yaml' });
  assert.ok(
    commands.every((command) => !command.args.some((arg) => /^--(dependency-update|post-renderer|validate|kube-)/.test(arg))),
    'fixed arguments only',
  );
});

test('a literal in the template that a values leaf happens to equal stays on the template line', async () => {
  const dir = path.join(CHARTS, 'prometheus');
  const results = await renderChart(dir, { ...NO_OPTIONS, helmValueSets: ['server.service.type=LoadBalancer,server.service.nodePort=9090'] });
  const rendered = renderedOf(results, '--set server.service.type=LoadBalancer,server.service.nodePort=9090');
  // targetPort: 9090 is written in the template; values hold 9090 twice (containerPort, the value set's nodePort).
  const text = rendered.file.text;
  const at = text.indexOf('targetPort: 9090') + 'targetPort: '.length;
  const origin = await rendered.originOf(at, at + 4, signal());
  assert.deepEqual(describeOrigin(dir, origin), {
    file: 'templates/server-service.yaml',
    text: '9090',
    via: '--set server.service.type=LoadBalancer,server.service.nodePort=9090',
  });
});

test('a cancelled trace gives no origin and leaves nothing cached that would stay cancelled', async () => {
  const dir = path.join(CHARTS, 'exposure');
  const rendered = renderedOf(await renderChart(dir), 'values.yaml');
  const finding = findingsOf(rendered).find((f) => f.ruleId === 'nodeport-out-of-range')!;
  const controller = new AbortController();
  controller.abort();
  assert.equal(await rendered.originOf(finding.start, finding.end, controller.signal), undefined);
  const origin = await rendered.originOf(finding.start, finding.end, signal());
  assert.equal(describeOrigin(dir, origin)?.file, 'values.yaml');
});

test('in a subchart, .Values is its own section: the parent’s override and the subchart’s default each land on their line', async () => {
  const dir = path.join(CHARTS, 'umbrella');
  const rendered = renderedOf(await renderChart(dir), 'values.yaml');
  const places = [];
  for (const finding of findingsOf(rendered).filter((f) => f.ruleId === 'nodeport-out-of-range')) {
    const origin = await rendered.originOf(finding.start, finding.end, signal());
    places.push({ ...describeOrigin(dir, origin), line: lineOf(origin!) });
  }
  assert.deepEqual(places, [
    { file: 'values.yaml', text: '9090', via: 'values.yaml', line: 5 },
    { file: 'charts/backend/values.yaml', text: '8080', via: 'charts/backend/values.yaml', line: 3 },
    { file: 'values.yaml', text: '9090', via: 'values.yaml', line: 2 },
  ]);
});

test('hover on a templated field: what each render makes of it and which values file supplied it', async () => {
  const dir = path.join(CHARTS, 'webapp');
  const template = path.join(dir, 'templates', 'service.yaml');
  const text = read(template)!;
  const field = templateFieldAt(text, text.indexOf('nodePort:'));
  assert.deepEqual(field?.path, ['spec', 'ports', 0, 'nodePort']);
  const renders = (await renderChart(dir)).flatMap((result) => ('rendered' in result ? [result.rendered] : []));
  const values = renderedValues(dir, template, field!.path, field!.valuesKeys, renders, read);
  assert.equal(describeRenderedValues(values), 'renders to 30007 from values.yaml `service.nodePort`; values-prod.yaml makes it 9090');
});
