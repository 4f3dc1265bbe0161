import type { Finding } from '../../server/src/analysis/analyze';
import { analyzeFile } from '../../server/src/analysis/analyze';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../server/src/analysis/settings';
import type { Rule } from '../../server/src/analysis/rule';
import { LanguageService } from '../../server/src/service/languageService';

/** A language service over in-memory files (uri → text), with `settings` over the defaults, as the CLI builds one. */
export function serviceWith(files: Record<string, string>, settings: Partial<AnalysisSettings> = {}): LanguageService {
  const service = new LanguageService();
  service.configure({ ...DEFAULT_SETTINGS, ...settings });
  for (const [uri, text] of Object.entries(files)) service.setFile(uri, text, { announce: false });
  return service;
}

/** Analyses one or more in-memory files as a workspace; returns the findings of the first file. */
export function analyze(
  text: string,
  options: { others?: Record<string, string>; settings?: Partial<AnalysisSettings>; rules?: readonly Rule[]; uri?: string } = {},
): Finding[] {
  const uri = options.uri ?? 'file:///workspace/test.yaml';
  const service = serviceWith({ [uri]: text, ...options.others }, options.settings);
  const file = service.file(uri);
  if (!file) throw new Error(`${uri} is not indexed`);
  // Only some rules: a unit test of one rule must not depend on the others.
  if (options.rules) return analyzeFile(file, service.index, service.settingsFor(uri), options.rules);
  return service.findings(file);
}

/** The text a finding covers. */
export function covered(text: string, finding: Finding): string {
  return text.slice(finding.start, finding.end);
}

/** Findings of one rule only. */
export function findingsOf(text: string, ruleId: string, options: Parameters<typeof analyze>[1] = {}): Finding[] {
  return analyze(text, options).filter((f) => f.ruleId === ruleId);
}
