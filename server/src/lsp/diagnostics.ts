import { ruleDocsPath } from '../analysis/rule';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { Finding } from '../analysis/analyze';
import type { PositionMapper } from '../document/positions';
import { DIAGNOSTIC_SOURCE } from '../protocol/index';
import type { ServerContext } from './context';
import type { FileModel } from '../kubernetes/manifest';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const docUrls = new Map<string, string>();

/** Rule docs ship next to the bundle (dist/server.js → docs/rules/<id>.md), so links work offline. */
export function ruleDocUrl(ruleId: string): string {
  let url = docUrls.get(ruleId);
  if (url === undefined) docUrls.set(ruleId, (url = pathToFileURL(path.join(__dirname, '..', ruleDocsPath(ruleId))).href));
  return url;
}

type Lines = Pick<PositionMapper, 'rangeOf'>;

export function toDiagnostic(finding: Finding, lines: Lines, linesOf: (uri: string) => Lines | undefined = () => undefined): Diagnostic {
  const tags: DiagnosticTag[] = [];
  if (finding.tags?.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
  if (finding.tags?.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
  return {
    range: lines.rangeOf(finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    // The project file's problems are explained in their message; there is no rule page for them.
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    // Code actions tell apart findings of one rule on one range by it (codeActions.ts).
    data: { ruleId: finding.ruleId, ...finding.data },
    ...(tags.length > 0 ? { tags } : {}),
    ...(finding.related?.length ? { relatedInformation: relatedInformation(finding, linesOf) } : {}),
  };
}

function relatedInformation(finding: Finding, linesOf: (uri: string) => Lines | undefined): DiagnosticRelatedInformation[] {
  const result: DiagnosticRelatedInformation[] = [];
  for (const related of finding.related ?? []) {
    const lines = linesOf(related.uri);
    if (lines) result.push({ location: { uri: related.uri, range: lines.rangeOf(related.start, related.end) }, message: related.message });
  }
  return result;
}

/** Edits closer together than this come from a machine (paste, undo, formatter), not from typing. */
const BURST_MS = 10;
/**
 * The longest an edit waits for the previous pass's length. The pass that opens a huge file checks every object and
 * takes seconds; the keystrokes after it cost a few milliseconds each and must not wait that long.
 */
const MAX_CATCH_UP_MS = 50;
/** After typing stops for this long, cross-resource results of untouched objects are brought up to date. */
const FULL_PASS_DELAY_MS = 250;

/**
 * Publishes diagnostics for open documents in two passes. On an edit, a quick pass at once: chunk-local findings come
 * from the per-chunk cache and only objects not seen before (the edited document's) are checked across the
 * workspace. Shortly after typing stops, a full pass re-checks every object against the current workspace, in
 * slices, abandoned as soon as a newer edit makes it stale. Documents affected by another file's change get the
 * full pass only.
 */
export interface DiagnosticsPublisher {
  /** Recompute everything (settings changed, the workspace scan finished): for one document or all open ones. */
  schedule(uri?: string): void;
}

type Pending = { immediate: NodeJS.Immediate } | { timeout: NodeJS.Timeout };

function cancel(pending: Pending | undefined): void {
  if (pending && 'immediate' in pending) clearImmediate(pending.immediate);
  else if (pending) clearTimeout(pending.timeout);
}

export function registerDiagnostics(ctx: ServerContext): DiagnosticsPublisher {
  const { service } = ctx;
  const quickTimers = new Map<string, Pending>();
  const fullTimers = new Map<string, Pending>();
  const generations = new Map<string, number>();
  /**
   * An edit is analysed at once, except in two cases where analysing every version would be wasted work:
   * - it is handled within BURST_MS after the previous edit or after the previous pass and its publish, i.e. it was
   *   waiting to be read (a paste, an undo burst, a formatter, a macro, or plain typing into a file that takes
   *   longer to check than the gap between keys): the pass waits until the edits pause, and analyses only the
   *   latest version;
   * - it arrives less than one pass-length after the previous pass ended (typing faster than a huge file can be
   *   checked): the pass waits out that length, so passes take at most about half the time during a burst.
   * Keystrokes at typing pace (tens of milliseconds apart or more) on ordinary files are never delayed.
   */
  const lastHandled = new Map<string, number>();
  const lastQuick = new Map<string, { end: number; cost: number; published: number }>();
  const quickDelay = (uri: string, receivedAt: number) => {
    const now = performance.now();
    const previous = lastHandled.get(uri);
    lastHandled.set(uri, now);
    // Measured from the end of handling the previous edit, so that a burst stays one burst however long each edit
    // takes to parse.
    const last = lastQuick.get(uri);
    // Handled right after the previous edit, or right after the previous pass (and its publish): it was waiting.
    const waited = (previous !== undefined && receivedAt - previous < BURST_MS) || (last !== undefined && receivedAt - last.published < BURST_MS);
    const burst = waited ? BURST_MS : 0;
    const catchUp = last ? last.end + Math.min(last.cost, MAX_CATCH_UP_MS) - now : 0;
    return Math.max(0, Math.ceil(Math.max(burst, catchUp)));
  };
  // The index version at which a document's findings were last computed in full (no reused cross results).
  const completeAt = new Map<string, number>();

  // Positions come from the open document's line table, which the editor's incremental changes keep current; a
  // table of a 5 MB text built afresh would cost more than the quick pass itself.
  const send = (uri: string, version: number, file: FileModel, findings: readonly Finding[]) => {
    const lines = service.positions(file);
    const linesOf = (other: string) => {
      if (other === uri) return lines;
      const otherFile = service.file(other);
      return otherFile && service.positions(otherFile);
    };
    void ctx.connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(f, lines, linesOf)) });
  };

  const report = (uri: string, error: unknown) =>
    ctx.connection.console.error(`Diagnostics failed for ${uri}: ${error instanceof Error ? error.stack : String(error)}`);

  const quickPass = (uri: string) => {
    const document = service.documents.get(uri);
    const file = document && service.file(uri);
    if (!document || !file) return;
    const stats = { reused: 0 };
    const indexVersion = service.index.version;
    const started = performance.now();
    send(uri, document.version, file, service.findings(file, 'reuse', stats));
    const end = performance.now();
    const pass = { end, cost: end - started, published: end };
    lastQuick.set(uri, pass);
    // The publish is encoded and written after this returns; an edit that arrived meanwhile is handled only then.
    setImmediate(() => (pass.published = performance.now()));
    if (stats.reused === 0) completeAt.set(uri, indexVersion);
    else completeAt.delete(uri);
  };

  const fullPass = async (uri: string) => {
    const document = service.documents.get(uri);
    const file = document && service.file(uri);
    if (!document || !file) return;
    const generation = (generations.get(uri) ?? 0) + 1;
    generations.set(uri, generation);
    const version = document.version;
    const indexVersion = service.index.version;
    // Opening a file computes everything in the quick pass already; nothing has changed since.
    if (completeAt.get(uri) === indexVersion) return;
    const isStale = () => generations.get(uri) !== generation || service.documents.get(uri)?.version !== version || service.index.version !== indexVersion;
    const findings = await service.findingsInSlices(file, isStale);
    if (findings) {
      send(uri, version, file, findings);
      completeAt.set(uri, indexVersion);
    }
  };

  const later = (timers: Map<string, Pending>, uri: string, delay: number, run: (uri: string) => void | Promise<void>) => {
    cancel(timers.get(uri));
    const fire = () => {
      timers.delete(uri);
      try {
        void Promise.resolve(run(uri)).catch((error) => report(uri, error));
      } catch (error) {
        report(uri, error);
      }
    };
    // setTimeout(0) waits for the next timers phase (a millisecond or more); an immediate runs as soon as the
    // message being handled is done.
    timers.set(uri, delay <= 0 ? { immediate: setImmediate(fire) } : { timeout: setTimeout(fire, delay) });
  };

  const forget = (uri: string) => {
    for (const timers of [quickTimers, fullTimers]) {
      cancel(timers.get(uri));
      timers.delete(uri);
    }
    // Any full pass still running for this document is now stale.
    generations.set(uri, (generations.get(uri) ?? 0) + 1);
    completeAt.delete(uri);
    lastQuick.delete(uri);
    lastHandled.delete(uri);
  };

  service.onDidCloseDocument((uri) => {
    forget(uri);
    void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // Another file's Services and workloads can change this file's cross-resource results.
  service.onDidChangeFile((changed, receivedAt) => {
    for (const document of service.documents.all()) {
      if (document.uri === changed) later(quickTimers, document.uri, quickDelay(changed, receivedAt ?? performance.now()), quickPass);
      later(fullTimers, document.uri, FULL_PASS_DELAY_MS, fullPass);
    }
  });

  const schedule = (uri?: string) => {
    for (const document of uri ? [service.documents.get(uri)].filter((d) => d !== undefined) : service.documents.all()) {
      completeAt.delete(document.uri);
      later(fullTimers, document.uri, 0, fullPass);
    }
  };
  // Settings changed (editor settings, a project file): every open document is judged anew.
  service.onDidChangeSettings(() => schedule());
  // A chart or overlay rendered: the open documents it found something in (or stopped finding) are published again.
  service.onDidChangeRendered((uris) => {
    for (const uri of uris) if (service.documents.get(uri)) schedule(uri);
  });

  /**
   * Publish what a just-opened huge document's first screen shows while the rest is still being parsed: only the
   * chunk-local findings of `head`, since cross-resource ones would judge against a half-read file (a selector whose
   * Deployment comes later would "match nothing"). The complete set follows once the whole file is parsed.
   */
  service.onDidParseHead((uri, version, head) => {
    if (service.documents.get(uri)?.version !== version || head.template) return;
    try {
      send(uri, version, head, service.localFindings(head));
    } catch (error) {
      report(uri, error);
    }
  });

  return { schedule };
}
