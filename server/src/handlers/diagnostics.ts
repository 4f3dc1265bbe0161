import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { analyzeFile, type Finding } from '../core/analyze';
import { LineIndex } from '../core/text';
import { ALL_RULES } from '../rules';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import type { ServerContext } from './context';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Rule docs ship next to the bundle (dist/server.js → docs/rules/<id>.md), so links work offline. */
export function ruleDocUrl(ruleId: string): string {
  return pathToFileURL(path.join(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).href;
}

export function toDiagnostic(finding: Finding, lines: LineIndex, linesOf: (uri: string) => LineIndex | undefined = () => undefined): Diagnostic {
  const tags: DiagnosticTag[] = [];
  if (finding.tags?.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
  if (finding.tags?.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
  return {
    range: lines.rangeOf(finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { ruleId: finding.ruleId, ...finding.data },
    ...(tags.length > 0 ? { tags } : {}),
    ...(finding.related?.length ? { relatedInformation: relatedInformation(finding, linesOf) } : {}),
  };
}

function relatedInformation(finding: Finding, linesOf: (uri: string) => LineIndex | undefined): DiagnosticRelatedInformation[] {
  const result: DiagnosticRelatedInformation[] = [];
  for (const related of finding.related ?? []) {
    const lines = linesOf(related.uri);
    if (lines) result.push({ location: { uri: related.uri, range: lines.rangeOf(related.start, related.end) }, message: related.message });
  }
  return result;
}

/** Publishes diagnostics for open documents: the edited one at once, others affected by it a little later. */
export function registerDiagnostics(ctx: ServerContext): (uri?: string) => void {
  const timers = new Map<string, NodeJS.Timeout>();

  const publish = (uri: string) => {
    const document = ctx.documents.get(uri);
    if (!document) return;
    const file = ctx.fileModel(uri);
    if (!file) return;
    const findings = analyzeFile(file, ctx.index, ctx.settings(), ALL_RULES);
    const lines = new LineIndex(file.text);
    const otherLines = new Map<string, LineIndex>();
    const linesOf = (other: string) => {
      if (other === uri) return lines;
      if (!otherLines.has(other)) {
        const text = ctx.fileModel(other)?.text;
        if (text !== undefined) otherLines.set(other, new LineIndex(text));
      }
      return otherLines.get(other);
    };
    void ctx.connection.sendDiagnostics({ uri, version: document.version, diagnostics: findings.map((f) => toDiagnostic(f, lines, linesOf)) });
  };

  const schedule = (uri: string, delay: number) => {
    const existing = timers.get(uri);
    if (existing) clearTimeout(existing);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        try {
          publish(uri);
        } catch (error) {
          ctx.connection.console.error(`Diagnostics failed for ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
        }
      }, delay),
    );
  };

  ctx.documents.onDidClose(({ document }) => {
    const timer = timers.get(document.uri);
    if (timer) clearTimeout(timer);
    timers.delete(document.uri);
    void ctx.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  // Another file's Services and workloads can change this file's cross-resource results.
  ctx.onIndexChanged((changed) => {
    for (const document of ctx.documents.all()) {
      schedule(document.uri, document.uri === changed ? 0 : 150);
    }
  });

  return (uri?: string) => {
    if (uri) schedule(uri, 0);
    else for (const document of ctx.documents.all()) schedule(document.uri, 0);
  };
}
