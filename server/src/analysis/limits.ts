/**
 * What the server refuses to analyse, and the one notice that says so. Editors send whatever file is open; the
 * server must stay fast and alive on all of it, so some input is deliberately not parsed:
 *
 * - Text beyond `kubeServiceLens.maxFileSize`: only the documents that END within the limit are parsed, so memory
 *   and time are bounded by the limit, not by the file (a document crossing the limit would drag the rest in).
 * - A document nested deeper than any Kubernetes object ever is (hundreds of levels). The `yaml` parser recurses
 *   per level; past ~1,000 levels it runs out of stack, and when that happens while V8 compiles a regular
 *   expression the process aborts ("RegExpCompiler Allocation failed") instead of throwing: one hostile file
 *   killed the server. Such a document is not handed to the parser at all.
 */
import type { Finding } from './finding';
import { MAX_FLOW_DEPTH, MAX_LINE_LEAD } from '../document/nesting';
import type { FileModel } from '../kubernetes/manifest';
import type { AnalysisSettings } from './settings';
import { defineRule } from './rule';

// Reported by limitNotices, not by a check: the text they describe was never parsed.
export const fileTooLarge = defineRule({
  id: 'file-too-large',
  defaultSeverity: 'information',
  description: 'The file is larger than kubeServiceLens.maxFileSize, so only the documents within that size were checked.',
  crossResource: false,
  partialSafe: true,
});

export const nestingTooDeep = defineRule({
  id: 'nesting-too-deep',
  defaultSeverity: 'information',
  description: 'A YAML document nests hundreds of levels deep, far beyond any Kubernetes object, so it was not checked.',
  crossResource: false,
  partialSafe: true,
});

function megabytes(characters: number): string {
  const mb = characters / 1024 / 1024;
  return `${mb >= 10 ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}

/** The notices for what `parseFile` left out: one for the size limit (on line 1), one per over-deep document. */
export function limitNotices(file: FileModel, settings: AnalysisSettings): Finding[] {
  const notices: Finding[] = [];
  const severityOf = (id: string) => settings.severities[id];
  const truncated = file.truncated;
  if (truncated && severityOf(fileTooLarge.id) !== 'off') {
    const firstLineEnd = file.text.search(/\r?\n|$/);
    const size = `This file (${megabytes(file.text.length)}) is larger than kubeServiceLens.maxFileSize (${settings.maxFileSize} MB)`;
    const documents = file.chunks.length === 1 ? 'the first document' : `the first ${file.chunks.length} documents`;
    const checked =
      file.chunks.length === 0 ? ', so it was not checked.' : `: only lines 1-${lineOf(file.text, truncated.analysedUpTo - 1)} (${documents}) were checked.`;
    notices.push({
      ruleId: fileTooLarge.id,
      severity: (severityOf(fileTooLarge.id) as Finding['severity'] | undefined) ?? fileTooLarge.defaultSeverity,
      message: `${size}${checked}\nRaise kubeServiceLens.maxFileSize (in MB, 0 for no limit) to check all of it; very large files make every edit slower.`,
      start: 0,
      end: Math.min(firstLineEnd, 200),
    });
  }
  if (severityOf(nestingTooDeep.id) !== 'off') {
    for (const chunk of file.chunks) {
      if (!chunk.parsed.tooDeep) continue;
      notices.push({
        ruleId: nestingTooDeep.id,
        severity: (severityOf(nestingTooDeep.id) as Finding['severity'] | undefined) ?? nestingTooDeep.defaultSeverity,
        message: `This YAML document nests deeper than ${MAX_FLOW_DEPTH} brackets or ${MAX_LINE_LEAD} columns of indentation, far beyond any Kubernetes object, so it was not checked.`,
        start: chunk.start,
        end: chunk.start + Math.min(chunk.parsed.text.search(/\r?\n|$/), 200),
      });
    }
  }
  return notices;
}

/** The 1-based line of the character at `offset`. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
