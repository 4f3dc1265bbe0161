import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { renderTools } from '../kit/renderTools';

// `explain` on a chart's template renders the chart with the real helm and explains the Service it renders.

const CLI = path.join(path.resolve(__dirname, '..', '..', '..'), 'dist', 'cli.js');

const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  'chart/values.yaml': 'server:\n  service:\n    type: NodePort\n    nodePort: 30007\n',
  'chart/values-prod.yaml': 'server:\n  service:\n    nodePort: 9090\n',
  'chart/templates/service.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  type: {{ .Values.server.service.type }}\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n      nodePort: {{ .Values.server.service.nodePort }}\n',
  'chart/templates/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          ports:\n            - containerPort: 8080\n',
};

function chart(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-cli-explain-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(CHART)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function explain(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'explain', ...args, '--helm', renderTools().helm], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('explain chart/templates/service.yaml: the rendered Service, its node port and the Deployment the render selects', (t) => {
  const dir = chart(t);
  const words = explain(dir, ['chart/templates/service.yaml']);
  assert.equal(words.code, 0, words.stderr);
  assert.match(words.stdout, /^Rendered with values\.yaml:/);
  assert.match(words.stdout, /30007/);
  assert.match(words.stdout, /release-name-web/);
  assert.doesNotMatch(words.stdout, /\{\{/, 'the render is explained, not the template text');
  assert.doesNotMatch(words.stdout, /kube-service-lens-render:/);

  const mermaid = explain(dir, ['chart/templates/service.yaml', '--mermaid']);
  assert.equal(mermaid.code, 0, mermaid.stderr);
  assert.match(mermaid.stdout, /^```mermaid\n/);
  assert.match(mermaid.stdout, /release-name-web/);
  assert.match(mermaid.stdout, /Deployment/);

  // The values file of a variant explains that variant's render.
  const prod = explain(dir, ['chart/values-prod.yaml', '--mermaid']);
  assert.equal(prod.code, 0, prod.stderr);
  assert.match(prod.stdout, /9090/);
});

test('explain on a template without helm: the template as written, and a note saying why it was not rendered', (t) => {
  const dir = chart(t);
  const result = spawnSync(process.execPath, [CLI, 'explain', 'chart/templates/service.yaml'], {
    cwd: dir,
    encoding: 'utf8',
    env: { NO_COLOR: '1', PATH: path.join(dir, 'no-tools-here') },
  });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /helm was not found/);
  assert.doesNotMatch(result.stdout, /^Rendered with/);
});
