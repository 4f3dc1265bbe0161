import { analyzeFile, type Finding } from '../../server/src/analysis/analyze';
import { fixAll, fixesFor } from '../../server/src/features/fixes';
import { applyEdits, type TextEdit } from '../../server/src/document/edits';
import { serviceRefactors } from '../../server/src/kubernetes/serviceEdits';
import { hoverAt } from '../../server/src/features/hover';
import { isService, type ServiceModel } from '../../server/src/kubernetes/model';
import { parseFile } from '../../server/src/kubernetes/manifest';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../server/src/analysis/settings';
import { buildTrafficPaths } from '../../server/src/features/traffic/buildPaths';
import { toMermaid } from '../../server/src/features/traffic/mermaid';
import { WorkspaceIndex } from '../../server/src/kubernetes/workspace';
import { ALL_RULES } from '../../server/src/rules';
import { timeBound } from './bounds';

export const FUZZ_URI = 'file:///fuzz/workspace/input.yaml';
const OTHER_URI = 'file:///fuzz/workspace/other.yaml';
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

/** A broken invariant: what failed, on which input. fast-check shrinks the input and reports it. */
export class InvariantError extends Error {}

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}

/** An offset between the two halves of a surrogate pair is no valid place for an LSP position to point. */
function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

export function expectSpan(text: string, start: number, end: number, what: string): void {
  expect(Number.isInteger(start) && Number.isInteger(end), `${what}: offsets ${start}-${end} are not integers`);
  expect(start >= 0 && start <= end && end <= text.length, `${what}: span ${start}-${end} lies outside the text (length ${text.length})`);
  expect(!splitsPair(text, start) && !splitsPair(text, end), `${what}: span ${start}-${end} splits a surrogate pair`);
}

/**
 * YAML errors as the server sees them: through parseFile, whose nesting guard keeps absurd documents away from the
 * parser (a bare parseAllDocuments of the deep-nesting regression aborts the whole test process).
 */
const yamlErrors = (text: string) => parseFile(FUZZ_URI, text).chunks.reduce((n, chunk) => n + chunk.parsed.syntaxErrors.length, 0);

/**
 * Rules and fix providers run behind guards that log and carry on, so a crash inside one would only show as a
 * missing diagnostic. The fuzz run counts anything they log as a crash.
 */
function capturingConsoleErrors<T>(run: () => T): T {
  const original = console.error;
  const logged: string[] = [];
  console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  try {
    const result = run();
    expect(logged.length === 0, `a guarded component failed:\n${logged.join('\n')}`);
    return result;
  } finally {
    console.error = original;
  }
}

/** Edits of one fix or of fix-all: inside the text, not splitting characters, and not overlapping. */
function checkEdits(text: string, edits: readonly TextEdit[], what: string): void {
  for (const edit of edits) expectSpan(text, edit.start, edit.end, `${what} edit`);
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i].start >= sorted[i - 1].end, `${what}: edits overlap`);
}

/** Applying a fix and re-analysing costs a full parse; beyond this many fixes per input only the edits are checked. */
const APPLIED_FIXES = 20;

export interface CoreCheckOptions {
  settings?: AnalysisSettings;
  /** Widens the time bound (see bounds.ts). */
  slack?: number;
  /**
   * False where the machine's load must not decide the verdict: unit tests check the invariants only, and
   * `npm run bench` measures the time.
   */
  checkTime?: boolean;
}

export interface CoreOutcome {
  /** The slowest stage (diagnostics, one hover, code actions, traffic graph): what one editor request costs. */
  ms: number;
  findings: number;
  fixes: number;
}

/**
 * Runs the whole pure core over one input, next to a second workspace file for cross-file rules: parse and every
 * rule (what diagnostics cost), hovers at the probe offsets, every quick fix and fix-all (what a code action
 * request costs; the first fixes are applied and re-analysed), and the traffic graph. Unless `checkTime` is false,
 * each stage must finish within a bound linear in the input size. Throws InvariantError when an invariant breaks,
 * or whatever escaped.
 */
export function checkCore(text: string, probes: readonly number[], other = '', options: CoreCheckOptions = {}): CoreOutcome {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  let slowest = 0;
  const bound = timeBound(text.length + other.length, options.slack);
  const timed = <T>(stage: string, run: () => T): T => {
    const started = performance.now();
    const result = run();
    const ms = performance.now() - started;
    slowest = Math.max(slowest, ms);
    expect(options.checkTime === false || ms <= bound, `${stage} took ${ms.toFixed(0)} ms on ${text.length} characters (bound ${bound.toFixed(0)} ms)`);
    return result;
  };
  const outcome = capturingConsoleErrors(() => {
    const index = new WorkspaceIndex();
    index.set(parseFile(OTHER_URI, other));
    const { file, findings } = timed('diagnostics', () => {
      const parsed = parseFile(FUZZ_URI, text);
      index.set(parsed);
      return { file: parsed, findings: analyzeFile(parsed, index, settings, ALL_RULES) };
    });
    for (const finding of findings) checkFinding(text, text + other, finding);

    for (const probe of probes) {
      const offset = probe % (text.length + 1);
      const hover = timed('hover', () => hoverAt({ uri: FUZZ_URI, file, workspace: index, settings }, offset));
      if (hover) {
        expectSpan(text, hover.start, hover.end, 'hover');
        expect(typeof hover.markdown === 'string' && hover.markdown.length > 0, 'hover: empty markdown');
      }
    }

    const { offered, all } = timed('code actions', () => ({
      offered: [
        ...findings.map((finding) => ({ what: finding.ruleId, fixes: fixesFor(file, index, settings, finding) })),
        // The type conversions offered on every Service are code actions too.
        ...file.objects
          .filter(({ object }) => isService(object))
          .map(({ object, chunk }) => ({
            what: `Service ${object.name ?? '?'}`,
            fixes: serviceRefactors(text, chunk, object as ServiceModel, settings, index),
          })),
      ],
      all: fixAll(file, index, settings, findings),
    }));
    checkEdits(text, all, 'fix-all');
    const errorsBefore = yamlErrors(text);
    let fixes = 0;
    for (const { what: target, fixes: list } of offered) {
      for (const fix of list) {
        const what = `fix "${fix.title}" for ${target}`;
        checkEdits(text, fix.edits, what);
        if (fixes++ >= APPLIED_FIXES) continue;
        const fixed = applyEdits(text, fix.edits);
        expect(yamlErrors(fixed) <= errorsBefore, `${what} broke the YAML:\n${fixed}`);
        analyzeFile(parseFile(FUZZ_URI, fixed), index, settings, ALL_RULES);
      }
    }

    for (const offset of [undefined, probes[0] % (text.length + 1)]) {
      const graph = timed('traffic graph', () => toMermaid(buildTrafficPaths({ file, workspace: index, settings, findings, offset }).paths));
      expect(typeof graph.text === 'string', 'traffic graph: no Mermaid text');
    }
    return { findings: findings.length, fixes };
  });
  return { ms: slowest, ...outcome };
}

/** Words that only reach a message through a programming slip, unless the manifests themselves contain them. */
const SLIPS = ['undefined', 'NaN', '[object Object]'];

function checkFinding(text: string, inputs: string, finding: Finding): void {
  expectSpan(text, finding.start, finding.end, `finding ${finding.ruleId}`);
  expect(SEVERITIES.has(finding.severity), `finding ${finding.ruleId}: severity ${finding.severity}`);
  expect(typeof finding.message === 'string' && finding.message.trim().length > 0, `finding ${finding.ruleId}: empty message`);
  const slip = SLIPS.find((word) => finding.message.includes(word) && !inputs.includes(word));
  expect(!slip, `finding ${finding.ruleId}: the message shows "${slip}": ${finding.message}`);
}
