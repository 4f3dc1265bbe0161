import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { renderTools } from '../kit/renderTools';

const root = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(root, 'dist', 'cli.js');
const FIXTURES = path.join(root, 'test', 'fixtures', 'kustomize');

/** The real helm or kubectl (test/kit/renderTools.ts): a missing one fails the test with what to do. */
const tool = (name: 'helm' | 'kubectl'): string => renderTools()[name];

function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? FIXTURES,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const INLINE_LINE =
  /^shop\/overlays\/inline\/kustomization\.yaml:13:16 error spec\.ports\[0\]\.nodePort: Invalid value: 40000: .*\(rendered with overlay overlays\/inline\) \[nodeport-out-of-range\]$/m;

test('check builds the kustomizations among its inputs and reports on the patch line, naming the overlay', () => {
  const { code, stdout, stderr } = run(['check', 'shop', '--kustomize', tool('kubectl')]);
  assert.equal(code, 1, stderr);
  assert.match(stdout, INLINE_LINE);
  assert.match(stdout, /^shop\/overlays\/out-of-range\/service-nodeport\.yaml:9:17 error spec\.ports\[0\]\.nodePort: Invalid value: 9090/m);
  // The nodeport overlay and the base alone are clean.
  assert.doesNotMatch(stdout, /overlays\/nodeport|shop\/base/);
});

test('JSON, SARIF and GitHub output point at the kustomization line of the inline patch', () => {
  const kubectl = tool('kubectl');
  const json = JSON.parse(run(['check', 'shop/overlays/inline', '--kustomize', kubectl, '--format', 'json']).stdout);
  const file = json.find((entry: { file: string }) => entry.file === 'shop/overlays/inline/kustomization.yaml');
  assert.ok(file, JSON.stringify(json));
  assert.deepEqual(
    file.findings.map((finding: { ruleId: string; line: number; column: number }) => [finding.ruleId, finding.line, finding.column]),
    [['nodeport-out-of-range', 13, 16]],
  );

  const sarif = JSON.parse(run(['check', 'shop/overlays/inline', '--kustomize', kubectl, '--format', 'sarif']).stdout);
  const [result] = sarif.runs[0].results;
  assert.equal(result.ruleId, 'nodeport-out-of-range');
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'shop/overlays/inline/kustomization.yaml');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 13, startColumn: 16, endLine: 13, endColumn: 21 });

  const github = run(['check', 'shop/overlays/inline', '--kustomize', kubectl, '--format', 'github']).stdout;
  assert.match(github, /^::error file=shop\/overlays\/inline\/kustomization\.yaml,line=13,col=16,endLine=13,endColumn=21,title=nodeport-out-of-range::/m);
});

test('--no-render checks the files as they are: the inline patch is not built, so nothing is found', () => {
  const { code, stdout } = run(['check', 'shop/overlays/inline', '--kustomize', tool('kubectl'), '--no-render']);
  assert.equal(code, 0, stdout);
  assert.doesNotMatch(stdout, /nodeport-out-of-range/);
});

test('a failed build is a warning on the entry kustomize names, with its own message', () => {
  const { code, stdout } = run(['check', 'missing', 'remote', '--kustomize', tool('kubectl')]);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /^missing\/kustomization\.yaml:3:5 warning kustomize build failed: accumulating resources: .*'deployment\.yaml'.* \[render-failed\]$/m);
  // The runner allows no network: the remote base is refused, whatever the machine's connection.
  assert.match(
    stdout,
    /^remote\/kustomization\.yaml:3:5 warning kustomize build failed: accumulating resources: .*'https:\/\/git\.example\.invalid\/platform\/bases\/\/web\?ref=v1\.2\.0'.* \[render-failed\]$/m,
  );
});

test('without a renderer: one notice on the kustomization, and the files are still checked as they are', () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'ksl-no-tools-'));
  const { code, stdout } = run(['check', 'shop/overlays/inline'], { env: { PATH: empty } });
  assert.equal(code, 0, stdout);
  assert.match(stdout, /^shop\/overlays\/inline\/kustomization\.yaml:1:1 info .*kustomize.*\[renderer-not-found\]$/m);
});

test('a --kustomize or --helm path that is not an executable file stops the run with a usage error', () => {
  for (const flag of ['--kustomize', '--helm']) {
    const { code, stderr } = run(['check', 'shop', flag, 'no/such/kubectl']);
    assert.equal(code, 2);
    assert.match(stderr, new RegExp(`${flag} no/such/kubectl: not an executable file`));
  }
});

/** A chart whose Service takes its type and node port from values, with (or without) a production values file beside it. */
function chart(prod = true): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-cli-chart-'));
  const files: Record<string, string> = {
    'web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
    'web/values.yaml': 'server:\n  service:\n    type: ClusterIP\n    nodePort: null\n',
    'web/values-prod.yaml': 'server:\n  service:\n    type: NodePort\n    nodePort: 9090\n',
    'web/templates/service.yaml': [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      'spec:',
      '  type: {{ .Values.server.service.type }}',
      '  selector:',
      '    app: web',
      '  ports:',
      '    - port: 80',
      '      {{- with .Values.server.service.nodePort }}',
      '      nodePort: {{ . }}',
      '      {{- end }}',
      '',
    ].join('\n'),
    'web/templates/deployment.yaml': [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  selector:',
      '    matchLabels:',
      '      app: web',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: web',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: nginx',
      '',
    ].join('\n'),
  };
  if (!prod) delete files['web/values-prod.yaml'];
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test('--set flags together are one more render of every chart, as one helm install, and the finding names them', () => {
  const dir = chart(false);
  const plain = run(['check', '.', '--helm', tool('helm')], { cwd: dir });
  assert.equal(plain.code, 0, plain.stdout);
  // The user explainer's mistake: a LoadBalancer with a node port outside the range.
  const { code, stdout } = run(['check', '.', '--helm', tool('helm'), '--set', 'server.service.type=LoadBalancer', '--set=server.service.nodePort=9090'], {
    cwd: dir,
  });
  assert.equal(code, 1, stdout);
  assert.match(
    stdout,
    /error spec\.ports\[0\]\.nodePort: Invalid value: 9090: provided port is not in the valid range.*--set server\.service\.type=LoadBalancer,server\.service\.nodePort=9090.*\[nodeport-out-of-range\]$/m,
  );
  assert.doesNotMatch(stdout, /nodeport-on-clusterip/);
});

test('--values from the working folder or from the chart: the finding goes on the values file line', () => {
  const dir = chart();
  // values-prod.yaml is rendered anyway (a values-*.yaml beside values.yaml); an extra one is named with --values.
  writeFileSync(path.join(dir, 'web', 'staging.yaml'), 'server:\n  service:\n    type: NodePort\n    nodePort: 8080\n');
  for (const values of ['web/staging.yaml', 'staging.yaml']) {
    const { code, stdout } = run(['check', '.', '--helm', tool('helm'), '--values', values], { cwd: dir });
    assert.equal(code, 1, stdout);
    assert.match(stdout, /^web\/staging\.yaml:4:15 error spec\.ports\[0\]\.nodePort: Invalid value: 8080/m, values);
    assert.match(stdout, /^web\/values-prod\.yaml:4:15 error spec\.ports\[0\]\.nodePort: Invalid value: 9090/m, values);
  }
});

test('--values names a file some charts have: the charts without it render as they are', () => {
  const dir = chart(false);
  writeFileSync(path.join(dir, 'web', 'staging.yaml'), 'server:\n  service:\n    type: NodePort\n    nodePort: 8080\n');
  // A second chart without staging.yaml: helm would fail it with "open .../staging.yaml" if it were named.
  for (const name of ['Chart.yaml', 'values.yaml', 'templates/service.yaml', 'templates/deployment.yaml']) {
    mkdirSync(path.dirname(path.join(dir, 'api', name)), { recursive: true });
    writeFileSync(path.join(dir, 'api', name), readFileSync(path.join(dir, 'web', name), 'utf8').replace(/\bweb\b/g, 'api'));
  }
  const { code, stdout } = run(['check', '.', '--helm', tool('helm'), '--values', 'staging.yaml'], { cwd: dir });
  assert.equal(code, 1, stdout);
  assert.match(stdout, /^web\/staging\.yaml:4:15 error spec\.ports\[0\]\.nodePort: Invalid value: 8080/m);
  assert.doesNotMatch(stdout, /render-failed|staging\.yaml: no such file/);
});

test('a kustomization named Kustomization (no extension) is built too', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-kustomization-'));
  cpSync(path.join(FIXTURES, 'shop'), path.join(dir, 'shop'), { recursive: true });
  const overlay = path.join(dir, 'shop', 'overlays', 'out-of-range');
  renameSync(path.join(overlay, 'kustomization.yaml'), path.join(overlay, 'Kustomization'));
  const { code, stdout, stderr } = run(['check', 'shop/overlays/out-of-range', 'shop/base', '--kustomize', tool('kubectl')], { cwd: dir });
  assert.equal(code, 1, stderr);
  assert.match(stdout, /^shop\/overlays\/out-of-range\/service-nodeport\.yaml:9:17 error spec\.ports\[0\]\.nodePort: Invalid value: 9090/m);
});
