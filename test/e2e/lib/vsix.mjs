// The `--vsix` mode of the launcher: the extension under test is the VSIX that `npm run package` builds, installed the
// way a user installs it (`code-server --install-extension <vsix> --extensions-dir <dir>`), instead of the working-tree
// copy assembleRun makes. Only this catches what packaging can break: a file .vscodeignore leaves out, a production
// bundle that differs from the development one, a manifest VS Code refuses to install.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { node24Env } from './install.mjs';

/**
 * Replaces the working-tree copy in `run.extensions` by the packaged extension: packs the VSIX with
 * scripts/package.mjs (the package tier's code) into the run dir, then lets code-server install it offline.
 */
export async function installPackagedExtension({ repoRoot, run, tools, log }) {
  rmSync(run.extDir, { recursive: true, force: true });
  const vsix = path.join(run.runDir, `${run.extId}-${run.extVersion}.vsix`);
  log(`packing ${path.relative(repoRoot, vsix)} with scripts/package.mjs`);
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'package.mjs'), '--out', vsix], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });

  const args = [
    tools.paths.csEntry,
    '--install-extension',
    vsix,
    '--extensions-dir',
    run.extensions,
    '--user-data-dir',
    run.userData,
    '--config',
    path.join(run.runDir, 'code-server.yaml'),
  ];
  // As for the server the launcher starts: code-server's own config and logs stay in the run dir, not in ~.
  const xdg = path.join(run.runDir, 'xdg');
  const env = node24Env(tools.paths, {
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
  });
  const { code, output } = await capture(tools.paths.node, args, env);
  // The exit code alone is not the verdict: the installed manifest and its registration are what VS Code reads.
  if (code !== 0 || !existsSync(path.join(run.extDir, 'package.json'))) {
    throw new Error(`code-server --install-extension ${path.basename(vsix)} failed (exit ${code}):\n${output}`);
  }
  const registry = JSON.parse(readFileSync(path.join(run.extensions, 'extensions.json'), 'utf8'));
  if (!registry.some((entry) => entry.identifier?.id === run.extId)) {
    throw new Error(`code-server installed ${run.extId} but did not register it in extensions.json:\n${output}`);
  }
  log(`installed ${path.basename(vsix)}: ${output.trim().split('\n').at(-1)}`);
}

function capture(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
