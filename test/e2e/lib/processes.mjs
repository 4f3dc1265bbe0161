// Process plumbing for the launcher: free ports, process groups, bounded waits.
//
// Why process groups: code-server forks a server process, which forks the extension host,
// pty host and file watcher, and our extension starts its language server from the extension
// host. Killing only the pid we spawned would leave those behind; killing the group (-pid) does not.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import http from 'node:http';

/** Asks the kernel for a free loopback port (tiny race window is acceptable for tests). */
/** A free port on 127.0.0.1: `preferred` when nothing listens there, else any free one (0 asks for any). */
export function freePort(preferred = 0) {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', (error) => (preferred !== 0 && error.code === 'EADDRINUSE' ? freePort(0).then(resolve, reject) : reject(error)));
    srv.listen(preferred, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Spawns `cmd` as the leader of a new process group; output is appended to `logStream`. */
export function spawnGroup(cmd, args, { env, cwd, logStream }) {
  const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(logStream, { end: false });
  child.stderr.pipe(logStream, { end: false });
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.on('error', () => {}); // surfaces through `exited` / the health wait instead
  return child;
}

/** Synchronous best-effort kill of a whole group; safe to call from `process.on('exit')`. */
export function killGroupNow(child, signal = 'SIGKILL') {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** SIGTERM the group, give it `graceMs` to exit, then SIGKILL whatever is left of the group. */
export async function stopGroup(child, graceMs = 3000) {
  if (!child?.pid) return;
  killGroupNow(child, 'SIGTERM');
  await Promise.race([child.exited, delay(graceMs)]);
  // The leader may have exited while grandchildren linger in the group: always sweep.
  killGroupNow(child, 'SIGKILL');
}

/** Polls `url` until it answers any HTTP status, the child dies, or the deadline passes. */
export async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let dead = null;
  child.exited.then((r) => (dead = r));
  while (Date.now() < deadline) {
    if (dead) throw new Error(`code-server exited before listening (code ${dead.code}, signal ${dead.signal})`);
    if (await answers(url)) return;
    await delay(200);
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s`);
}

function answers(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(true);
    });
    req.setTimeout(1000, () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

export function delay(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
