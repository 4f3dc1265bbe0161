// Desktop launcher for the e2e suite (`npm run test:e2e:electron`), for machines with internet or
// an installed VS Code. CI here has neither and uses test/e2e/launch-code-server.mjs instead; both
// run the same out/test/e2e/suite/index.js.
//
// Executable: VSCODE_EXECUTABLE_PATH if set (no network at all), else the minimum version from
// package.json engines.vscode, downloaded once into .cache/vscode-test/ (gitignored). With no
// executable and no way to download, it fails fast with a message instead of waiting on timeouts.
// On Linux without a display, run it under `xvfb-run -a`.
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..'); // out/test/e2e -> repo root
const cachePath = path.join(repoRoot, '.cache', 'vscode-test');
const RELEASES_URL = 'https://update.code.visualstudio.com/api/releases/stable';

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const vscodeExecutablePath = await resolveExecutable();
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.warn('[e2e] no DISPLAY: VS Code will not start; run this under `xvfb-run -a`');
  }

  // A throwaway profile, extensions dir and workspace copy per run: tests may edit files.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ksl-e2e-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index'),
      launchArgs: [
        workspace,
        '--disable-extensions', // only the extension under development: no marketplace, no noise
        `--user-data-dir=${path.join(tmp, 'user-data')}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
      ],
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function resolveExecutable(): Promise<string> {
  const fromEnv = process.env.VSCODE_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`VSCODE_EXECUTABLE_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { engines: { vscode: string } };
  // Oldest supported VS Code, as rust-analyzer's runTests does: '^1.91.0' -> '1.91.0'.
  const version = manifest.engines.vscode.replace(/^[\^~>=\s]+/, '');
  // test-electron only skips the network for a pinned version whose cache folder is complete
  // (`vscode-<platform>-<version>/is-complete`; platform names as its util.ts systemDefaultPlatform).
  const cached = fs.existsSync(path.join(cachePath, `vscode-${downloadPlatform()}-${version}`, 'is-complete'));
  if (!cached) await assertReachable();
  return downloadAndUnzipVSCode({ version, cachePath, timeout: 15_000 });
}

function downloadPlatform(): string {
  const arm = process.arch === 'arm64';
  if (process.platform === 'darwin') return arm ? 'darwin-arm64' : 'darwin';
  if (process.platform === 'win32') return arm ? 'win32-arm64-archive' : 'win32-x64-archive';
  return arm ? 'linux-arm64' : process.arch === 'arm' ? 'linux-armhf' : 'linux-x64';
}

/** One short probe, so an offline machine fails in seconds with advice instead of 3 x 15 s retries. */
function assertReachable(timeoutMs = 8000): Promise<void> {
  if (process.env.npm_config_proxy || process.env.npm_config_https_proxy) return Promise.resolve(); // test-electron proxies; we cannot probe the same way
  return new Promise((resolve, reject) => {
    const fail = (why: string) =>
      reject(
        new Error(
          `cannot download VS Code (${RELEASES_URL}: ${why}). ` +
            'Set VSCODE_EXECUTABLE_PATH to an installed VS Code, or use the offline launcher: npm run test:e2e',
        ),
      );
    const req = https.get(RELEASES_URL, (res) => {
      res.resume();
      if (res.statusCode === 200) resolve();
      else fail(`HTTP ${res.statusCode}`);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', (err) => fail(err.message));
  });
}

main().catch((err: unknown) => {
  // Print the cause (test-electron's TestRunFailedError carries the exit code) and fail the step.
  console.error('[e2e] electron run failed:', err instanceof Error ? err.message : err);
  if (err instanceof Error && err.stack && process.env.E2E_VERBOSE === '1') console.error(err.stack);
  process.exit(1);
});
