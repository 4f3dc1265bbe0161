import { analyzeFile } from '../../analysis/analyze';
import type { AnalysisSettings } from '../../analysis/settings';
import type { Rule } from '../../analysis/rule';
import { WorkspaceIndex, type RelatedLocation } from '../../kubernetes/workspace';
import type { Origin, Rendered } from '../../rendered/source';
import type { RenderedEntry } from './entries';

/**
 * The findings of one render, moved to the user's files. The render is one application: its objects are judged in an
 * index of their own, so its Services are matched to its own workloads, never to another chart's or to the plain
 * manifests of the repository. A finding nothing in the user's files can be named for goes on the source's root file
 * (`Chart.yaml`, `kustomization.yaml`): the user still learns of it, at the source that produced it.
 */
export async function analyzeRendered(
  rendered: Rendered,
  settings: AnalysisSettings,
  rules: readonly Rule[],
  root: { uri: string; end: number },
  signal: AbortSignal,
): Promise<RenderedEntry[] | undefined> {
  const app = new WorkspaceIndex();
  app.set(rendered.file);
  const findings = analyzeFile(rendered.file, app, settings, rules, 'full');
  const entries: RenderedEntry[] = [];
  for (const finding of findings) {
    const origin = await rendered.originOf(finding.start, finding.end, signal);
    if (signal.aborted) return undefined;
    const at = origin ?? { uri: root.uri, start: 0, end: root.end, via: rendered.variant.label };
    entries.push({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      uri: at.uri,
      start: at.start,
      end: at.end,
      label: rendered.variant.label,
      related: await relatedIn(rendered, finding.related ?? [], signal),
    });
  }
  return signal.aborted ? undefined : entries;
}

/** Related places inside the render are moved to the user's files too; those that cannot be are left out. */
async function relatedIn(rendered: Rendered, related: readonly RelatedLocation[], signal: AbortSignal): Promise<RelatedLocation[]> {
  const moved: RelatedLocation[] = [];
  for (const place of related) {
    if (place.uri !== rendered.file.uri) {
      moved.push(place);
      continue;
    }
    const origin: Origin | undefined = await rendered.originOf(place.start, place.end, signal);
    if (origin) moved.push({ uri: origin.uri, start: origin.start, end: origin.end, message: place.message });
  }
  return moved;
}
