#!/usr/bin/env node
// Save of a Helm values file → diagnostics on the line to change, through the Helm kind with the real helm: every
// variant rendered, its output read, the rules run over it, each finding traced back (sentinel renders included).
// Run for a `helm create` chart and a generated chart of 200 templates. Reads the test build in out/ (`npx tsc -b`)
// and the helm the test setup unpacks into .cache/render-tools/ (`node bench/helm.mjs` alone, or from bench/run.mjs).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(root, 'out');
const HELM = path.join(root, '.cache', 'render-tools', 'helm', 'helm');
const load = (relative) => require(path.join(out, relative));
const SAVES = 7;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const read = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};
const list = (dir) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

const run = (command, signal) =>
  new Promise((resolve) => {
    execFile(HELM, [...command.args], { cwd: command.cwd, signal, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (signal.aborted) resolve({ ok: false, reason: 'cancelled', message: 'cancelled' });
      else if (error) resolve({ ok: false, reason: 'failed', message: stderr || error.message });
      else resolve({ ok: true, stdout });
    });
  });

/** One save: every variant rendered, interpreted, analysed and its findings mapped back. Times in ms per stage. */
async function saveToDiagnostics(rootDir) {
  const { helmSource } = load('server/src/rendered/helm/index.js');
  const { analyzeFile } = load('server/src/analysis/analyze.js');
  const { DEFAULT_SETTINGS } = load('server/src/analysis/settings.js');
  const { WorkspaceIndex } = load('server/src/kubernetes/workspace.js');
  const { ALL_RULES } = load('server/src/rules/index.js');
  const signal = new AbortController().signal;
  const times = { render: 0, analyse: 0, map: 0 };
  const mapped = [];
  let started = performance.now();
  const variants = helmSource.variants(rootDir, list(rootDir), { helmValueSets: [], helmValuesFiles: [] });
  helmSource.inputs(rootDir, read, list);
  const outcomes = await Promise.all(variants.map((variant) => run(variant.command, signal)));
  times.render = performance.now() - started;
  for (const [i, outcome] of outcomes.entries()) {
    if (!outcome.ok) throw new Error(`helm failed on the bench chart: ${outcome.message}`);
    started = performance.now();
    const rendered = helmSource.interpret(rootDir, variants[i], outcome.stdout, { read, run });
    const index = new WorkspaceIndex();
    index.set(rendered.file);
    const findings = analyzeFile(rendered.file, index, DEFAULT_SETTINGS, ALL_RULES);
    times.analyse += performance.now() - started;
    started = performance.now();
    for (const finding of findings) mapped.push({ finding, origin: await rendered.originOf(finding.start, finding.end, signal) });
    times.map += performance.now() - started;
  }
  return { ...times, total: times.render + times.analyse + times.map, mapped };
}

/** Saves values.yaml `SAVES` times with a different out-of-range value, so every save renders, finds and traces. */
async function measureSaves(label, rootDir, saveText, expect) {
  const rows = [];
  for (let i = 0; i < SAVES; i++) {
    writeFileSync(path.join(rootDir, 'values.yaml'), saveText(i));
    const result = await saveToDiagnostics(rootDir);
    const problem = expect(result.mapped, i);
    if (problem) throw new Error(`${label}: the save did not produce the expected diagnostic: ${problem}`);
    rows.push(result);
  }
  const stage = (name) => median(rows.map((row) => row[name]));
  return { label, render: stage('render'), analyse: stage('analyse'), map: stage('map'), total: stage('total'), findings: rows[0].mapped.length };
}

/** The finding on the values line, or what went wrong instead. */
function expectOnValues(rootDir, ruleId, value) {
  return (mapped) => {
    const hit = mapped.find(({ finding }) => finding.ruleId === ruleId);
    if (!hit) return `no ${ruleId} among ${mapped.map(({ finding }) => finding.ruleId).join(', ') || 'no findings'}`;
    const file = hit.origin && fileURLToPath(hit.origin.uri);
    const text = file && read(file)?.slice(hit.origin.start, hit.origin.end);
    return file === path.join(rootDir, 'values.yaml') && text === String(value) ? undefined : `it went to ${file}: ${JSON.stringify(text)}`;
  };
}

/**
 * A chart of `count` templates, each a NodePort Service reading its own values (and a Deployment for every tenth).
 * Service `indirect` takes its nodePort through a variable, so only a sentinel render can tell where it came from.
 */
function generateChart(dir, count, indirect) {
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: large\nversion: 0.1.0\n');
  for (let i = 0; i < count; i++) {
    const app = `app${Math.floor(i / 10)}`;
    const template =
      i % 10 === 0
        ? `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-${app}\nspec:\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - name: http\n              containerPort: 8080\n`
        : `apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-svc${i}\n  labels:\n    app: ${app}\nspec:\n  type: {{ .Values.services.svc${i}.type }}\n  selector:\n    app: ${app}\n  ports:\n    - name: http\n      port: {{ .Values.services.svc${i}.port }}\n      targetPort: http\n      nodePort: ${i === indirect ? '{{ $nodePort }}' : `{{ .Values.services.svc${i}.nodePort }}`}\n`;
    const head = i === indirect ? `{{- $nodePort := .Values.services.svc${i}.nodePort }}\n` : '';
    writeFileSync(path.join(dir, 'templates', `t${i}.yaml`), head + template);
  }
}

function largeValues(count, broken, value) {
  const lines = ['services:'];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) continue;
    lines.push(`  svc${i}:`, '    type: NodePort', `    port: ${8000 + i}`, `    nodePort: ${i === broken ? value : 30000 + i}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function measureHelm() {
  if (!existsSync(path.join(out, 'server', 'src', 'rendered', 'helm', 'index.js'))) throw new Error('no test build in out/: run `npx tsc -b` first');
  // Without helm the rest of the benchmark still runs; the section says why this one is empty.
  if (!existsSync(HELM)) return undefined;
  const parent = mkdtempSync(path.join(tmpdir(), 'ksl-bench-helm-'));
  try {
    execFileSync(HELM, ['create', 'mychart'], { cwd: parent });
    const created = path.join(parent, 'mychart');
    const original = readFileSync(path.join(created, 'values.yaml'), 'utf8');
    if (!/^ {2}port: 80$/m.test(original)) throw new Error('helm create no longer writes `  port: 80` under service:');
    const port = (i) => 70000 + i;
    const small = await measureSaves(
      '`helm create` chart (1 variant)',
      created,
      (i) => original.replace(/^ {2}port: 80$/m, `  port: ${port(i)}`),
      (mapped, i) => expectOnValues(created, 'port-out-of-range', port(i))(mapped),
    );
    const large = path.join(parent, 'large');
    const count = 200;
    generateChart(large, count);
    const nodePort = (i) => 9000 + i;
    const big = await measureSaves(
      `generated chart, ${count} templates (180 Services, 20 Deployments)`,
      large,
      (i) => largeValues(count, 57, nodePort(i)),
      (mapped, i) => expectOnValues(large, 'nodeport-out-of-range', nodePort(i))(mapped),
    );
    const traced = path.join(parent, 'traced');
    generateChart(traced, count, 57);
    const sentinel = await measureSaves(
      'the same, the broken nodePort through a variable (one sentinel render)',
      traced,
      (i) => largeValues(count, 57, nodePort(i)),
      (mapped, i) => expectOnValues(traced, 'nodeport-out-of-range', nodePort(i))(mapped),
    );
    return [small, big, sentinel];
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

const ms = (n) => (n < 10 ? n.toFixed(1) : n.toFixed(0));

/** The results.md section. */
export function helmSection(rows) {
  if (!rows)
    return [
      '## Helm: save of a values file → diagnostics',
      '',
      `Not measured: no helm at ${HELM} (the test setup installs it: \`node scripts/test-all.mjs unit\`).`,
      '',
    ];
  return [
    '## Helm: save of a values file → diagnostics',
    '',
    `A save of values.yaml with one value out of range, through the Helm kind with the real helm (bench/helm.mjs): \`helm template\` of every variant, parse, every rule, and each finding traced back to its line (a sentinel render where the template does not print the value straight from \`.Values\`). Median of ${SAVES} saves, ms.`,
    '',
    '| chart | render | parse + analyse | map to lines | total | findings |',
    '|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.label} | ${ms(row.render)} | ${ms(row.analyse)} | ${ms(row.map)} | ${ms(row.total)} | ${row.findings} |`),
    '',
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  measureHelm().then(
    (rows) => console.log(helmSection(rows).join('\n')),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
