import type { Report, Rule, RuleContext } from './rule';
import type { FileModel, ParsedChunk, PlacedChunk } from './parse';
import { settingsKey, type AnalysisSettings, type Severity } from './settings';
import type { WorkspaceIndex } from './workspace';
import type { K8sObject } from './model';
import { TEMPLATE_NOTICE_ID } from './templates';
import type { FindingTag, RelatedLocation } from './rule';

/** A finding placed in its file: offsets are absolute UTF-16 offsets into the file text. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  data?: Record<string, unknown>;
  tags?: FindingTag[];
  related?: RelatedLocation[];
}

interface ChunkCache {
  key: string;
  reports: Array<{ ruleId: string; report: Report }>;
}

// Chunk-local results only depend on the chunk text and the settings, so they travel with the parse.
const chunkCache = new WeakMap<ParsedChunk, ChunkCache>();

export function analyzeFile(file: FileModel, workspace: WorkspaceIndex, settings: AnalysisSettings, rules: readonly Rule[]): Finding[] {
  if (file.template) return templateNotice(file, settings);
  const active = rules.filter((rule) => settings.severities[rule.id] !== 'off');
  const local = active.filter((rule) => !rule.crossResource);
  const cross = active.filter((rule) => rule.crossResource);
  const key = settingsKey(settings);
  const findings: Finding[] = [];
  const severityOf = (ruleId: string, report: Report): Severity => {
    const configured = settings.severities[ruleId];
    if (configured && configured !== 'off') return configured;
    return report.severity ?? (rules.find((rule) => rule.id === ruleId) as Rule).defaultSeverity;
  };
  const place = (chunk: PlacedChunk, ruleId: string, report: Report) => {
    findings.push({
      ruleId,
      severity: severityOf(ruleId, report),
      message: report.message,
      start: chunk.start + report.span.start,
      end: chunk.start + report.span.end,
      data: report.data,
      tags: report.tags,
      related: report.related,
    });
  };

  for (const chunk of file.chunks) {
    let cached = chunkCache.get(chunk.parsed);
    if (!cached || cached.key !== key) {
      const reports: ChunkCache['reports'] = [];
      for (const rule of local) {
        const ctx = contextFor(file.uri, workspace, settings, (report) => reports.push({ ruleId: rule.id, report }));
        guarded(rule, () => {
          rule.checkChunk?.(chunk.parsed, ctx);
          if (rule.check) for (const object of chunk.parsed.objects) if (isCheckable(object)) rule.check(object, ctx);
        });
      }
      cached = { key, reports };
      chunkCache.set(chunk.parsed, cached);
    }
    for (const { ruleId, report } of cached.reports) place(chunk, ruleId, report);
  }

  for (const rule of cross) {
    for (const { object, chunk } of file.objects) {
      if (!isCheckable(object)) continue;
      const ctx = contextFor(file.uri, workspace, settings, (report) => place(chunk, rule.id, report));
      guarded(rule, () => rule.check?.(object, ctx));
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Top-level `apiVersion:` and `kind:` lines: a manifest, not YAML that merely embeds one in a string. */
const looksLikeManifest = (text: string) => /^apiVersion[ \t]*:/m.test(text) && /^kind[ \t]*:/m.test(text);

/** One quiet note per template file instead of false alarms on every unrendered line. */
function templateNotice(file: FileModel, settings: AnalysisSettings): Finding[] {
  const severity = settings.severities[TEMPLATE_NOTICE_ID];
  if (severity === 'off' || (file.objects.length === 0 && !looksLikeManifest(file.text))) return [];
  const at = Math.max(0, file.text.indexOf('{{'));
  return [
    {
      ruleId: TEMPLATE_NOTICE_ID,
      severity: severity ?? 'hint',
      message:
        'This file contains Go template syntax ({{ ... }}), as in a Helm chart, so it is not checked: its YAML only becomes final when rendered. ' +
        'Check the rendered output instead (for example `helm template . > rendered.yaml`).',
      start: at,
      end: at + 2,
    },
  ];
}

/**
 * A document with YAML syntax errors is only a guess of what the user meant; judging it would turn one
 * typo into a cascade of bogus findings. Duplicate keys are the exception: the rest of the document is
 * intact, and strict decoding reports them itself.
 */
function isCheckable(object: K8sObject): boolean {
  return object.doc.errors.every((error) => error.code === 'DUPLICATE_KEY');
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
