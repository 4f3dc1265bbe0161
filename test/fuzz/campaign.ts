import fc from 'fast-check';
import { seedFiles } from './corpus';
import { checkCore } from './coreCheck';
import { fuzzInput, type FuzzInput } from './generators';
import { LspTestClient } from '../helpers/lspClient';
import { ServerFuzzer } from './serverCheck';

export interface CampaignOptions {
  seed: number;
  /** Stop after this many inputs... */
  runs: number;
  /** ...or after this many seconds, whichever comes first. */
  seconds?: number;
  /** Widens the time bound (see bounds.ts) where other tests run in parallel. */
  slack?: number;
  /** False: check the invariants only, not the time bound (see CoreCheckOptions; core campaign only). */
  checkTime?: boolean;
}

export interface CampaignStats {
  inputs: number;
  characters: number;
  seconds: number;
  perSecond: number;
  /** The slowest input: how long it took and what it was. */
  worst: { ms: number; source: string; length: number };
  /** Inputs per generator ("mutated", "generated", "raw", "hostile"). */
  bySource: Record<string, number>;
  /** Findings (core) or diagnostics (server) checked. */
  findings: number;
  /** Fixes (core) or code actions (server) checked. */
  fixes: number;
}

export interface CampaignResult {
  stats: CampaignStats;
  /** fast-check's report (seed, path, shrunk counterexample) and which invariant broke, when one did. */
  failure?: { report: string; input: FuzzInput };
}

/** An error as a report shows it: the stack when there is one (it starts with the message), else its text. */
function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Watches the property: the first failure is remembered with its input number and error before fast-check starts
 * shrinking. For the server target that matters: each shrink attempt is one more edit of the same document, so the
 * shrunk counterexample may fail for another reason than the input that was first caught.
 */
class FailureWatch {
  private calls = 0;
  first?: { input: number; error: unknown; source: string };

  constructor(private readonly progressEvery = Number(process.env.FUZZ_PROGRESS ?? 0)) {}

  wrap<A extends unknown[], R>(check: (input: FuzzInput, ...rest: A) => R): (input: FuzzInput, ...rest: A) => R {
    return (input, ...rest) => {
      const call = ++this.calls;
      if (this.progressEvery > 0 && call % this.progressEvery === 0) console.error(`fuzz: input ${call}`);
      const remember = (error: unknown) => {
        this.first ??= { input: call, error, source: input.source };
        throw error;
      };
      try {
        const result = check(input, ...rest);
        return (result instanceof Promise ? result.catch(remember) : result) as R;
      } catch (error) {
        return remember(error);
      }
    };
  }

  /** fast-check's report, which names the counterexample but not the error, followed by the broken invariants. */
  report<Ts>(details: fc.RunDetails<Ts>): string {
    const lines = [fc.defaultReportMessage(details) ?? 'failed', '', `Invariant broken by the shrunk counterexample:\n${describeError(details.errorInstance)}`];
    if (this.first) {
      lines.push('', `First failure (input ${this.first.input}, ${this.first.source}), before shrinking:\n${describeError(this.first.error)}`);
    }
    return lines.join('\n');
  }
}

export class Stats {
  private readonly started = performance.now();
  readonly value: CampaignStats = {
    inputs: 0,
    characters: 0,
    seconds: 0,
    perSecond: 0,
    worst: { ms: 0, source: '', length: 0 },
    bySource: {},
    findings: 0,
    fixes: 0,
  };

  record(input: FuzzInput, ms: number, findings = 0, fixes = 0): void {
    const stats = this.value;
    stats.inputs++;
    stats.characters += input.text.length;
    stats.findings += findings;
    stats.fixes += fixes;
    const family = input.source.split(' ')[0];
    stats.bySource[family] = (stats.bySource[family] ?? 0) + 1;
    if (ms > stats.worst.ms) stats.worst = { ms, source: input.source, length: input.text.length };
  }

  finish(): CampaignStats {
    this.value.seconds = (performance.now() - this.started) / 1000;
    this.value.perSecond = this.value.inputs / Math.max(this.value.seconds, 1e-9);
    return this.value;
  }
}

/** Random inputs through the pure core (see checkCore), with a random real file as the workspace neighbour. */
export function runCoreCampaign(options: CampaignOptions): CampaignResult {
  const stats = new Stats();
  const neighbours = seedFiles();
  const watch = new FailureWatch();
  const property = fc.property(
    fuzzInput,
    fc.nat(),
    watch.wrap((input: FuzzInput, neighbour: number) => {
      const other = neighbours.length > 0 ? neighbours[neighbour % neighbours.length].text : '';
      const outcome = checkCore(input.text, input.probes, other, { slack: options.slack, checkTime: options.checkTime });
      stats.record(input, outcome.ms, outcome.findings, outcome.fixes);
    }),
  );
  const details = fc.check(property, {
    seed: options.seed,
    numRuns: options.runs,
    ...(options.seconds ? { interruptAfterTimeLimit: options.seconds * 1000, markInterruptAsFailure: false } : {}),
  });
  const result: CampaignResult = { stats: stats.finish() };
  if (details.failed)
    result.failure = { report: watch.report(details), input: (details.counterexample?.[0] ?? { source: '?', text: '', probes: [] }) as FuzzInput };
  return result;
}

/**
 * The same inputs fed to `node dist/server.js --stdio`, one long-lived process, as edits of one open document
 * (see ServerFuzzer). The server must answer everything, in bounded time, and survive every input.
 */
export async function runServerCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const client = new LspTestClient();
  try {
    const fuzzer = new ServerFuzzer(client, await client.initialize(), options.slack);
    const stats = new Stats();
    const watch = new FailureWatch();
    const property = fc.asyncProperty(
      fuzzInput,
      watch.wrap(async (input: FuzzInput) => {
        const outcome = await fuzzer.check(input);
        stats.record(input, outcome.ms, outcome.diagnostics, outcome.actions);
      }),
    );
    const details = await fc.check(property, {
      seed: options.seed,
      numRuns: options.runs,
      ...(options.seconds ? { interruptAfterTimeLimit: options.seconds * 1000, markInterruptAsFailure: false } : {}),
    });
    const result: CampaignResult = { stats: stats.finish() };
    if (details.failed)
      result.failure = {
        report: `${watch.report(details)}\n\nserver stderr: ${client.stderr.slice(-2000)}`,
        input: (details.counterexample?.[0] ?? { source: '?', text: '', probes: [] }) as FuzzInput,
      };
    return result;
  } finally {
    await client.shutdown();
  }
}

export function formatStats(label: string, stats: CampaignStats): string {
  const sources = Object.entries(stats.bySource)
    .map(([source, n]) => `${source} ${n}`)
    .join(', ');
  return (
    `${label}: ${stats.inputs} inputs (${(stats.characters / 1024 / 1024).toFixed(1)} MB) in ${stats.seconds.toFixed(1)} s = ${stats.perSecond.toFixed(1)} inputs/s; ` +
    `slowest ${stats.worst.ms.toFixed(0)} ms (${stats.worst.source}, ${stats.worst.length} chars); ${stats.findings} findings/diagnostics, ${stats.fixes} fixes/code actions checked; ${sources}`
  );
}
