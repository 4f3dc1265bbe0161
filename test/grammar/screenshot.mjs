#!/usr/bin/env node
// Renders the README screenshot of a highlighted Service manifest in a real VS Code workbench
// (code-server + headless Chromium, the same tools as `npm run test:e2e`), so it can be redone
// whenever the grammars change. Not part of `npm test`.
//
//   node test/grammar/screenshot.mjs [out.png]      default: test-results/highlighted-manifest.png
//
// The workbench gets a grammar-only copy of the extension (package.json with the contributions of
// test/grammar/contributes.json + syntaxes/), opens test/grammar/screenshot/service.yaml in the
// default Dark Modern theme with semantic highlighting off (so only TextMate scopes show), and
// screenshots the editor. Env: THEME (a theme label), CHROMIUM_PATH (default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools, node24Env } from '../e2e/lib/install.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const out = path.resolve(process.argv[2] ?? path.join(repoRoot, 'test-results', 'highlighted-manifest.png'));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (m) => console.log(`[screenshot] ${m}`);

const { paths } = await ensureTools(path.join(repoRoot, '.cache', 'e2e'), log);
const run = mkdtempSync(path.join(os.tmpdir(), 'ksl-screenshot-'));
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const ext = path.join(run, 'extensions', `${pkg.publisher}.${pkg.name}-${pkg.version}`);
mkdirSync(ext, { recursive: true });
writeFileSync(
  path.join(ext, 'package.json'),
  JSON.stringify({
    name: pkg.name,
    publisher: pkg.publisher,
    version: pkg.version,
    engines: pkg.engines,
    contributes: JSON.parse(readFileSync(path.join(here, 'contributes.json'), 'utf8')),
  }),
);
cpSync(path.join(repoRoot, 'syntaxes'), path.join(ext, 'syntaxes'), { recursive: true });
cpSync(path.join(here, 'screenshot'), path.join(run, 'workspace'), { recursive: true });
mkdirSync(path.join(run, 'user-data', 'User'), { recursive: true });
writeFileSync(
  path.join(run, 'user-data', 'User', 'settings.json'),
  JSON.stringify({
    'workbench.colorTheme': process.env.THEME ?? 'Default Dark Modern',
    'editor.semanticHighlighting.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.activityBar.location': 'hidden',
    'workbench.statusBar.visible': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'window.commandCenter': false,
    'workbench.layoutControl.enabled': false,
    'breadcrumbs.enabled': false,
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false,
    'editor.renderLineHighlight': 'none',
    'editor.occurrencesHighlight': 'off',
    'editor.selectionHighlight': false,
    'editor.guides.indentation': false,
    'editor.folding': false,
    'editor.glyphMargin': false,
    'editor.fontSize': 15,
    'editor.lineHeight': 22,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'chat.disableAIFeatures': true,
  }),
);

const port = await new Promise((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const server = spawn(
  paths.node,
  [
    paths.csEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    path.join(run, 'user-data'),
    '--extensions-dir',
    path.join(run, 'extensions'),
  ],
  {
    cwd: run,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: node24Env(paths, {
      XDG_CONFIG_HOME: path.join(run, 'xdg', 'config'),
      XDG_DATA_HOME: path.join(run, 'xdg', 'data'),
      XDG_CACHE_HOME: path.join(run, 'xdg', 'cache'),
    }),
  },
);
const serverLog = createWriteStream(path.join(run, 'code-server.log'));
server.stdout.pipe(serverLog);
server.stderr.pipe(serverLog);
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGKILL'); // the group we started, nothing else
  } catch {}
};
process.on('exit', stopServer);

let browser;
try {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error('code-server did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  const { chromium } = createRequire(path.join(repoRoot, 'package.json'))('playwright-core');
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 820, height: 880 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.join(run, 'workspace'))}`, { timeout: 90_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  await page.waitForTimeout(5000);
  await page.keyboard.press('Control+P');
  await page.waitForTimeout(800);
  await page.keyboard.type('service.yaml', { delay: 20 });
  await page.waitForTimeout(1200);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
  await page.keyboard.press('Control+End'); // cursor on the last (empty) line
  await page.waitForTimeout(3000);
  mkdirSync(path.dirname(out), { recursive: true });
  await page.locator('.part.editor').screenshot({ path: out });
  log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser?.close();
  stopServer();
  if (existsSync(run)) rmSync(run, { recursive: true, force: true });
}
