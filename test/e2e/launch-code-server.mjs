#!/usr/bin/env node
// Offline end-to-end launcher (`npm run test:e2e`): runs the mocha suite in out/test/e2e/suite/
// inside a real VS Code workbench served by code-server (from the npm registry) and driven by
// headless Debian Chromium. Used here and in CI because @vscode/test-electron must download
// VS Code from the internet (see /work/shared/notes/offline-vscode.md and test/e2e/run-electron.ts
// for the desktop launcher of the same suite).
//
// Steps: ensure Node 24 + code-server in .cache/e2e/ -> assemble a run dir (extension under
// test + generated driver extension + workspace copy) -> start code-server on a free loopback
// port -> open the workbench in Chromium -> wait (bounded) for the driver's results.json ->
// print results, screenshot, kill everything, exit 1 on any failure. It never skips: a missing
// build or tool is a failure, in CI and locally.
//
// Env: E2E_TIMEOUT_MS (default 240000, from code-server launch to results),
//      E2E_VERBOSE=1 (echo the extension host console live), E2E_KEEP_RUN_DIR=1,
//      CHROMIUM_PATH (default /usr/bin/chromium).
// `--vsix`: test the packaged extension as installed (lib/vsix.mjs) with the suite in out/test/e2e/installed/.
// `--screenshots`: not a test run: the README's images into docs/images/ (lib/screenshots.mjs, `npm run screenshots`).
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ensureTools, node24Env, secs } from './lib/install.mjs';
import { assembleRun } from './lib/assemble.mjs';
import { installPackagedExtension } from './lib/vsix.mjs';
import { delay, freePort, killGroupNow, spawnGroup, stopGroup, waitForHttp } from './lib/processes.mjs';
import { pairRun } from './lib/redhatPair.mjs';
import { screenshotsRun } from './lib/screenshots.mjs';

const tStart = Date.now();
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const cacheDir = path.join(repoRoot, '.cache', 'e2e');
const vsixMode = process.argv.includes('--vsix');
// `--with-redhat`: the pair run, another suite and workspace next to Red Hat's YAML extension (lib/redhatPair.mjs).
const pair = pairRun(process.argv.slice(2), here, repoRoot);
const shots = screenshotsRun(process.argv.slice(2), here, repoRoot);
const suiteEntry = pair?.suiteEntry ?? shots?.suiteEntry ?? path.join(repoRoot, 'out', 'test', 'e2e', vsixMode ? 'installed' : 'suite', 'index.js');
const screenshotFile =
  pair?.screenshotFile ?? shots?.screenshotFile ?? path.join(repoRoot, 'test-results', vsixMode ? 'e2e-workbench-vsix.png' : 'e2e-workbench.png');
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 240_000);
const verbose = process.env.E2E_VERBOSE === '1';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const log = (msg) => console.log(`[e2e] ${msg}`);
const state = { server: undefined, browser: undefined, page: undefined, run: undefined, cleaned: false };
const hostConsole = []; // extension-host / workbench console lines, for the failure report

// Last-resort sweep: whatever path leads to exit, the code-server group does not survive us.
process.on('exit', () => killGroupNow(state.server));
let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    log(`${sig}: stopping`);
    // An interrupted run is not a passing run.
    cleanup(130).finally(() => finish('0 passed, 1 failed', 130));
  });
}

main().then(
  ({ code, summary }) => !interrupted && cleanup(code).finally(() => finish(summary, code)),
  (err) => {
    if (interrupted) return; // the signal handler owns the exit; this is just the fallout
    console.error(`[e2e] ERROR: ${err?.stack ?? err}`);
    printFailureContext(true);
    cleanup(1).finally(() => finish('0 passed, 1 failed', 1));
  },
);

/** The summary is the very last line of output (CI and humans grep for it), then exit. */
function finish(summary, code) {
  console.log(summary);
  process.exit(code);
}

async function main() {
  if (!existsSync(suiteEntry)) throw new Error(`${rel(suiteEntry)} is missing: run \`npx tsc -b\` first`);
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);

  const tools = await ensureTools(cacheDir, log);
  const tReady = Date.now();
  const run = (state.run = assembleRun({
    repoRoot,
    cacheDir,
    driverSrc: path.join(here, 'driver', 'extension.js'),
    workspaceSrc: pair?.workspaceSrc ?? shots?.workspaceSrc ?? path.join(here, 'workspace'),
  }));
  if (vsixMode) await installPackagedExtension({ repoRoot, run, tools, log });
  const pairEnv = pair?.prepare(run) ?? shots?.prepare(run) ?? {};
  log(`run dir ${rel(run.runDir)}; extension ${run.extId}@${run.extVersion}${vsixMode ? ' from its VSIX' : ''}`);

  const port = await freePort();
  const tLaunch = Date.now();
  const xdg = path.join(run.runDir, 'xdg'); // keeps code-server's own config/data inside the clone
  state.server = spawnGroup(
    tools.paths.node,
    [
      tools.paths.csEntry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--config',
      path.join(run.runDir, 'code-server.yaml'),
      '--user-data-dir',
      run.userData,
      '--extensions-dir',
      run.extensions,
    ],
    {
      cwd: run.runDir,
      logStream: createWriteStream(run.serverLog),
      // The code-server environment reaches the extension host, hence the driver's inputs here.
      env: node24Env(tools.paths, {
        E2E_SUITE_ENTRY: suiteEntry,
        E2E_RESULTS_FILE: run.results,
        E2E_REPO_ROOT: repoRoot,
        XDG_CONFIG_HOME: path.join(xdg, 'config'),
        XDG_DATA_HOME: path.join(xdg, 'data'),
        XDG_CACHE_HOME: path.join(xdg, 'cache'),
        ...pairEnv,
      }),
    },
  );
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, state.server, 60_000);
  const tHttp = Date.now();
  log(`code-server listening on 127.0.0.1:${port} after ${secs(tHttp - tLaunch)}`);

  // The extension host only starts once a browser opens the workbench; keep the page open.
  // playwright-core is a devDependency of the repo: resolve it from the repo root.
  const { chromium } = createRequire(path.join(repoRoot, 'package.json'))('playwright-core');
  state.browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = (state.page = await state.browser.newPage({ viewport: shots?.viewport ?? { width: 1400, height: 900 } }));
  page.on('console', (m) => onConsole(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => onConsole(`pageerror: ${e.message}`));
  let pageCrashed = false;
  page.on('crash', () => (pageCrashed = true));
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(run.workspace)}`, { timeout: 60_000 });

  const stopCapturing = shots?.serve(page, run, log);
  const out = await waitForResults(run.results, tLaunch + timeoutMs, () => pageCrashed).finally(() => stopCapturing?.());
  if (pair) out.results.push(await pair.checkWorkbench(page));
  await screenshot();
  const tEnd = Date.now();

  const { code, summary } = report(out);
  const firstTest = Math.min(...out.results.map((r) => r.startedAt).filter(Number.isFinite));
  log(
    `timing: install ${secs(tReady - tStart)} (${tools.cold ? 'cold' : 'warm'}), ` +
      `launch->http ${secs(tHttp - tLaunch)}, ` +
      `launch->first test ${Number.isFinite(firstTest) ? secs(firstTest - tLaunch) : 'n/a'}, ` +
      `launch->results ${secs(tEnd - tLaunch)}, total ${secs(tEnd - tStart)}`,
  );
  return { code, summary };
}

/** Polls for the driver's results file; fails fast if code-server or the page dies. */
async function waitForResults(file, deadline, crashed) {
  let exited = null;
  state.server.exited.then((r) => (exited = r));
  while (!existsSync(file)) {
    if (exited) throw new Error(`code-server exited during the run (code ${exited.code}, signal ${exited.signal}); see ${rel(state.run.serverLog)}`);
    if (crashed()) throw new Error('the workbench page crashed in Chromium');
    if (Date.now() > deadline) {
      await screenshot();
      throw new Error(
        `no results after ${timeoutMs / 1000} s (E2E_TIMEOUT_MS); the driver extension never finished. ` +
          `Logs: ${rel(state.run.serverLog)}, ${rel(state.run.userData)}/logs/`,
      );
    }
    await delay(250);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Prints one line per test; returns the exit code and the `N passed, N failed` summary line. */
function report(out) {
  let passed = 0;
  let failed = 0;
  let pending = 0;
  for (const r of out.results) {
    if (r.state === 'passed') passed++;
    else if (r.state === 'failed') failed++;
    else pending++;
    const ms = Number.isFinite(r.durationMs) ? ` (${r.durationMs} ms)` : '';
    console.log(`  ${r.state === 'passed' ? 'pass' : r.state === 'failed' ? 'FAIL' : 'skip'}  ${r.fullTitle}${ms}`);
    if (r.error) console.log(indent(r.error.message + (r.error.stack ? `\n${r.error.stack}` : ''), 8));
  }
  if (out.error && failed === 0) {
    // The suite could not load or run (compile error, missing test files): that is a failure too.
    failed++;
    console.log(`  FAIL  (suite) ${indent(out.error, 8).trimStart()}`);
  }
  if (out.results.length === 0 && !out.error) {
    failed++;
    console.log('  FAIL  (suite) no tests ran');
  }
  if (failed > 0) printFailureContext(out.results.length === 0);
  if (pending) log(`${pending} pending`);
  return { code: failed > 0 ? 1 : 0, summary: `${passed} passed, ${failed} failed` };
}

function onConsole(line) {
  // VS Code styles its console output ('%c INFO', 'color: #33f'); keep the words only.
  line = line
    .replace(/%c/g, '')
    .replace(/\s*color: ?[#\w]+\s*/g, ' ')
    .trim();
  // Drop stack frames of workbench-internal errors (e.g. the marketplace lookup that fails offline).
  line = line
    .split('\n')
    .filter((l) => !/^\s+at /.test(l))
    .join('\n');
  hostConsole.push(line);
  if (hostConsole.length > 400) hostConsole.shift();
  if (verbose) console.log(`[page] ${line}`);
}

/**
 * Failure context. Always: the last workbench console lines. With `deep` (no results: timeout,
 * crash, suite not loadable): also which extensions activated or failed (extension host log) and
 * our own extension's output channel, where client/server start-up errors land.
 */
function printFailureContext(deep) {
  if (!verbose && hostConsole.length > 0) {
    console.log('[e2e] last workbench console lines:');
    for (const line of hostConsole.slice(-25)) console.log(indent(line, 4));
  }
  const logs = state.run && path.join(state.run.userData, 'logs');
  if (!deep || !logs || !existsSync(logs)) return;
  for (const session of readdirSync(logs)) {
    const hostDir = path.join(logs, session, 'exthost1');
    // Timestamped lines only: continuation lines are long extension lists that bury the signal.
    printTail(path.join(hostDir, 'remoteexthost.log'), (l) => /^\d{4}-\d\d-\d\d .*(\[(error|warning)\]|_doActivateExtension|xtension host)/.test(l));
    const ours = path.join(hostDir, state.run.extId);
    if (existsSync(ours)) for (const f of readdirSync(ours)) printTail(path.join(ours, f), () => true);
  }
}

function printTail(file, keep) {
  if (!existsSync(file)) return;
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && keep(l));
  console.log(`[e2e] ${rel(file)} (last ${Math.min(lines.length, 25)} of ${lines.length} lines):`);
  for (const line of lines.slice(-25)) console.log(indent(line, 4));
}

async function screenshot() {
  if (!state.page) return;
  try {
    mkdirSync(path.dirname(screenshotFile), { recursive: true });
    await state.page.screenshot({ path: screenshotFile, timeout: 10_000 });
    log(`screenshot: ${rel(screenshotFile)}`);
  } catch (err) {
    log(`screenshot failed: ${err.message}`);
  }
}

/**
 * Idempotent teardown used by every exit path: browser, then the code-server process group.
 * The run dir (logs, profile, results) is kept when the run failed, for debugging.
 */
async function cleanup(exitCode) {
  if (state.cleaned) return;
  state.cleaned = true;
  try {
    await Promise.race([state.browser?.close(), delay(5000)]);
  } catch {
    /* Playwright also kills its browser on process exit */
  }
  await stopGroup(state.server);
  if (!state.run) return;
  if (exitCode !== 0) {
    // CI keeps test-results/; the run dir itself is pruned by the next launcher run.
    const dest = path.join(repoRoot, 'test-results', vsixMode ? 'e2e-logs-vsix' : 'e2e-logs');
    rmSync(dest, { recursive: true, force: true });
    for (const src of [state.run.serverLog, path.join(state.run.userData, 'logs')]) {
      if (existsSync(src)) cpSync(src, path.join(dest, path.basename(src)), { recursive: true });
    }
    log(`logs copied to ${rel(dest)}`);
  } else if (process.env.E2E_KEEP_RUN_DIR !== '1') {
    rmSync(state.run.runDir, { recursive: true, force: true });
  }
}

function indent(text, n) {
  const pad = ' '.repeat(n);
  return String(text)
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

function rel(p) {
  return path.relative(process.cwd(), p) || '.';
}
