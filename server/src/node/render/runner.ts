import { spawn } from 'node:child_process';
import type { RenderCommand, RendererTool, RunOutcome, RunRenderer } from '../../rendered/source';
import { findBinary, type BinaryLookup, type BinarySettings } from './binaries';
import { forbiddenArgument, rendererEnvironment } from './sandbox';

export interface RunnerLimits {
  /** A render that takes longer is killed: a template in an endless loop must not hold a slot forever. */
  timeoutMs: number;
  /** Bytes of stdout kept; a render printing more is killed (a `range` over a huge list, a runaway template). */
  maxOutputBytes: number;
}

export const DEFAULT_RUNNER_LIMITS: RunnerLimits = { timeoutMs: 15_000, maxOutputBytes: 16 * 1024 * 1024 };
/** Enough of stderr for any error message a renderer prints; the rest is noise. */
const MAX_STDERR_BYTES = 64 * 1024;

/**
 * Runs renderers as the contract asks (rendered/source.ts): the binary found for the tool (a setting, else PATH),
 * `shell: false` with the command's own arguments after the runner's fixed ones, in a private environment without
 * plugins, cluster or network (sandbox.ts), killed on timeout, on too much output, or when the caller aborts.
 * Binaries are looked up on every run, so installing one, or changing the setting, works without a restart.
 */
export function createRenderRunner(binaries: () => BinarySettings, limits: RunnerLimits = DEFAULT_RUNNER_LIMITS): RunRenderer {
  return (command, signal) => {
    const lookup = findBinary(command.tool, binaries());
    return runFound(command, lookup, signal, limits);
  };
}

/** Whether the renderer for `tool` is there, and if not, what to tell the user. */
export function lookUpRenderer(tool: RendererTool, binaries: BinarySettings): BinaryLookup {
  return findBinary(tool, binaries);
}

function runFound(command: RenderCommand, lookup: BinaryLookup, signal: AbortSignal, limits: RunnerLimits): Promise<RunOutcome> {
  if ('missing' in lookup) return Promise.resolve({ ok: false, reason: 'not-found', message: lookup.missing });
  const forbidden = forbiddenArgument(command.args);
  if (forbidden)
    return Promise.resolve({ ok: false, reason: 'refused', message: `${forbidden} is not allowed: it could reach beyond the folder or run other programs.` });
  if (signal.aborted) return Promise.resolve({ ok: false, reason: 'cancelled', message: 'cancelled' });
  const args = [...lookup.found.leadingArgs, ...command.args];
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: RunOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(lookup.found.path, args, {
        cwd: command.cwd,
        env: rendererEnvironment(),
        shell: false,
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
        // Its own process group, so that stopping it stops what it started too (kustomize runs git).
        detached: process.platform !== 'win32',
      });
    } catch (error) {
      finish({ ok: false, reason: 'not-found', message: `${lookup.found.path} could not be started: ${(error as Error).message}` });
      return;
    }
    const kill = (outcome: RunOutcome) => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL'); // the group is gone already
      }
      // A grandchild that outlived the group kill must not keep us reading its output.
      child.stdout?.destroy();
      child.stderr?.destroy();
      finish(outcome);
    };
    const onAbort = () => kill({ ok: false, reason: 'cancelled', message: 'cancelled' });
    signal.addEventListener('abort', onAbort);
    const timer = setTimeout(
      () => kill({ ok: false, reason: 'timeout', message: `${command.tool} did not finish within ${Math.round(limits.timeoutMs / 1000)} s and was stopped.` }),
      limits.timeoutMs,
    );
    const out: Buffer[] = [];
    let outBytes = 0;
    const err: Buffer[] = [];
    let errBytes = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > limits.maxOutputBytes) {
        kill({
          ok: false,
          reason: 'too-large',
          message: `${command.tool} printed more than ${Math.round(limits.maxOutputBytes / 1024 / 1024)} MB and was stopped; the output is not checked.`,
        });
        return;
      }
      out.push(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (errBytes < MAX_STDERR_BYTES) err.push(chunk);
      errBytes += chunk.length;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish({
        ok: false,
        reason: error.code === 'ENOENT' || error.code === 'EACCES' ? 'not-found' : 'failed',
        message: `${lookup.found.path}: ${error.message}`,
      });
    });
    child.on('close', (code, killedBy) => {
      if (code === 0) {
        finish({ ok: true, stdout: Buffer.concat(out).toString('utf8') });
        return;
      }
      const stderr = Buffer.concat(err).toString('utf8').slice(0, MAX_STDERR_BYTES).trim();
      finish({ ok: false, reason: 'failed', message: stderr || `${command.tool} exited with ${code ?? killedBy}` });
    });
  });
}
