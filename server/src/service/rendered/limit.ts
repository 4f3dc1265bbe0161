import type { RunRenderer } from '../../rendered/source';

/**
 * At most `slots` renderer processes at once, whoever asks (a variant's render or a kind's sentinel re-render from
 * `originOf`): a repository with fifty charts must not start fifty helm processes on a two-core laptop. Each run takes
 * a slot only while its process runs, so a kind that renders again from inside `originOf` never waits on itself.
 */
export function limitRuns(run: RunRenderer, slots: number): RunRenderer {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async (command, signal) => {
    if (running >= slots) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    running++;
    try {
      if (signal.aborted) return { ok: false, reason: 'cancelled', message: 'cancelled' };
      return await run(command, signal);
    } finally {
      release();
    }
  };
}
