import { ruleDocsPath } from '../analysis/rule';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { FileResult, RuleInfo } from './results';
import { totals } from './results';

const REPOSITORY = 'https://github.com/kube-service-lens/kube-service-lens';
export const ruleHelpUri = (id: string) => `${REPOSITORY}/blob/main/${ruleDocsPath(id)}`;

/** The API server's line has no final period; keep the two sentences apart on one line. */
const oneLine = (message: string) => message.replace(/([^.!?:])\s*\n\s*/g, '$1. ').replace(/\s*\n\s*/g, ' ');

export function formatText(results: readonly FileResult[], color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const severityText = { error: paint('31', 'error'), warning: paint('33', 'warning'), information: paint('36', 'info'), hint: paint('2', 'hint') };
  const lines: string[] = [];
  for (const result of results) {
    for (const { finding, line, column } of result.findings) {
      lines.push(`${result.display}:${line}:${column} ${severityText[finding.severity]} ${oneLine(finding.message)} [${finding.ruleId}]`);
    }
  }
  const t = totals(results);
  const files = results.length;
  const problems = t.errors + t.warnings + t.infos;
  lines.push(
    problems === 0
      ? `${files} file${files === 1 ? '' : 's'} checked, no problems`
      : `${files} file${files === 1 ? '' : 's'} checked: ${t.errors} error${t.errors === 1 ? '' : 's'}, ${t.warnings} warning${t.warnings === 1 ? '' : 's'}, ${t.infos} info`,
  );
  return lines.join('\n') + '\n';
}

export function formatJson(results: readonly FileResult[]): string {
  return (
    JSON.stringify(
      results.map((result) => ({
        file: result.display,
        findings: result.findings.map(({ finding, line, column, endLine, endColumn }) => ({
          ruleId: finding.ruleId,
          severity: finding.severity,
          message: finding.message,
          line,
          column,
          endLine,
          endColumn,
          data: finding.data,
        })),
      })),
      null,
      2,
    ) + '\n'
  );
}

/** GitHub Actions workflow commands: annotations on the pull request's diff. */
export function formatGithub(results: readonly FileResult[], cwd: string = process.cwd()): string {
  // Annotations attach only with paths relative to the checkout, wherever in it the command ran.
  const root = process.env.GITHUB_WORKSPACE;
  const fileOf = (result: FileResult) => (root && result.path !== '-' ? path.relative(root, result.path) : path.relative(cwd, result.path) || result.display);
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const command = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;
  const lines: string[] = [];
  for (const result of results) {
    for (const { finding, line, column, endLine, endColumn } of result.findings) {
      const props = [
        `file=${escapeProperty(result.path === '-' ? result.display : fileOf(result))}`,
        `line=${line}`,
        `col=${column}`,
        `endLine=${endLine}`,
        `endColumn=${endColumn}`,
        `title=${escapeProperty(finding.ruleId)}`,
      ];
      lines.push(`::${command[finding.severity]} ${props.join(',')}::${escapeData(finding.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** SARIF 2.1.0, with rule metadata, so code-scanning UIs show rule help and exact regions. */
export function formatSarif(results: readonly FileResult[], rules: readonly RuleInfo[], version: string, cwd: string): string {
  const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kube-service-lens',
            semanticVersion: version,
            informationUri: REPOSITORY,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description.split(/(?<=\.)\s/)[0] },
              fullDescription: { text: rule.description },
              helpUri: ruleHelpUri(rule.id),
              defaultConfiguration: { level: level[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((result) =>
          result.findings.map(({ finding, line, column, endLine, endColumn }) => ({
            ruleId: finding.ruleId,
            ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
            level: level[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation:
                    result.path === '-' ? { uri: 'stdin' } : { uri: result.display.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
                  region: { startLine: line, startColumn: column, endLine, endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
