import { value, words, type NodeClass } from './flowchart';
import type { PathDiagnostic, SourceLink } from '../../protocol/trafficGraph';

export interface Mark {
  /** Style of the most severe finding; undefined when there is none. */
  cls?: NodeClass;
  /** One `⚠ rule-id` line per finding, escaped. */
  lines: string[];
  /** Where the most severe finding is, so clicking the marked node reveals it. */
  source?: SourceLink;
}

const RANK: Record<string, number> = { problem: 3, warning: 2, info: 1 };

/**
 * The findings on a Service's path, keyed by the node they belong to (`nodePort:0`, `selector`,
 * `workload:1`, ...). Each node takes its own; whatever is left is listed in a "Problems" box, so no
 * finding silently disappears from the diagram.
 */
export class Marks {
  private readonly byKey = new Map<string, PathDiagnostic[]>();

  constructor(diagnostics: readonly PathDiagnostic[]) {
    for (const d of diagnostics) {
      const key = d.target === 'workload' ? `workload:${d.workloadIndex}` : d.laneIndex !== undefined ? `${d.target}:${d.laneIndex}` : d.target;
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), d]);
    }
  }

  take(key: string): Mark {
    const found = this.byKey.get(key) ?? [];
    this.byKey.delete(key);
    return summarize(found);
  }

  /** Everything not taken yet, except keys starting with one of `later` (taken after this call). */
  rest(later: readonly string[] = []): Mark {
    const left: PathDiagnostic[] = [];
    for (const [key, list] of [...this.byKey]) {
      if (later.some((prefix) => key.startsWith(prefix))) continue;
      left.push(...list);
      this.byKey.delete(key);
    }
    return summarize(left);
  }
}

function summarize(found: readonly PathDiagnostic[]): Mark {
  if (found.length === 0) return { lines: [] };
  let worst = found[0];
  for (const d of found) if (RANK[classOf(d)] > RANK[classOf(worst)]) worst = d;
  const lines = [...new Set(found.map((d) => words('⚠ ').concat(value(d.ruleId))))];
  return { cls: classOf(worst), lines, source: worst.source };
}

function classOf(d: PathDiagnostic): NodeClass {
  return d.severity === 'error' ? 'problem' : d.severity === 'warning' ? 'warning' : 'info';
}

/** Both marks' lines; the more severe one's style and location. */
export function merge(a: Mark, b: Mark): Mark {
  if (b.lines.length === 0) return a;
  if (a.lines.length === 0) return b;
  const worse = (RANK[b.cls ?? ''] ?? 0) > (RANK[a.cls ?? ''] ?? 0) ? b : a;
  return { cls: worse.cls, lines: [...new Set([...a.lines, ...b.lines])], source: worse.source };
}
