import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { analyzeFile, analyzeFileInSlices, type Finding } from '../core/analyze';
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

/** After typing stops for this long, cross-resource results of untouched objects are brought up to date. */
const FULL_PASS_DELAY_MS = 250;
/**
 * An edit that comes this soon after the previous one is part of a burst (a paste, an undo, a formatter, fast
 * typing): its quick pass waits until the burst settles, so only the last version is analysed. The first edit
 * after a pause is analysed at once.
 */
const BURST_MS = 30;

/**
 * Publishes diagnostics for open documents in two passes. On an edit, a quick pass at once: chunk-local findings come
 * from the per-chunk cache and only objects not seen before (the edited document's) are checked across the
 * workspace. Shortly after typing stops, a full pass re-checks every object against the current workspace, in
 * slices, abandoned as soon as a newer edit makes it stale. Documents affected by another file's change get the
 * full pass only.
 */
export function registerDiagnostics(ctx: ServerContext): (uri?: string) => void {
  const quickTimers = new Map<string, NodeJS.Timeout>();
  const fullTimers = new Map<string, NodeJS.Timeout>();
  const generations = new Map<string, number>();
  const lastEdit = new Map<string, number>();
  const quickDelay = (uri: string) => {
    const now = Date.now();
    const previous = lastEdit.get(uri);
    lastEdit.set(uri, now);
    return previous !== undefined && now - previous < BURST_MS ? BURST_MS : 0;
  };
  // The index version at which a document's findings were last computed in full (no reused cross results).
  const completeAt = new Map<string, number>();

  const send = (uri: string, version: number, text: string, findings: readonly Finding[]) => {
    const lines = new LineIndex(text);
    const otherLines = new Map<string, LineIndex>();
    const linesOf = (other: string) => {
      if (other === uri) return lines;
      if (!otherLines.has(other)) {
        const otherText = ctx.fileModel(other)?.text;
        if (otherText !== undefined) otherLines.set(other, new LineIndex(otherText));
      }
      return otherLines.get(other);
    };
    void ctx.connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(f, lines, linesOf)) });
  };

  const report = (uri: string, error: unknown) =>
    ctx.connection.console.error(`Diagnostics failed for ${uri}: ${error instanceof Error ? error.stack : String(error)}`);

  const quickPass = (uri: string) => {
    const document = ctx.documents.get(uri);
    const file = document && ctx.fileModel(uri);
    if (!document || !file) return;
    const stats = { reused: 0 };
    const indexVersion = ctx.index.version;
    send(uri, document.version, file.text, analyzeFile(file, ctx.index, ctx.settings(), ALL_RULES, 'reuse', stats));
    if (stats.reused === 0) completeAt.set(uri, indexVersion);
    else completeAt.delete(uri);
  };

  const fullPass = async (uri: string) => {
    const document = ctx.documents.get(uri);
    const file = document && ctx.fileModel(uri);
    if (!document || !file) return;
    const generation = (generations.get(uri) ?? 0) + 1;
    generations.set(uri, generation);
    const version = document.version;
    const indexVersion = ctx.index.version;
    // Opening a file computes everything in the quick pass already; nothing has changed since.
    if (completeAt.get(uri) === indexVersion) return;
    const isStale = () => generations.get(uri) !== generation || ctx.documents.get(uri)?.version !== version || ctx.index.version !== indexVersion;
    const findings = await analyzeFileInSlices(file, ctx.index, ctx.settings(), ALL_RULES, isStale);
    if (findings) {
      send(uri, version, file.text, findings);
      completeAt.set(uri, indexVersion);
    }
  };

  const later = (timers: Map<string, NodeJS.Timeout>, uri: string, delay: number, run: (uri: string) => void | Promise<void>) => {
    const existing = timers.get(uri);
    if (existing) clearTimeout(existing);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        try {
          void Promise.resolve(run(uri)).catch((error) => report(uri, error));
        } catch (error) {
          report(uri, error);
        }
      }, delay),
    );
  };

  const forget = (uri: string) => {
    for (const timers of [quickTimers, fullTimers]) {
      const timer = timers.get(uri);
      if (timer) clearTimeout(timer);
      timers.delete(uri);
    }
    // Any full pass still running for this document is now stale.
    generations.set(uri, (generations.get(uri) ?? 0) + 1);
    completeAt.delete(uri);
    lastEdit.delete(uri);
  };

  ctx.documents.onDidClose(({ document }) => {
    forget(document.uri);
    void ctx.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  // Another file's Services and workloads can change this file's cross-resource results.
  ctx.onIndexChanged((changed) => {
    for (const document of ctx.documents.all()) {
      if (document.uri === changed) later(quickTimers, document.uri, quickDelay(changed), quickPass);
      later(fullTimers, document.uri, FULL_PASS_DELAY_MS, fullPass);
    }
  });

  // Settings changed or the workspace scan finished: everything must be recomputed.
  return (uri?: string) => {
    for (const document of uri ? [ctx.documents.get(uri)].filter((d) => d !== undefined) : ctx.documents.all()) {
      completeAt.delete(document.uri);
      later(fullTimers, document.uri, 0, fullPass);
    }
  };
}
