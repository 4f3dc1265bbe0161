/**
 * Hover entry point of the pure core: offset in, Markdown and the hovered span out. No LSP types here, so the
 * same code serves the language server, the unit tests and any other client.
 */
import { isService, isWorkload, type ServiceModel } from '../../kubernetes/model';
import type { PlacedChunk } from '../../kubernetes/manifest';
import { FIELDS } from './fields';
import { renderField } from './fieldDoc';
import { LB_FIELDS } from './lbFields';
import { formatPath, locate, type Located, type PathSegment } from '../../kubernetes/locate';
import { refOf, type HoverEnv } from './places';
import { portFieldHover } from './ports';
import { selectorHover } from './selector';
import { typeHover } from './types';
import { containerPortHover } from './workloads';
import { containerPortAt } from '../../kubernetes/locate';
import { analyzeRange } from '../../analysis/analyzeRange';
import { ALL_RULES } from '../../rules/index';

export type { HoverEnv } from './places';

export interface HoverResult {
  markdown: string;
  /** Absolute offsets of the hovered key or value. */
  start: number;
  end: number;
}

export function hoverAt(env: HoverEnv, offset: number): HoverResult | undefined {
  const located = locate(env.file, offset);
  if (!located) return undefined;
  const { chunk, span } = located;
  const start = chunk.start + span.start;
  const end = chunk.start + span.end;
  const found = hoverFor(located, env, hasProblem(env, start, end));
  if (!found) return undefined;
  const markdown = located.dropped ? `${droppedNote(located.dropped.path)}\n\n${found}` : found;
  return { markdown, start, end };
}

/**
 * Whether one of our diagnostics lies on the hovered span. VS Code then shows that problem in the same hover box,
 * first, and its "View Problem" and "Quick Fix..." actions in a status bar appended after every part (vscode
 * src/vs/editor/contrib/hover/browser/: the participants are sorted by `hoverOrdinal`, MarkerHoverParticipant 1
 * before MarkdownHoverParticipant 3, and `_renderStatusBar` appends the status bar to the same scrolling fragment,
 * in ContentHoverController and, in later versions, RenderedContentHoverParts of contentHoverRendered.ts). A long
 * hover of ours would push those actions below the fold, so it stays short.
 * The findings come from the same caches as the diagnostics ('reuse', as the quick-fix lookup does).
 */
function hasProblem(env: HoverEnv, start: number, end: number): boolean {
  const findings = analyzeRange(env.file, env.workspace, env.settings, ALL_RULES, start, end, 'reuse');
  return findings.some((finding) => finding.start < end && finding.end > start);
}

function hoverFor(located: Located, env: HoverEnv, brief: boolean): string | undefined {
  const { object, chunk } = located;
  if (isService(object)) return serviceHover(object, chunk, located, env, brief);
  if (isWorkload(object)) {
    const found = containerPortAt(object, located.path);
    return found ? containerPortHover(refOf(env, object, chunk), found.container, found.port, env) : undefined;
  }
  return undefined;
}

function serviceHover(service: ServiceModel, chunk: PlacedChunk, { path, onKey }: Located, env: HoverEnv, brief: boolean): string | undefined {
  const [root, key, index, portKey] = path;
  // The whole-Service summary: on `kind: Service`, on `spec:`, on `type` and on the `ports:` key.
  if ((root === 'kind' && !onKey && path.length === 1) || (root === 'spec' && path.length === 1 && onKey)) return typeHover(service, chunk, env, brief);
  if (root !== 'spec' || typeof key !== 'string') return undefined;
  if (key === 'type' && path.length === 2) return typeHover(service, chunk, env, brief);
  if (key === 'ports') {
    if (path.length === 2) return onKey ? typeHover(service, chunk, env, brief) : undefined;
    const port = typeof index === 'number' ? service.ports.find((p) => p.index === index) : undefined;
    return port && typeof portKey === 'string' && path.length === 4 ? portFieldHover(portKey, service, port, env, brief) : undefined;
  }
  if (key === 'selector') return selectorHover(service, env, brief);
  // Own properties only: a YAML key such as `constructor` must not find Object.prototype members.
  const doc = Object.hasOwn(FIELDS, key) ? FIELDS[key] : Object.hasOwn(LB_FIELDS, key) ? LB_FIELDS[key] : undefined;
  return doc ? renderField(`spec.${key}`, doc, service, env, brief) : undefined;
}

/** The hover describes the value kubectl keeps; on a pair it drops, say so first, or the two would read as one. */
function droppedNote(path: readonly PathSegment[]): string {
  const key = path[path.length - 1];
  return `**Ignored by kubectl:** \`${formatPath(path)}\` is set again later in the same mapping, and kubectl applies only the last \`${String(key)}:\`; this one never reaches the cluster. What follows describes the value it applies.`;
}
