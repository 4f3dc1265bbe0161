import { parseFile } from '../../server/src/kubernetes/manifest';
import { analyzeFile, type Finding } from '../../server/src/analysis/analyze';
import { WorkspaceIndex } from '../../server/src/kubernetes/workspace';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../server/src/analysis/settings';
import { ALL_RULES } from '../../server/src/rules';
import type { Rule } from '../../server/src/analysis/rule';

/** Analyses one or more in-memory files as a workspace; returns the findings of the first file. */
export function analyze(
  text: string,
  options: { others?: Record<string, string>; settings?: Partial<AnalysisSettings>; rules?: readonly Rule[]; uri?: string } = {},
): Finding[] {
  const index = new WorkspaceIndex();
  const uri = options.uri ?? 'file:///workspace/test.yaml';
  const file = parseFile(uri, text);
  index.set(file);
  for (const [otherUri, otherText] of Object.entries(options.others ?? {})) index.set(parseFile(otherUri, otherText));
  return analyzeFile(file, index, { ...DEFAULT_SETTINGS, ...options.settings }, options.rules ?? ALL_RULES);
}

/** The text a finding covers. */
export function covered(text: string, finding: Finding): string {
  return text.slice(finding.start, finding.end);
}

/** Findings of one rule only. */
export function findingsOf(text: string, ruleId: string, options: Parameters<typeof analyze>[1] = {}): Finding[] {
  return analyze(text, options).filter((f) => f.ruleId === ruleId);
}
