import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { corpusFolder } from '../kit/corpus';

const root = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(root, 'dist', 'cli.js');

function run(args: string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? root,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; helpUri: string }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number; endLine: number } } }>;
    }>;
  }>;
}

const BAD_SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n    - port: 80\n      nodePort: 80\n';
const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}\n';

test('text output: file:line:col severity message [rule], exit 1 on errors', () => {
  const dir = workspace({ 'svc.yaml': BAD_SERVICE, 'deploy/web.yaml': DEPLOYMENT });
  const { code, stdout } = run(['check', '.'], { cwd: dir });
  assert.equal(code, 1);
  assert.match(
    stdout,
    /^svc\.yaml:9:17 error spec\.ports\[0\]\.nodePort: Invalid value: 80: provided port is not in the valid range\. The range of valid ports is 30000-32767\. Node ports .* \[nodeport-out-of-range\]$/m,
  );
  // The Deployment in another file is seen: no selector warning.
  assert.doesNotMatch(stdout, /selector-matches-nothing/);
  assert.match(stdout, /2 files checked: 1 error/);
});

test("a repository of examples is checked one folder tree at a time: no example is judged with another one's pods", () => {
  // Both examples label their pods app=web; a's pods serve a named port `http` that b's pods lack.
  const example = (name: string, ports: string) => ({
    [`examples/${name}/svc.yaml`]: `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: {app: web}\n  ports:\n    - port: 80\n      targetPort: http\n`,
    [`examples/${name}/deploy.yaml`]: DEPLOYMENT.replace('{name: web}', `{name: ${name}}`).replace('[{containerPort: 80}]', ports),
  });
  const dir = workspace({ ...example('a', '[{name: http, containerPort: 80}]'), ...example('b', '[{name: http, containerPort: 8080}]') });
  const { code, stdout } = run(['check', '--max-warnings', '0', '.'], { cwd: dir });
  assert.equal(code, 0, stdout);
  // Now b's pods lose the name: only b's Service is told, about b's Deployment.
  writeFileSync(
    path.join(dir, 'examples/b/deploy.yaml'),
    DEPLOYMENT.replace('{name: web}', '{name: b}').replace('[{containerPort: 80}]', '[{containerPort: 8080}]'),
  );
  const broken = run(['check', '.'], { cwd: dir });
  const warnings = broken.stdout.split('\n').filter((line) => line.includes('[target-port-not-found]'));
  assert.equal(warnings.length, 1, broken.stdout);
  assert.match(warnings[0], /^examples\/b\/svc\.yaml:8:\d+ warning .*Deployment `b` \(examples\/b\/deploy\.yaml:2\)/);
});

test('exit 0 on a clean manifest; --max-warnings turns warnings into failure', () => {
  const dir = workspace({ 'svc.yaml': BAD_SERVICE.replace('nodePort: 80', 'nodePort: 30080').replace('app: web}', 'app: nothing}'), 'web.yaml': DEPLOYMENT });
  const relaxed = run(['check', 'svc.yaml', 'web.yaml'], { cwd: dir });
  assert.equal(relaxed.code, 0, relaxed.stdout);
  assert.match(relaxed.stdout, /selector-matches-nothing/);
  const strict = run(['check', '--max-warnings', '0', '.'], { cwd: dir });
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /more than --max-warnings 0/);
});

test('--node-port-range and .kube-service-lens.yaml change the verdict; flags beat the file', () => {
  const dir = workspace({
    'svc.yaml': BAD_SERVICE,
    'web.yaml': DEPLOYMENT,
    '.kube-service-lens.yaml': 'nodePortRange: 1-1000\nrules:\n  selector-matches-nothing: off\n',
  });
  assert.equal(run(['check', '.'], { cwd: dir }).code, 0);
  assert.equal(run(['check', '--no-config', '.'], { cwd: dir }).code, 1);
  assert.equal(run(['check', '--node-port-range', '30000-32767', '.'], { cwd: dir }).code, 1);
  const broken = workspace({
    'svc.yaml': BAD_SERVICE,
    '.kube-service-lens.yaml': 'nodePortRange: lots\nrules: {nodeport-out-of-range: loud, nodeport-out-of-rnge: off}\nfoo: 1\n',
  });
  const result = run(['check', '.'], { cwd: broken });
  assert.equal(result.code, 2, 'a broken project file fails the run instead of silently using defaults');
  assert.match(result.stdout, /nodeport-out-of-range/, 'the files are still analysed');
  assert.match(result.stderr, /nodePortRange "lots" is not a range/);
  assert.match(result.stderr, /rules\.nodeport-out-of-range: "loud" is not error/);
  assert.match(result.stderr, /rules\.nodeport-out-of-rnge: no rule has this id/);
  assert.match(result.stderr, /unknown setting "foo"/);
});

test('standard input, globs, and bad inputs each get a clear message while the rest is analysed', () => {
  const fromStdin = run(['check', '-'], { input: BAD_SERVICE });
  assert.equal(fromStdin.code, 1);
  assert.match(fromStdin.stdout, /^<stdin>:9:17 error/m);
  const dir = workspace({ 'a/svc.yaml': BAD_SERVICE, 'b/other.yml': DEPLOYMENT, 'binary.yaml': Buffer.from([0, 1, 2, 255]), 'empty/readme.txt': 'x' });
  const globbed = run(['check', 'a/**/*.yaml', 'missing.yaml', 'empty'], { cwd: dir });
  assert.equal(globbed.code, 2, 'a named input that does not exist is fatal');
  assert.match(globbed.stderr, /missing\.yaml: no such file or folder/);
  assert.match(globbed.stderr, /empty: folder contains no \.yaml or \.yml files/);
  assert.match(globbed.stdout, /^a\/svc\.yaml:9:17 error/m);
  const folder = run(['check', '.'], { cwd: dir });
  assert.match(folder.stderr, /binary\.yaml: skipped, binary content/);
  assert.match(folder.stdout, /2 files checked/);
  assert.equal(run(['check', '--format', 'xml']).code, 2);
  assert.equal(run(['frobnicate']).code, 2);
});

test('a Kustomize patch given alone is known by the kustomization on disk; other files are named by their path', () => {
  const patch = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  sessionAffinity: Sticky\n';
  const dir = workspace({
    'overlay/kustomization.yaml': 'resources: [../base]\npatchesStrategicMerge:\n  - web-patch.yaml\n',
    'overlay/web-patch.yaml': patch,
    'apps/web.yaml': BAD_SERVICE.replace('nodePort: 80', 'nodePort: 30080'),
    'apps/old/web.yaml': BAD_SERVICE.replace('nodePort: 80', 'nodePort: 30080'),
  });
  const alone = run(['check', 'overlay/web-patch.yaml', '--format', 'json'], { cwd: dir });
  const rules = (stdout: string) => (JSON.parse(stdout) as Array<{ findings: Array<{ ruleId: string; message: string }> }>).flatMap((f) => f.findings);
  assert.deepEqual(
    rules(alone.stdout).map((f) => f.ruleId),
    ['session-affinity-invalid'],
  );
  // One folder tree, one application: its two definitions of `web` are one object (sibling folders would not be).
  const both = run(['check', 'apps', '--format', 'json'], { cwd: dir });
  const duplicates = rules(both.stdout).filter((f) => f.ruleId === 'duplicate-object');
  assert.deepEqual(
    duplicates.map((f) => f.message.replace(/\. To the cluster.*/s, '')),
    ['Service `web` is also defined at apps/web.yaml:2', 'Service `web` is also defined at apps/old/web.yaml:2'],
  );
});

test('JSON and GitHub formats', () => {
  const dir = workspace({ 'svc.yaml': BAD_SERVICE, 'web.yaml': DEPLOYMENT });
  const json = JSON.parse(run(['check', '--format', 'json', '.'], { cwd: dir }).stdout);
  const svc = json.find((entry: { file: string }) => entry.file === 'svc.yaml');
  assert.deepEqual(
    svc.findings.map((f: { ruleId: string; line: number; column: number; endColumn: number }) => [f.ruleId, f.line, f.column, f.endColumn]),
    [['nodeport-out-of-range', 9, 17, 19]],
  );
  const github = run(['check', '--format', 'github', '.'], { cwd: dir }).stdout;
  // Run from a subfolder of the checkout, paths are still relative to GITHUB_WORKSPACE, or annotations would not attach.
  mkdirSync(path.join(dir, 'sub'));
  const fromSub = spawnSync(process.execPath, [CLI, 'check', '--format', 'github', '..'], {
    cwd: path.join(dir, 'sub'),
    encoding: 'utf8',
    env: { ...process.env, GITHUB_WORKSPACE: dir },
  });
  assert.match(fromSub.stdout, /^::error file=svc\.yaml,line=9/m);
  assert.match(
    github,
    /^::error file=svc\.yaml,line=9,col=17,endLine=9,endColumn=19,title=nodeport-out-of-range::spec\.ports\[0\]\.nodePort: Invalid value: 80: .*%0A.*$/m,
  );
});

test('SARIF output is valid SARIF 2.1.0 with rule metadata and regions, on the whole real-world corpus', () => {
  const schema = JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The official schema has a pattern that is only valid without the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  const { code, stdout } = run(['check', '--format', 'sarif', corpusFolder('real-world')]);
  assert.equal(code, 1, 'the corpus has files the API server would reject');
  const sarif = JSON.parse(stdout) as SarifLog;
  assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
  const run0 = sarif.runs[0];
  assert.ok(run0.tool.driver.rules.length > 20);
  for (const rule of run0.tool.driver.rules) assert.match(rule.helpUri, new RegExp(`/docs/rules/${rule.id}\\.md$`));
  assert.ok(run0.results.length > 0);
  for (const result of run0.results) {
    const region = result.locations[0].physicalLocation.region;
    assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine, JSON.stringify(result));
    assert.equal(run0.tool.driver.rules[result.ruleIndex].id, result.ruleId);
  }
});

test('the not-Kubernetes corpus gives no findings and exit 0', () => {
  const { code, stdout } = run(['check', corpusFolder('not-kubernetes')]);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /no problems/);
});

test('.gitignore: ignored folders and files stay silent, --no-ignore and naming a file check them', () => {
  const dir = workspace({
    '.gitignore': 'rendered/\n',
    'svc.yaml': BAD_SERVICE.replace('nodePort: 80', 'nodePort: 30080'),
    'web.yaml': DEPLOYMENT,
    'rendered/svc.yaml': BAD_SERVICE,
    'team/.gitignore': '*.local.yaml\n',
    'team/db.local.yaml': BAD_SERVICE,
  });
  const honoured = run(['check', '.'], { cwd: dir });
  assert.equal(honoured.code, 0, honoured.stdout);
  assert.match(honoured.stdout, /^2 files checked, no problems$/m);
  const everything = run(['check', '--no-ignore', '.'], { cwd: dir });
  assert.equal(everything.code, 1);
  assert.match(everything.stdout, /^rendered\/svc\.yaml:9:17 error/m);
  assert.match(everything.stdout, /^team\/db\.local\.yaml:9:17 error/m);
  const named = run(['check', 'rendered/svc.yaml', 'web.yaml'], { cwd: dir });
  assert.equal(named.code, 1);
  assert.match(named.stdout, /^rendered\/svc\.yaml:9:17 error/m);
  // explain indexes the file's folder as check would: a workload only in an ignored folder is not the Service's.
  const explainDir = workspace({ '.gitignore': 'old/\n', 'svc.yaml': BAD_SERVICE.replace('nodePort: 80', 'nodePort: 30007'), 'old/web.yaml': DEPLOYMENT });
  const explained = run(['explain', 'svc.yaml'], { cwd: explainDir });
  assert.equal(explained.code, 0, explained.stderr);
  assert.doesNotMatch(explained.stdout, /Deployment `web`/);
  assert.match(run(['explain', 'svc.yaml'], { cwd: workspace({ 'svc.yaml': BAD_SERVICE, 'old/web.yaml': DEPLOYMENT }) }).stdout, /Deployment `web`/);
});

test('bad usage: one line saying what is wrong, a pointer to the help, exit 2, nothing analysed', () => {
  const cases: Array<[string[], string]> = [
    [['check', '--fromat', 'json'], 'unknown option --fromat'],
    [['check', '.', '--format'], '--format needs a value'],
    [['check', '--no-ignore=1'], '--no-ignore takes no value'],
  ];
  for (const [args, message] of cases) {
    const result = run(args);
    assert.equal(result.code, 2, args.join(' '));
    assert.equal(result.stderr, `kube-service-lens: ${message}\nRun "kube-service-lens help" for usage.\n`);
    assert.equal(result.stdout, '');
  }
});

test('help and version', () => {
  assert.match(run(['help']).stdout, /kube-service-lens check/);
  assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+/);
});

test('explain: the Service path in words with its own numbers, and Mermaid for a README', () => {
  const dir = workspace({ 'svc.yaml': BAD_SERVICE.replace('nodePort: 80', 'nodePort: 30007'), 'web.yaml': DEPLOYMENT });
  const words = run(['explain', 'svc.yaml'], { cwd: dir });
  assert.equal(words.code, 0, words.stderr);
  assert.match(words.stdout, /<NodeIP>:30007/);
  assert.match(words.stdout, /Deployment `web`/);
  assert.doesNotMatch(words.stdout, /command:/, 'no editor command links in a terminal');
  const mermaid = run(['explain', 'svc.yaml', '--mermaid', '--service', 'web'], { cwd: dir });
  assert.match(mermaid.stdout, /^```mermaid\nflowchart /);
  assert.match(mermaid.stdout, /30007/);
  assert.equal(run(['explain', 'svc.yaml', '--service', 'nope'], { cwd: dir }).code, 2);
  assert.equal(run(['explain', 'web.yaml'], { cwd: dir }).code, 2);
});

test('explain: a Service that does not parse is not explained from what the parser recovered', () => {
  // `nodePort` one column short: the parser recovers it as a second port item.
  const broken = BAD_SERVICE.replace('      nodePort: 80', '     nodePort: 30007');
  const dir = workspace({ 'svc.yaml': broken, 'web.yaml': DEPLOYMENT });
  const result = run(['explain', 'svc.yaml'], { cwd: dir });
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /svc\.yaml: the YAML does not parse; `check` shows where/);
});

test('explain: a Service whose selector labels are mis-indented is called so, not a Service without a selector', () => {
  const misindented = BAD_SERVICE.replace('nodePort: 80', 'nodePort: 30007').replace('  selector: {app: web}\n', '  selector:\n  app: web\n');
  const dir = workspace({ 'svc.yaml': misindented, 'web.yaml': DEPLOYMENT });
  const words = run(['explain', 'svc.yaml'], { cwd: dir });
  assert.equal(words.code, 0, words.stderr);
  assert.equal(words.stdout, 'Service `web`: its selector is mis-indented (`check` shows where), so it selects no pods as written.\n');
  assert.doesNotMatch(run(['explain', 'svc.yaml', '--mermaid'], { cwd: dir }).stdout, /No selector/);
});
