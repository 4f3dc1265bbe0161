import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findBinary } from '../../../../server/src/node/render/binaries';
import { createRenderRunner } from '../../../../server/src/node/render/runner';
import type { RenderCommand } from '../../../../server/src/rendered/source';
import { renderTools } from '../../../kit/renderTools';

/** A temporary folder with these files; names ending in `*` are executable scripts. Removed after the test. */
function folder(t: { after: (fn: () => void) => void }, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-runner-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name.replace(/\*$/, ''));
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    if (name.endsWith('*')) chmodSync(full, 0o755);
  }
  return dir;
}

const signal = () => new AbortController().signal;
const helm = (args: string[], cwd: string): RenderCommand => ({ tool: 'helm', args, cwd });

test('a renderer that prints too much is stopped and says so', async (t) => {
  const dir = folder(t, { 'helm*': '#!/bin/sh\nyes apiVersion: v1\n' });
  const run = createRenderRunner(() => ({ helmPath: path.join(dir, 'helm') }), { timeoutMs: 10_000, maxOutputBytes: 64 * 1024 });
  const outcome = await run(helm(['template'], dir), signal());
  assert.deepEqual(outcome.ok ? 'ok' : outcome.reason, 'too-large');
});

test('a renderer that takes too long is stopped and says so', async (t) => {
  const dir = folder(t, { 'helm*': '#!/bin/sh\nexec sleep 30\n' });
  const run = createRenderRunner(() => ({ helmPath: path.join(dir, 'helm') }), { timeoutMs: 200, maxOutputBytes: 1024 });
  const started = Date.now();
  const outcome = await run(helm(['template'], dir), signal());
  assert.deepEqual(outcome.ok ? 'ok' : [outcome.reason, outcome.message], ['timeout', 'helm did not finish within 0 s and was stopped.']);
  assert.ok(Date.now() - started < 5000);
});

test('a cancelled render stops its process', async (t) => {
  const dir = folder(t, { 'helm*': '#!/bin/sh\nexec sleep 30\n' });
  const run = createRenderRunner(() => ({ helmPath: path.join(dir, 'helm') }));
  const controller = new AbortController();
  const pending = run(helm(['template'], dir), controller.signal);
  setTimeout(() => controller.abort(), 50);
  const outcome = await pending;
  assert.equal(outcome.ok ? 'ok' : outcome.reason, 'cancelled');
});

test('the renderer sees none of the user environment: no plugins, no kubeconfig, a dead proxy, git limited to files', async (t) => {
  const dir = folder(t, { 'helm*': '#!/bin/sh\nenv\n' });
  process.env.KSL_TEST_SECRET = 'leaked';
  process.env.HELM_PLUGINS = '/home/user/.local/share/helm/plugins';
  t.after(() => {
    delete process.env.KSL_TEST_SECRET;
    delete process.env.HELM_PLUGINS;
  });
  const run = createRenderRunner(() => ({ helmPath: path.join(dir, 'helm') }));
  const outcome = await run(helm(['template'], dir), signal());
  assert.ok(outcome.ok);
  const env = new Map(outcome.stdout.split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  assert.equal(env.get('KSL_TEST_SECRET'), undefined);
  assert.match(env.get('HELM_PLUGINS') ?? '', /kube-service-lens-render-.*\/helm\/plugins$/);
  for (const key of [
    'HELM_CONFIG_HOME',
    'HELM_DATA_HOME',
    'HELM_CACHE_HOME',
    'HELM_REPOSITORY_CONFIG',
    'HELM_REPOSITORY_CACHE',
    'HELM_REGISTRY_CONFIG',
    'KUBECONFIG',
  ]) {
    assert.match(env.get(key) ?? '', /kube-service-lens-render-/, key);
  }
  assert.equal(env.get('HTTPS_PROXY'), 'http://127.0.0.1:9');
  assert.equal(env.get('NO_PROXY'), '');
  assert.equal(env.get('GIT_ALLOW_PROTOCOL'), 'file');
  assert.equal(env.get('GIT_TERMINAL_PROMPT'), '0');
});

test('flags that download, run plugins or reach a cluster are refused before anything runs', async (t) => {
  const dir = folder(t, { 'helm*': '#!/bin/sh\necho ran\n' });
  const run = createRenderRunner(() => ({ helmPath: path.join(dir, 'helm'), kustomizePath: path.join(dir, 'helm') }));
  for (const args of [
    ['template', '--dependency-update'],
    ['template', '--post-renderer', 'x'],
    ['template', '--validate'],
    ['template', '--kube-context=prod'],
  ]) {
    const outcome = await run(helm(args, dir), signal());
    assert.equal(outcome.ok ? 'ok' : outcome.reason, 'refused', args.join(' '));
  }
  for (const flag of ['--enable-alpha-plugins', '--enable-exec', '--enable-helm', '--network', '--load-restrictor=LoadRestrictionsNone']) {
    const outcome = await run({ tool: 'kustomize', args: [flag, dir], cwd: dir }, signal());
    assert.equal(outcome.ok ? 'ok' : outcome.reason, 'refused', flag);
  }
});

test('binaries: the setting wins and is checked; else PATH, kustomize before kubectl', (t) => {
  const dir = folder(t, { 'bin/kubectl*': '#!/bin/sh\n', 'bin/helm*': '#!/bin/sh\n', 'other/kustomize*': '#!/bin/sh\n', 'plain.txt': '' });
  const bin = path.join(dir, 'bin');
  assert.deepEqual(findBinary('kustomize', {}, bin), { found: { path: path.join(bin, 'kubectl'), leadingArgs: ['kustomize'] } });
  assert.deepEqual(findBinary('kustomize', {}, `${path.join(dir, 'other')}${path.delimiter}${bin}`), {
    found: { path: path.join(dir, 'other', 'kustomize'), leadingArgs: ['build'] },
  });
  assert.deepEqual(findBinary('helm', {}, bin), { found: { path: path.join(bin, 'helm'), leadingArgs: [] } });
  assert.match(JSON.stringify(findBinary('helm', {}, path.join(dir, 'other'))), /helm was not found on PATH.*kubeServiceLens\.helm\.path/);
  assert.match(
    JSON.stringify(findBinary('helm', { helmPath: path.join(dir, 'plain.txt') })),
    /kubeServiceLens\.helm\.path is .*not the absolute path of an executable/,
  );
  assert.match(JSON.stringify(findBinary('helm', { helmPath: 'helm' })), /not the absolute path/);
  // A relative PATH entry would find a binary the repository put in the workspace.
  assert.ok('missing' in findBinary('helm', {}, 'bin'));
});

test('real helm: a chart calling lookup renders offline, and lookup finds nothing', async (t) => {
  const tools = renderTools();
  const dir = folder(t, {
    'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
    'chart/templates/cm.yaml':
      '{{- $s := lookup "v1" "Secret" "kube-system" "anything" }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  found: {{ if $s }}"yes"{{ else }}"no"{{ end }}\n',
  });
  const run = createRenderRunner(() => ({ helmPath: tools.helm }));
  const started = Date.now();
  const outcome = await run(helm(['template', 'release', '.'], path.join(dir, 'chart')), signal());
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
  assert.match(outcome.stdout, /found: "no"/);
  assert.ok(Date.now() - started < 5000, 'no network timeout was waited for');
});

test('real helm: a dependency missing from charts/ is an error, never a download', async (t) => {
  const tools = renderTools();
  const dir = folder(t, {
    'chart/Chart.yaml':
      'apiVersion: v2\nname: web\nversion: 0.1.0\ndependencies:\n  - name: redis\n    version: 1.0.0\n    repository: https://charts.example.com\n',
  });
  const outcome = await createRenderRunner(() => ({ helmPath: tools.helm }))(helm(['template', 'release', '.'], path.join(dir, 'chart')), signal());
  assert.equal(outcome.ok, false);
  assert.match(outcome.ok ? '' : outcome.message, /missing in charts\/ directory: redis/);
});

test('real helm: plugins in the user helm home are not run (helm sees an empty plugin folder)', async (t) => {
  const tools = renderTools();
  const dir = folder(t, {
    'plugins/evil/plugin.yaml': 'name: evil\nversion: 0.1.0\nusage: evil\ndescription: evil\ncommand: "$HELM_PLUGIN_DIR/run.sh"\n',
    'plugins/evil/run.sh*': '#!/bin/sh\necho ran > "$HELM_PLUGIN_DIR/ran"\n',
    'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  });
  process.env.HELM_PLUGINS = path.join(dir, 'plugins');
  t.after(() => delete process.env.HELM_PLUGINS);
  const run = createRenderRunner(() => ({ helmPath: tools.helm }));
  // `helm evil` would run the plugin if helm could see it: it cannot.
  const outcome = await run(helm(['evil'], path.join(dir, 'chart')), signal());
  assert.equal(outcome.ok, false);
  assert.match(outcome.ok ? '' : outcome.message, /unknown command "evil"/);
});

test("real kustomize: a remote base fails at once with kustomize's own error, without network", async (t) => {
  const tools = renderTools();
  const dir = folder(t, { 'overlay/kustomization.yaml': 'resources:\n  - github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v5.0.0\n' });
  const run = createRenderRunner(() => ({ kustomizePath: tools.kubectl }));
  const started = Date.now();
  const outcome = await run({ tool: 'kustomize', args: [path.join(dir, 'overlay')], cwd: path.join(dir, 'overlay') }, signal());
  assert.equal(outcome.ok, false);
  assert.match(outcome.ok ? '' : outcome.message, /accumulating resources.*transport 'https' not allowed/s);
  assert.ok(Date.now() - started < 5000);
});
