import type { Report, Rule, RuleContext } from './rule';
import type { FileModel, ParsedChunk, PlacedChunk } from '../kubernetes/manifest';
import { settingsKey, type AnalysisSettings, type Severity } from './settings';
import type { WorkspaceIndex } from '../kubernetes/workspace';
import type { K8sObject } from '../kubernetes/model';
import { limitNotices } from './limits';
import { templateNotice } from './templateNotice';
import { partialReason } from './partial';
import type { Finding } from './finding';

export type { Finding } from './finding';

interface ChunkCache {
  key: string;
  /** `object`: the object a report is about (undefined for chunk-level reports such as YAML syntax). */
  reports: Array<{ ruleId: string; report: Report; object?: K8sObject }>;
}

// Chunk-local results only depend on the chunk text and the settings, so they travel with the parse.
const chunkCache = new WeakMap<ParsedChunk, ChunkCache>();

/**
 * How cross-resource rules run. 'full' checks every object against the current workspace. 'reuse' (the keystroke
 * path) checks only objects it has not seen before, such as those of the document being edited, and keeps the last
 * results of the others; a 'full' pass shortly after brings those up to date.
 */
export type CrossMode = 'full' | 'reuse';

interface CrossCache {
  key: string;
  reports: Array<{ ruleId: string; report: Report }>;
}

// Objects are immutable and reused across edits of other documents, so their last cross results can travel with them.
const crossCache = new WeakMap<K8sObject, CrossCache>();

export function analyzeFile(
  file: FileModel,
  workspace: WorkspaceIndex,
  settings: AnalysisSettings,
  rules: readonly Rule[],
  mode: CrossMode = 'full',
  stats?: { reused: number },
): Finding[] {
  const run = startAnalysis(file, workspace, settings, rules);
  if (!run) return templateNotice(file, settings);
  for (const entry of file.objects) if (run.cross(entry, mode) && stats) stats.reused++;
  return run.finish();
}

/**
 * The same as a 'full' analyzeFile, but yields to the event loop every `sliceMs` so edits and requests are not held
 * up on huge files, and gives up (undefined) as soon as `isStale()` says the result would be outdated anyway.
 */
export async function analyzeFileInSlices(
  file: FileModel,
  workspace: WorkspaceIndex,
  settings: AnalysisSettings,
  rules: readonly Rule[],
  isStale: () => boolean,
  sliceMs = 8,
): Promise<Finding[] | undefined> {
  const run = startAnalysis(file, workspace, settings, rules);
  if (!run) return templateNotice(file, settings);
  let sliceStart = Date.now();
  for (const entry of file.objects) {
    run.cross(entry, 'full');
    if (Date.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      if (isStale()) return undefined;
      sliceStart = Date.now();
    }
  }
  return isStale() ? undefined : run.finish();
}

/** Local findings (cached per chunk) are placed at once; cross-resource ones are added object by object. */
function startAnalysis(file: FileModel, workspace: WorkspaceIndex, settings: AnalysisSettings, rules: readonly Rule[]) {
  if (file.template) return undefined;
  const active = rules.filter((rule) => settings.severities[rule.id] !== 'off');
  const local = active.filter((rule) => !rule.crossResource);
  const crossRules = active.filter((rule) => rule.crossResource);
  const key = settingsKey(settings);
  // What parseFile left out (size limit, absurd nesting) is said once, whatever the rules find.
  const findings: Finding[] = limitNotices(file, settings);
  // Kustomize patches and objects with merge keys are only part of the final object (partial.ts).
  const partial = new Map<K8sObject, boolean>();
  const partialSafe = new Set(rules.filter((rule) => rule.partialSafe).map((rule) => rule.id));
  const judged = (object: K8sObject | undefined, ruleId: string) => {
    if (!object || partialSafe.has(ruleId)) return true;
    if (!partial.has(object)) partial.set(object, partialReason(file, object, workspace) !== undefined);
    return !partial.get(object);
  };
  const defaults = new Map(rules.map((rule) => [rule.id, rule.defaultSeverity]));
  const severityOf = (ruleId: string, report: Report): Severity => {
    const configured = settings.severities[ruleId];
    if (configured && configured !== 'off') return configured;
    return report.severity ?? (defaults.get(ruleId) as Severity);
  };
  const place = (chunk: PlacedChunk, ruleId: string, report: Report) => {
    findings.push({
      ruleId,
      severity: severityOf(ruleId, report),
      message: report.message,
      start: chunk.start + report.span.start,
      end: chunk.start + report.span.end,
      data: report.data as Finding['data'],
      tags: report.tags,
      related: report.related,
    });
  };

  for (const chunk of file.chunks) {
    let cached = chunkCache.get(chunk.parsed);
    if (!cached || cached.key !== key) {
      const reports: ChunkCache['reports'] = [];
      for (const rule of local) {
        let object: K8sObject | undefined;
        const ctx = contextFor(file.uri, workspace, settings, (report) => reports.push({ ruleId: rule.id, report, object }));
        guarded(rule, () => {
          rule.checkChunk?.(chunk.parsed, ctx);
          if (rule.check) for (object of chunk.parsed.objects) rule.check(object, ctx);
        });
      }
      cached = { key, reports };
      chunkCache.set(chunk.parsed, cached);
    }
    for (const { ruleId, report, object } of cached.reports) if (judged(object, ruleId)) place(chunk, ruleId, report);
  }

  return {
    /** Places the object's cross-resource findings; true when they were reused rather than computed. */
    cross({ object, chunk }: { object: K8sObject; chunk: PlacedChunk }, mode: CrossMode): boolean {
      if (crossRules.length === 0) return false;
      let cached = crossCache.get(object);
      const reuse = mode === 'reuse' && cached !== undefined && cached.key === key;
      if (!reuse || !cached) {
        const reports: CrossCache['reports'] = [];
        for (const rule of crossRules) {
          const ctx = contextFor(file.uri, workspace, settings, (report) => reports.push({ ruleId: rule.id, report }));
          guarded(rule, () => rule.check?.(object, ctx));
        }
        cached = { key, reports };
        crossCache.set(object, cached);
      }
      for (const { ruleId, report } of cached.reports) if (judged(object, ruleId)) place(chunk, ruleId, report);
      return reuse;
    },
    finish(): Finding[] {
      return findings.sort((a, b) => a.start - b.start || a.end - b.end);
    },
  };
}

function contextFor(uri: string, workspace: WorkspaceIndex, settings: AnalysisSettings, report: (report: Report) => void): RuleContext {
  return { uri, workspace, settings, report };
}

/** One faulty rule must not take every other diagnostic down with it. */
function guarded(rule: Rule, run: () => void): void {
  try {
    run();
  } catch (error) {
    console.error(`kube-service-lens: rule ${rule.id} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
