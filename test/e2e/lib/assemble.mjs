// Builds one run directory: `.cache/e2e/run-<pid>/` with
//   extensions/<publisher>.<name>-<version>/  the extension under test (copied from the repo)
//   extensions/kube-service-lens-e2e.test-driver-0.0.0/  the generated test driver
//   user-data/  a fresh VS Code profile
//   workspace/  a copy of test/e2e/workspace, so tests may edit files freely
//
// Why copies and not symlinks: the extension host decides which extension a `require('vscode')`
// comes from by the caller's real file path, and Node resolves symlinks to their real path, so a
// symlinked dist/ would look like code outside any extension.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SHIPPED = ['package.json', 'dist', 'syntaxes', 'README.md', 'LICENSE', 'CHANGELOG.md', 'docs'];
const DRIVER_ID = { publisher: 'kube-service-lens-e2e', name: 'test-driver', version: '0.0.0' };

export function assembleRun({ repoRoot, cacheDir, driverSrc, workspaceSrc }) {
  pruneStaleRuns(cacheDir);
  const runDir = path.join(cacheDir, `run-${process.pid}`);
  rmSync(runDir, { recursive: true, force: true });
  const dirs = {
    runDir,
    extensions: path.join(runDir, 'extensions'),
    userData: path.join(runDir, 'user-data'),
    workspace: path.join(runDir, 'workspace'),
    results: path.join(runDir, 'results.json'),
    serverLog: path.join(runDir, 'code-server.log'),
  };
  mkdirSync(dirs.extensions, { recursive: true });

  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const extId = `${manifest.publisher}.${manifest.name}`;
  const main = manifest.main && path.join(repoRoot, manifest.main);
  if (!main || !existsSync(main)) {
    throw new Error(`${manifest.main ?? 'package.json "main"'} is missing: run \`npm run build\` first`);
  }
  const extDir = path.join(dirs.extensions, `${extId}-${manifest.version}`);
  mkdirSync(extDir);
  for (const entry of SHIPPED) {
    const src = path.join(repoRoot, entry);
    if (existsSync(src)) cpSync(src, path.join(extDir, entry), { recursive: true, dereference: true });
  }

  const driverDir = path.join(dirs.extensions, `${DRIVER_ID.publisher}.${DRIVER_ID.name}-${DRIVER_ID.version}`);
  mkdirSync(driverDir);
  cpSync(driverSrc, path.join(driverDir, 'extension.js'));
  writeJson(path.join(driverDir, 'package.json'), {
    ...DRIVER_ID,
    private: true,
    engines: { vscode: '^1.75.0' }, // '*' makes VS Code reject the extension as invalid
    main: './extension.js',
    // After start-up, once the workbench is up, so the suite sees a settled window.
    activationEvents: ['onStartupFinished'],
    // VS Code activates dependencies first: the extension under test is active before the suite runs.
    extensionDependencies: [extId],
  });

  cpSync(workspaceSrc, dirs.workspace, { recursive: true });
  // Quiet, deterministic profile: no welcome page, no update/telemetry/marketplace chatter.
  writeJson(path.join(dirs.userData, 'User', 'settings.json'), {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden', // the empty chat pane, in screenshots
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'chat.disableAIFeatures': true,
  });
  // The helm the test setup installs (scripts/render-tools.mjs), as a user points the machine setting at theirs. The
  // extension host of code-server is a remote one: machine-scoped settings come from the remote (Machine) settings.
  writeJson(path.join(dirs.userData, 'Machine', 'settings.json'), {
    'kubeServiceLens.helm.path': path.join(repoRoot, '.cache', 'render-tools', 'helm', 'helm'),
  });
  return { ...dirs, extId, extDir, extVersion: manifest.version };
}

/** Removes run dirs left by launchers that died (pid no longer alive); keeps live ones. */
function pruneStaleRuns(cacheDir) {
  if (!existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) {
    const m = /^run-(\d+)$/.exec(name);
    if (m && !isAlive(Number(m[1]))) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function writeJson(file, value) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}
