import { parseDocument } from 'yaml';
import type { Finding } from '../analysis/finding';
import { nestsTooDeep } from '../document/nesting';
import { asMap, fieldOf, type Span } from '../document/yamlNodes';
import { projectConfig } from '../rules/project-config';
import type { ProjectConfig } from './projectConfig';

/** The project file's problems as findings on its own text (`text` is what `config` was parsed from). */
export function projectConfigFindings(config: ProjectConfig, text: string): Finding[] {
  return config.problems.map((problem) => {
    const message = withoutPath(config.path, problem);
    const located = locateProblem(text, message);
    return {
      ruleId: projectConfig.id,
      severity: projectConfig.defaultSeverity,
      message: `${message}.\n${consequence(located.entry)}`,
      start: located.span.start,
      end: located.span.end,
    };
  });
}

/** What to tell a user whose project file has problems but is not open, where no finding would be seen. */
export function closedProjectFileWarning(config: ProjectConfig, text: string | undefined): string {
  const [first, ...others] = config.problems;
  const located = locateProblem(text ?? '', withoutPath(config.path, first));
  const more = others.length > 0 ? ` (and ${others.length} more; open the file to see them)` : '';
  return `Kubernetes Service Lens: ${first}${more}. ${consequence(located.entry)}`;
}

/** parseProjectConfig names the file in every problem; on the file itself that is noise. */
function withoutPath(file: string, problem: string): string {
  return problem.startsWith(`${file}: `) ? problem.slice(file.length + 2) : problem;
}

/** The same for the editor and the CLI, which share parseProjectConfig. */
function consequence(entry: boolean): string {
  return entry ? 'This entry is ignored; the rest of the file applies.' : "None of this file's settings apply until this is fixed.";
}

/**
 * Where a problem from parseProjectConfig sits in the file: the offending entry when the problem names one
 * (`entry: true`), else the YAML error or the first line. A problem this does not recognise still gets shown.
 */
export function locateProblem(text: string, problem: string): { span: Span; entry: boolean } {
  const firstLine: Span = { start: 0, end: Math.max(0, text.search(/\r?\n|$/)) };
  if (nestsTooDeep(text)) return { span: firstLine, entry: false };
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    const [start, end] = doc.errors[0].pos;
    return { span: { start, end: Math.max(end, start + 1) }, entry: false };
  }
  const root = asMap(doc.contents);
  const ruleId = /^rules\.(.*): "/.exec(problem)?.[1];
  const unknown = /^unknown setting "(.*)"/.exec(problem)?.[1];
  const known = /^(nodePortRange|clusterProfile|rules|helm)\b/.exec(problem)?.[1];
  const field = ruleId !== undefined ? fieldOf(asMap(fieldOf(root, 'rules')?.node), ruleId) : fieldOf(root, unknown ?? known ?? '');
  if (!field) return { span: firstLine, entry: false };
  // An unknown key is wrong in itself; for the others the value is what needs changing.
  const span = unknown !== undefined || field.valueSpan.start === field.valueSpan.end ? field.keySpan : field.valueSpan;
  return { span, entry: true };
}
