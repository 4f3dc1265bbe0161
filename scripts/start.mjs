#!/usr/bin/env node
// `npm start`: builds the extension and opens VS Code on a fresh copy of examples/ with it loaded. Uses the desktop `code`
// command when there is one; otherwise a local, offline VS Code (code-server from the npm registry, the same
// one the end-to-end tests use) on 127.0.0.1, whose address is printed. Ctrl+C stops it.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools, node24Env } from '../test/e2e/lib/install.mjs';
import { freePort, spawnGroup, stopGroup, waitForHttp } from '../test/e2e/lib/processes.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (message) => console.log(`[start] ${message}`);
/** Where `npm start` serves VS Code unless PORT says otherwise: the same address every time, for a bookmark. */
const DEFAULT_PORT = 8317;

// A fresh copy of examples/ for every start: code-server autosaves, so trying a quick fix would otherwise rewrite the
// tracked examples, and the next user would no longer find the mistakes they demonstrate.
const examples = path.join(repoRoot, '.cache', 'start', 'examples');
rmSync(examples, { recursive: true, force: true });
mkdirSync(path.dirname(examples), { recursive: true });
cpSync(path.join(repoRoot, 'examples'), examples, { recursive: true });

execFileSync(process.execPath, [path.join(repoRoot, 'esbuild.mjs')], { cwd: repoRoot, stdio: 'inherit' });

const desktop = process.env.KSL_NO_DESKTOP ? undefined : spawnSync('code', ['--version'], { encoding: 'utf8' });
if (desktop && desktop.status === 0) {
  log(`opening desktop VS Code ${desktop.stdout.split('\n')[0]} on examples/ with the extension in development mode`);
  spawn('code', ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, examples], { stdio: 'ignore', detached: true }).unref();
  process.exit(0);
}

log('no desktop `code` command: starting a local VS Code in the browser (code-server, offline)');
const cacheDir = path.join(repoRoot, '.cache', 'e2e');
const tools = await ensureTools(cacheDir, log);
const runDir = path.join(repoRoot, '.cache', 'start');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const extensionsDir = path.join(runDir, 'extensions');
const extensionDir = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
rmSync(extensionsDir, { recursive: true, force: true });
mkdirSync(extensionDir, { recursive: true });
// A copy, not a symlink: the extension host attributes `require('vscode')` by real file path.
for (const entry of ['package.json', 'dist', 'syntaxes', 'docs', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
  if (existsSync(path.join(repoRoot, entry))) cpSync(path.join(repoRoot, entry), path.join(extensionDir, entry), { recursive: true, dereference: true });
}
const userSettings = path.join(runDir, 'user-data', 'User', 'settings.json');
if (!existsSync(userSettings)) {
  mkdirSync(path.dirname(userSettings), { recursive: true });
  writeFileSync(
    userSettings,
    JSON.stringify(
      {
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'workbench.startupEditor': 'none',
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
      },
      null,
      2,
    ),
  );
}

const port = process.env.PORT ? Number(process.env.PORT) : await freePort(DEFAULT_PORT);
if (!process.env.PORT && port !== DEFAULT_PORT) log(`port ${DEFAULT_PORT} is in use (another npm start?); using ${port} this time`);
const server = spawnGroup(
  tools.paths.node,
  [
    tools.paths.csEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // The examples are this repository's own files: no point asking whether to trust them.
    '--disable-workspace-trust',
    '--config',
    path.join(runDir, 'code-server.yaml'),
    '--user-data-dir',
    path.join(runDir, 'user-data'),
    '--extensions-dir',
    extensionsDir,
  ],
  {
    cwd: runDir,
    logStream: createWriteStream(path.join(runDir, 'code-server.log')),
    env: node24Env(tools.paths, { XDG_CONFIG_HOME: path.join(runDir, 'xdg', 'config'), XDG_DATA_HOME: path.join(runDir, 'xdg', 'data') }),
  },
);
await waitForHttp(`http://127.0.0.1:${port}/healthz`, server, 60_000);
console.log(
  `\nKubernetes Service Lens is running in VS Code at:\n\n  http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}\n\nOpen that address in your browser, then open nodeport.yaml. Press Ctrl+C to stop.\n`,
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await stopGroup(server);
    process.exit(0);
  });
}
await server.exited;
