import type { Finding } from '../analysis/analyze';
import type { Rule } from '../analysis/rule';
import { LineIndex } from '../document/text';

/** A finding placed for humans and tools: 1-based lines and columns (UTF-16 code units). */
export interface FileResult {
  /** Path as shown to the user (relative to the working folder), or '<stdin>'. */
  display: string;
  /** Absolute path, or '-' for standard input. */
  path: string;
  findings: Array<{ finding: Finding; line: number; column: number; endLine: number; endColumn: number }>;
}

export function placeFindings(display: string, filePath: string, text: string, findings: readonly Finding[]): FileResult {
  const lines = new LineIndex(text);
  return {
    display,
    path: filePath,
    findings: findings.map((finding) => {
      const start = lines.positionAt(finding.start);
      const end = lines.positionAt(finding.end);
      return { finding, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
    }),
  };
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
}

export function totals(results: readonly FileResult[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0 };
  for (const result of results) {
    for (const { finding } of result.findings) {
      if (finding.severity === 'error') t.errors++;
      else if (finding.severity === 'warning') t.warnings++;
      else t.infos++;
    }
  }
  return t;
}

export type RuleInfo = Pick<Rule, 'id' | 'defaultSeverity' | 'description'>;
