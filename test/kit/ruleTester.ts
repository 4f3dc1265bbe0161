/**
 * One table per rule, in the spirit of ESLint's RuleTester: `valid` code the rule must not report, `invalid` code
 * with every finding it must report. Each case runs the real analysis (analyzeFile over a workspace built from the
 * case's files, so cross-file rules work) and the real fix engine (fixesFor), and pins, for every finding:
 *
 * - its range, marked in the code: `type: ⟦nodeport⟧` (markers may nest, `⟦⟦x⟧⟧` marks two findings on `x`), or
 *   named by the error's `at`, text that occurs exactly once in the code (for code a helper builds around the span);
 * - its message, word for word; its data, severity, tags and related locations (left out: none / the default);
 * - every fix it offers, in order: title, whether it is safe and preferred, and the whole text after applying it.
 *
 * Nothing is compared loosely: a finding the table does not list, or a fix it does not list, fails the case.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../server/src/kubernetes/manifest';
import { analyzeFile, type Finding } from '../../server/src/analysis/analyze';
import { WorkspaceIndex } from '../../server/src/kubernetes/workspace';
import { DEFAULT_SETTINGS, type AnalysisSettings, type Severity } from '../../server/src/analysis/settings';
import type { FindingTag, RelatedLocation, Rule } from '../../server/src/analysis/rule';
import { fixesFor } from '../../server/src/features/fixes';
import { applyEdits } from '../../server/src/document/edits';

// Not `[[`/`]]`: findings often cover a YAML flow list (`clusterIPs: [10.0.0.2]`), whose brackets would run into them.
export const OPEN = '⟦';
export const CLOSE = '⟧';

/** The URI of the case's code, unless the case names another (rules that look at file names, such as Helm values). */
export const DEFAULT_URI = 'file:///workspace/test.yaml';

export interface ValidCase {
  /** The test's name; the code's first lines when left out. */
  name?: string;
  code: string;
  /** Other files of the workspace, by URI: what cross-resource rules read. */
  files?: Record<string, string>;
  uri?: string;
  settings?: Partial<AnalysisSettings>;
}

export interface ExpectedFix {
  title: string;
  /** The whole text after applying the fix (without markers). */
  output: string;
  safe?: boolean;
  preferred?: boolean;
}

export interface ExpectedError {
  /** The text the finding covers, when the code has no markers; it must occur exactly once in the code. */
  at?: string;
  message: string;
  data?: Record<string, unknown>;
  /** Left out: the rule's default severity. */
  severity?: Severity;
  tags?: FindingTag[];
  related?: RelatedLocation[];
  /** Every fix offered for this finding, in order; left out: none. */
  fixes?: ExpectedFix[];
}

export interface InvalidCase extends ValidCase {
  /** One per finding, in the order of the findings (by range), each on the next marked span of the code. */
  errors: ExpectedError[];
}

export interface RuleCases {
  valid: Array<ValidCase | string>;
  invalid: InvalidCase[];
}

/** The code without markers, and the marked spans sorted as findings are (by start, then end). */
export function unmark(marked: string): { text: string; spans: Array<{ start: number; end: number }> } {
  let text = '';
  const open: number[] = [];
  const spans: Array<{ start: number; end: number }> = [];
  for (const char of marked) {
    if (char === OPEN) open.push(text.length);
    else if (char === CLOSE) {
      const start = open.pop();
      assert.ok(start !== undefined, `unbalanced ${CLOSE} in the code`);
      spans.push({ start, end: text.length });
    } else text += char;
  }
  assert.equal(open.length, 0, `unbalanced ${OPEN} in the code`);
  return { text, spans: spans.sort((a, b) => a.start - b.start || a.end - b.end) };
}

/** The code with a marker pair around each span: what a case writes for these findings. */
export function mark(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  const count = (test: (span: { start: number; end: number }) => boolean) => spans.filter(test).length;
  let marked = '';
  for (let i = 0; i <= text.length; i++) {
    // Spans ending here close before empty spans here open and close, and those before longer spans open.
    marked += CLOSE.repeat(count((s) => s.end === i && s.start < i));
    marked += `${OPEN}${CLOSE}`.repeat(count((s) => s.start === i && s.end === i));
    marked += OPEN.repeat(count((s) => s.start === i && s.end > i));
    if (i < text.length) marked += text[i];
  }
  return marked;
}

interface Analysed {
  findings: Finding[];
  fixes: (finding: Finding) => ExpectedFix[];
}

function analyse(rule: Rule, text: string, options: ValidCase): Analysed {
  const index = new WorkspaceIndex();
  // The folders rule tests put files in (`files: { 'file:///w/api.yaml': ... }`), as workspace folders: messages name
  // files by their path inside them.
  index.setRoots(['file:///w/', 'file:///workspace/']);
  const file = parseFile(options.uri ?? DEFAULT_URI, text);
  index.set(file);
  for (const [uri, other] of Object.entries(options.files ?? {})) index.set(parseFile(uri, other));
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  return {
    findings: analyzeFile(file, index, settings, [rule]).filter((finding) => finding.ruleId === rule.id),
    fixes: (finding) =>
      fixesFor(file, index, settings, finding).map((fix) => ({
        title: fix.title,
        output: applyEdits(text, fix.edits),
        safe: fix.safe,
        preferred: !!fix.preferred,
      })),
  };
}

/** Only the properties a finding has, so a missing `data` and `data: undefined` compare equal. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The code without markers, and each expected error's span: from the markers, or from its `at` text. */
function spansOf(item: InvalidCase): { text: string; spans: Array<{ start: number; end: number }> } {
  const { text, spans } = unmark(item.code);
  if (spans.length > 0) {
    assert.equal(spans.length, item.errors.length, 'the code marks one span per expected error');
    assert.ok(
      item.errors.every((error) => error.at === undefined),
      'an error is placed by markers or by `at`, not both',
    );
    return { text, spans };
  }
  return {
    text,
    spans: item.errors.map(({ at }) => {
      assert.ok(at, 'without markers in the code, every error names the text it covers (`at`)');
      const start = text.indexOf(at);
      assert.ok(start >= 0 && text.indexOf(at, start + 1) < 0, `\`${at}\` must occur exactly once in the code`);
      return { start, end: start + at.length };
    }),
  };
}

const caseName = (item: ValidCase) => item.name ?? item.code.split('\n').slice(0, 3).join(' ⏎ ');

/** Throws when the rule reports anything on the case's code. */
export function checkValid(rule: Rule, item: ValidCase): void {
  const { text, spans } = unmark(item.code);
  assert.equal(spans.length, 0, 'valid code marks no findings');
  assert.deepEqual(
    analyse(rule, text, item).findings.map((f) => `${f.message} at ${f.start}-${f.end}`),
    [],
  );
}

/** Throws unless the rule reports exactly the case's errors, each with exactly its fixes. */
export function checkInvalid(rule: Rule, item: InvalidCase): void {
  const { text, spans } = spansOf(item);
  const { findings, fixes } = analyse(rule, text, item);
  const actual = findings.map((finding) => ({
    at: mark(text, [finding]),
    ...defined({ message: finding.message, data: finding.data, severity: finding.severity, tags: finding.tags, related: finding.related }),
    fixes: fixes(finding),
  }));
  const expected = item.errors.map((error, i) => ({
    at: mark(text, [spans[i]]),
    ...defined({ message: error.message, data: error.data, severity: error.severity ?? rule.defaultSeverity, tags: error.tags, related: error.related }),
    fixes: (error.fixes ?? []).map((fix) => ({ title: fix.title, output: fix.output, safe: fix.safe ?? false, preferred: fix.preferred ?? false })),
  }));
  assert.deepEqual(actual, expected);
}

export const ruleTester = {
  run(rule: Rule, cases: RuleCases): void {
    describe(rule.id, () => {
      for (const item of cases.valid.map((valid) => (typeof valid === 'string' ? { code: valid } : valid))) {
        it(`valid: ${caseName(item)}`, () => checkValid(rule, item));
      }
      for (const item of cases.invalid) it(`invalid: ${caseName(item)}`, () => checkInvalid(rule, item));
    });
  },
};
