import type { Finding } from '../../analysis/finding';
import type { RelatedLocation } from '../../kubernetes/workspace';

/**
 * One finding of one render, already moved to the user's file. The same finding often comes from several variants
 * (every values file renders the same template line): entries equal but for `label` are shown once, naming each.
 */
export interface RenderedEntry {
  ruleId: string;
  severity: Finding['severity'];
  /** The rule's message, without the variant. */
  message: string;
  uri: string;
  start: number;
  end: number;
  /** The variant for the message (`values-prod.yaml`); none for a notice about the source as a whole. */
  label?: string;
  /** How a message names its variants: a finding was "rendered with" them, a failure happened "rendering with" them. */
  verb?: 'rendered with' | 'rendering with';
  related?: RelatedLocation[];
}

/** Every entry for `uri`, equal ones merged into one finding naming all their variants, in order of position. */
export function mergeEntries(entries: readonly RenderedEntry[]): Finding[] {
  const merged = new Map<string, { entry: RenderedEntry; labels: string[] }>();
  for (const entry of entries) {
    const key = JSON.stringify([entry.ruleId, entry.start, entry.end, entry.message, entry.severity]);
    const known = merged.get(key);
    if (!known) merged.set(key, { entry, labels: entry.label ? [entry.label] : [] });
    else if (entry.label && !known.labels.includes(entry.label)) known.labels.push(entry.label);
  }
  return [...merged.values()]
    .map(({ entry, labels }): Finding => ({
      ruleId: entry.ruleId,
      severity: entry.severity,
      message: labels.length > 0 ? `${entry.message} (${entry.verb ?? 'rendered with'} ${labels.join(', ')})` : entry.message,
      start: entry.start,
      end: entry.end,
      // No `data`: quick fixes edit the file a finding was computed in, and this one was computed in the render.
      data: { rendered: true },
      ...(entry.related?.length ? { related: entry.related } : {}),
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
