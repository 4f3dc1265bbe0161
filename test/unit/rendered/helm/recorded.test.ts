/**
 * The Helm kind on recorded `helm template` output and error messages, with an in-memory chart and a stand-in
 * runner: no helm binary needed. realCharts.test.ts runs the same paths with the real helm.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { helmSource, renderedValues, describeRenderedValues, templateFieldAt } from '../../../../server/src/rendered/helm/index';
import type { RenderCommand, RunOutcome, Variant } from '../../../../server/src/rendered/source';
import { offsetOf } from '../../../kit/markers';

const ROOT = '/charts/web';
const FILES: Record<string, string> = {
  '/charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  '/charts/web/values.yaml': 'service:\n  type: NodePort\n  nodePort: 30007\nmetrics:\n  port: 30007\n',
  '/charts/web/values-prod.yaml': 'service:\n  nodePort: 9090\n',
  '/charts/web/templates/service.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  type: {{ .Values.service.type }}\n  ports:\n    - port: 80\n      nodePort: {{ add .Values.service.nodePort 0 }}\n',
  '/charts/web/templates/direct.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: direct\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: "{{ .Values.service.nodePort }}"\n      targetPort: 8080\n',
};
const read = (file: string) => FILES[file];

/** What helm printed for this chart (recorded), with the node port it would have rendered. */
const output = (nodePort: number | string, type = 'NodePort') =>
  `---\n# Source: web/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: release-name-web\nspec:\n  type: ${type}\n  ports:\n    - port: 80\n      nodePort: ${nodePort}\n`;

/** A stand-in for helm: renders the last value any argument gives service.nodePort, as the chart does. */
function fakeHelm(commands: RenderCommand[]) {
  return async (command: RenderCommand): Promise<RunOutcome> => {
    commands.push(command);
    let nodePort: number | string = command.args.some((arg) => arg.includes('values-prod.yaml')) ? 9090 : 30007;
    for (const arg of command.args) {
      const set = /^--set(?:-string)?=service\.nodePort=(.+)$/.exec(arg);
      if (set) nodePort = set[1];
    }
    return { ok: true, stdout: output(nodePort) };
  };
}

const variants = (options = { helmValueSets: [] as string[], helmValuesFiles: [] as string[] }) =>
  helmSource.variants(ROOT, ['Chart.yaml', 'values.yaml', 'values-prod.yaml', 'templates', 'prod.values.yml', 'values.schema.json'], options);

test('variants: values.yaml, each other values file over it, each value set over it, with fixed arguments only', () => {
  const all = variants({ helmValueSets: ['service.nodePort=9090'], helmValuesFiles: ['ci/ci-values.yaml'] });
  assert.deepEqual(
    all.map((variant) => [variant.id, variant.label, variant.command.args.slice(3).join(' ')]),
    [
      ['values.yaml', 'values.yaml', '--skip-tests'],
      ['prod.values.yml', 'prod.values.yml', '--skip-tests --values=/charts/web/prod.values.yml'],
      ['values-prod.yaml', 'values-prod.yaml', '--skip-tests --values=/charts/web/values-prod.yaml'],
      ['ci/ci-values.yaml', 'ci/ci-values.yaml', '--skip-tests --values=/charts/web/ci/ci-values.yaml'],
      ['set service.nodePort=9090', '--set service.nodePort=9090', '--skip-tests --set=service.nodePort=9090'],
    ],
  );
  for (const variant of all) {
    assert.deepEqual(variant.command.args.slice(0, 3), ['template', 'release-name', ROOT]);
    assert.equal(variant.command.tool, 'helm');
  }
  assert.ok(helmSource.isRootFile('Chart.yaml'));
  assert.ok(!helmSource.isRootFile('values.yaml'));
});

test('inputs: Chart.yaml, values files and everything under templates/ and charts/, nothing else', () => {
  const tree: Record<string, string[]> = {
    [ROOT]: ['Chart.yaml', 'Chart.lock', 'values.yaml', 'values-prod.yaml', 'README.md', 'templates', 'charts', 'ci'],
    [`${ROOT}/templates`]: ['service.yaml', '_helpers.tpl', 'tests'],
    [`${ROOT}/templates/tests`]: ['test-connection.yaml'],
    [`${ROOT}/charts`]: ['redis-1.0.0.tgz'],
  };
  assert.deepEqual(
    helmSource.inputs(ROOT, read, (dir) => tree[dir] ?? []),
    [
      'Chart.lock',
      'Chart.yaml',
      'charts/redis-1.0.0.tgz',
      'templates/_helpers.tpl',
      'templates/service.yaml',
      'templates/tests/test-connection.yaml',
      'values-prod.yaml',
      'values.yaml',
    ].map((name) => `${ROOT}/${name}`),
  );
});

const finding = (text: string) => {
  const start = offsetOf(text, 'nodePort: ') + 'nodePort: '.length;
  return { start, end: text.indexOf('\n', start) };
};
const signal = () => new AbortController().signal;

test('origin: the values file of the highest layer that sets the traced leaf, after one sentinel render', async () => {
  const commands: RenderCommand[] = [];
  const prod = variants()[2];
  const rendered = helmSource.interpret(ROOT, prod, output(9090), { read, run: fakeHelm(commands) });
  const { start, end } = finding(rendered.file.text);
  const origin = await rendered.originOf(start, end, signal());
  assert.deepEqual(origin, { uri: 'file:///charts/web/values-prod.yaml', start: 21, end: 25, via: 'values-prod.yaml' });
  assert.equal(FILES['/charts/web/values-prod.yaml'].slice(21, 25), '9090');
  assert.deepEqual(
    commands.map((command) => command.args.at(-1)),
    ['--set=service.nodePort=31401'],
  );
});

test('origin: a leaf holding the same value that the sentinel does not reach is not blamed', async () => {
  const commands: RenderCommand[] = [];
  const base = variants()[0];
  const rendered = helmSource.interpret(ROOT, base, output(30007), { read, run: fakeHelm(commands) });
  const { start, end } = finding(rendered.file.text);
  const origin = await rendered.originOf(start, end, signal());
  // service.nodePort and metrics.port are both 30007; the one named like the field is tried first, both in one render.
  assert.deepEqual(commands[0].args.slice(-2), ['--set=service.nodePort=31401', '--set=metrics.port=31402']);
  assert.equal(FILES['/charts/web/values.yaml'].slice(origin!.start, origin!.end), '30007');
  assert.equal(origin!.start, FILES['/charts/web/values.yaml'].indexOf('30007'), 'service.nodePort, not metrics.port');
});

test('origin: no leaf confirmed, the template line that writes the field; bounded renders', async () => {
  const commands: RenderCommand[] = [];
  // A helm whose output never changes: the value is a literal of the template as far as any sentinel can tell.
  const stubborn = async (command: RenderCommand): Promise<RunOutcome> => {
    commands.push(command);
    return { ok: true, stdout: output(30007) };
  };
  const rendered = helmSource.interpret(ROOT, variants()[0], output(30007), { read, run: stubborn });
  const { start, end } = finding(rendered.file.text);
  const origin = await rendered.originOf(start, end, signal());
  const template = FILES['/charts/web/templates/service.yaml'];
  assert.equal(origin?.uri, 'file:///charts/web/templates/service.yaml');
  assert.equal(template.slice(origin!.start, origin!.end), '{{ add .Values.service.nodePort 0 }}');
  assert.equal(origin?.via, 'values.yaml');
  assert.equal(commands.length, 1, 'an unchanged field under every sentinel at once settles it');
});

test('origin: when sentinel renders fail, single tries are bounded and the template line is the answer', async () => {
  const commands: RenderCommand[] = [];
  const failing = async (command: RenderCommand): Promise<RunOutcome> => {
    commands.push(command);
    return { ok: false, reason: 'failed', message: 'Error: values don\u2019t meet the specifications of the schema' };
  };
  const rendered = helmSource.interpret(ROOT, variants()[0], output(30007), { read, run: failing });
  const origin = await rendered.originOf(finding(rendered.file.text).start, 0, signal());
  assert.equal(origin?.uri, 'file:///charts/web/templates/service.yaml');
  assert.ok(commands.length <= 5, `at most one batch and four single renders, got ${commands.length}`);
});

test('origin: a field written as one .Values reference (quoted here), or as a literal, needs no sentinel render', async () => {
  const commands: RenderCommand[] = [];
  const direct = output(30007).replace('web/templates/service.yaml', 'web/templates/direct.yaml') + '      targetPort: 8080\n';
  const rendered = helmSource.interpret(ROOT, variants()[0], direct, { read, run: fakeHelm(commands) });
  const { start, end } = finding(rendered.file.text);
  const origin = await rendered.originOf(start, end, signal());
  assert.equal(origin?.uri, 'file:///charts/web/values.yaml');
  assert.equal(origin!.start, FILES['/charts/web/values.yaml'].indexOf('30007'));
  const literal = offsetOf(rendered.file.text, '8080');
  const onTemplate = await rendered.originOf(literal, literal + 4, signal());
  assert.equal(FILES['/charts/web/templates/direct.yaml'].slice(onTemplate!.start, onTemplate!.end), '8080');
  assert.equal(commands.length, 0);
});

test('origin: a reference piped through functions that keep its text is direct too; one that changes it is traced', async () => {
  const piped = (value: string) => {
    const files: Record<string, string> = {
      ...FILES,
      '/charts/web/templates/service.yaml': FILES['/charts/web/templates/service.yaml'].replace('{{ add .Values.service.nodePort 0 }}', value),
    };
    const commands: RenderCommand[] = [];
    const rendered = helmSource.interpret(ROOT, variants()[0], output(30007), { read: (file) => files[file], run: fakeHelm(commands) });
    return { rendered, commands };
  };
  for (const value of ['{{ .Values.service.nodePort | default 30000 | quote }}', '{{- $.Values.service.nodePort | toString -}}']) {
    const { rendered, commands } = piped(value);
    const origin = await rendered.originOf(finding(rendered.file.text).start, 0, signal());
    assert.equal(origin?.uri, 'file:///charts/web/values.yaml', value);
    assert.equal(commands.length, 0, value);
  }
  const { rendered, commands } = piped('{{ add .Values.service.nodePort 0 }}');
  await rendered.originOf(finding(rendered.file.text).start, 0, signal());
  assert.equal(commands.length, 1, 'arithmetic is confirmed by a render');
});

test('origin: a key finding (not a value) goes to the template without rendering anything', async () => {
  const commands: RenderCommand[] = [];
  const rendered = helmSource.interpret(ROOT, variants()[0], output(30007), { read, run: fakeHelm(commands) });
  const at = offsetOf(rendered.file.text, 'type:');
  const origin = await rendered.originOf(at, at + 4, signal());
  assert.equal(FILES['/charts/web/templates/service.yaml'].slice(origin!.start, origin!.end), 'type');
  assert.equal(commands.length, 0);
});

test('origin: a value set leaf lands on Chart.yaml’s first line, naming the one assignment', async () => {
  const setVariant = variants({ helmValueSets: ['service.type=LoadBalancer,service.nodePort=9090'], helmValuesFiles: [] }).at(-1)!;
  const rendered = helmSource.interpret(ROOT, setVariant, output(9090, 'LoadBalancer'), { read, run: fakeHelm([]) });
  const origin = await rendered.originOf(finding(rendered.file.text).start, 0, signal());
  assert.deepEqual(origin, { uri: 'file:///charts/web/Chart.yaml', start: 0, end: 14, via: '--set service.nodePort=9090' });
});

test('origin: outside any object, the template’s first line; outside any template, nothing', async () => {
  const rendered = helmSource.interpret(ROOT, variants()[0], output(30007), { read, run: fakeHelm([]) });
  const origin = await rendered.originOf(offsetOf(rendered.file.text, '# Source'), 0, signal());
  assert.deepEqual(origin, { uri: 'file:///charts/web/templates/service.yaml', start: 0, end: 14, via: 'values.yaml' });
  const bare = helmSource.interpret(ROOT, variants()[0], 'apiVersion: v1\nkind: Service\n', { read, run: fakeHelm([]) });
  assert.equal(await bare.originOf(0, 1, signal()), undefined);
});

const problem = (message: string, files: Record<string, string> = FILES) =>
  helmSource.problem(ROOT, variants()[0], { reason: 'failed', message }, (file) => files[file]);
const lineOf = (uri: string, start: number) => (read(new URL(uri).pathname) ?? '').slice(0, start).split('\n').length;

test('problem: Helm 4 and Helm 3 template errors go to the innermost template:line they name', () => {
  const helm4 = problem(
    'Error: web/templates/service.yaml:6:8\n  executing "web/templates/service.yaml" at <include "x" .>:\n    error calling include:\nweb/templates/service.yaml:9:22\n  executing "x" at <.Values.a.b>:\n    nil pointer\n\nUse --debug flag to render out invalid YAML\n',
  );
  assert.equal(helm4.origin.uri, 'file:///charts/web/templates/service.yaml');
  assert.equal(lineOf(helm4.origin.uri, helm4.origin.start), 9);
  assert.equal(FILES['/charts/web/templates/service.yaml'].slice(helm4.origin.start, helm4.origin.end), 'nodePort: {{ add .Values.service.nodePort 0 }}');
  assert.doesNotMatch(helm4.message, /^Error:|--debug/);
  const helm3 = problem('Error: template: web/templates/service.yaml:6:20: executing "web/templates/service.yaml" at <.Values.x>: nil pointer');
  assert.equal(lineOf(helm3.origin.uri, helm3.origin.start), 6);
  const required = problem('Error: execution error at (web/templates/service.yaml:4:12): service.name is required');
  assert.equal(lineOf(required.origin.uri, required.origin.start), 4);
  const parse = problem('Error: parse error at (web/templates/service.yaml:2): function "nope" not defined');
  assert.equal(lineOf(parse.origin.uri, parse.origin.start), 2);
});

test('problem: a YAML error of a rendered template goes to that line of the template, clamped to its end', () => {
  const yaml = problem('Error: YAML parse error on web/templates/service.yaml: error converting YAML to JSON: yaml: line 7: did not find expected key');
  assert.equal(lineOf(yaml.origin.uri, yaml.origin.start), 7);
  const far = problem('Error: YAML parse error on web/templates/service.yaml: error converting YAML to JSON: yaml: line 70: did not find expected key');
  assert.equal(lineOf(far.origin.uri, far.origin.start), 9);
});

test('problem: values and Chart.yaml errors go to their line; a missing dependency to its entry; the rest to Chart.yaml', () => {
  const values = problem(
    'Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 3: did not find expected node content',
  );
  assert.deepEqual([values.origin.uri, lineOf(values.origin.uri, values.origin.start)], ['file:///charts/web/values.yaml', 3]);
  const prod = problem('Error: failed to parse /charts/web/values-prod.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed');
  assert.deepEqual([prod.origin.uri, lineOf(prod.origin.uri, prod.origin.start)], ['file:///charts/web/values-prod.yaml', 2]);
  const chart = {
    ...FILES,
    '/charts/web/Chart.yaml': 'apiVersion: v2\nname: web\ndependencies:\n  - name: postgresql\n    version: 1.0.0\n  - name: "redis"\n',
  };
  const missing = problem('Error: found in Chart.yaml, but missing in charts/ directory: redis', chart);
  assert.equal(chart['/charts/web/Chart.yaml'].slice(missing.origin.start, missing.origin.end), '- name: "redis"');
  const other = problem('Error: something nobody placed');
  assert.deepEqual(other.origin, { uri: 'file:///charts/web/Chart.yaml', start: 0, end: 14, via: 'values.yaml' });
  const notFound = helmSource.problem(ROOT, variants()[0], { reason: 'not-found', message: 'helm was not found' }, read);
  assert.deepEqual([notFound.reason, notFound.message, notFound.origin.start], ['not-found', 'helm was not found', 0]);
});

test('hover: what a templated field renders to in each variant and which values key supplied it', () => {
  const template = FILES['/charts/web/templates/service.yaml'];
  const field = templateFieldAt(template, offsetOf(template, 'nodePort'));
  assert.deepEqual(field?.path, ['spec', 'ports', 0, 'nodePort']);
  assert.deepEqual(field?.valuesKeys, [['service', 'nodePort']]);
  const all: Variant[] = [variants()[0], variants()[2]];
  const renders = [
    helmSource.interpret(ROOT, all[0], output(30007), { read, run: fakeHelm([]) }),
    helmSource.interpret(ROOT, all[1], output(9090), { read, run: fakeHelm([]) }),
  ];
  const values = renderedValues(ROOT, '/charts/web/templates/service.yaml', field!.path, field!.valuesKeys, renders, read);
  assert.deepEqual(values, [
    { variant: 'values.yaml', value: '30007', from: { key: 'service.nodePort', layer: 'values.yaml' } },
    { variant: 'values-prod.yaml', value: '9090', from: { key: 'service.nodePort', layer: 'values-prod.yaml' } },
  ]);
  assert.equal(describeRenderedValues(values), 'renders to 30007 from values.yaml `service.nodePort`; values-prod.yaml makes it 9090');
  assert.equal(describeRenderedValues([]), undefined);
});
