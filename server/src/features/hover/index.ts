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
  const found = hoverFor(located, env);
  if (!found) return undefined;
  const markdown = located.dropped ? `${droppedNote(located.dropped.path)}\n\n${found}` : found;
  const { chunk, span } = located;
  return { markdown, start: chunk.start + span.start, end: chunk.start + span.end };
}

function hoverFor(located: Located, env: HoverEnv): string | undefined {
  const { object, chunk } = located;
  if (isService(object)) return serviceHover(object, chunk, located, env);
  if (isWorkload(object)) {
    const found = containerPortAt(object, located.path);
    return found ? containerPortHover(refOf(env, object, chunk), found.container, found.port, env) : undefined;
  }
  return undefined;
}

function serviceHover(service: ServiceModel, chunk: PlacedChunk, { path, onKey }: Located, env: HoverEnv): string | undefined {
  const [root, key, index, portKey] = path;
  // The whole-Service summary: on `kind: Service`, on `spec:`, on `type` and on the `ports:` key.
  if ((root === 'kind' && !onKey && path.length === 1) || (root === 'spec' && path.length === 1 && onKey)) return typeHover(service, chunk, env);
  if (root !== 'spec' || typeof key !== 'string') return undefined;
  if (key === 'type' && path.length === 2) return typeHover(service, chunk, env);
  if (key === 'ports') {
    if (path.length === 2) return onKey ? typeHover(service, chunk, env) : undefined;
    const port = typeof index === 'number' ? service.ports.find((p) => p.index === index) : undefined;
    return port && typeof portKey === 'string' && path.length === 4 ? portFieldHover(portKey, service, port, env) : undefined;
  }
  if (key === 'selector') return selectorHover(service, env);
  // Own properties only: a YAML key such as `constructor` must not find Object.prototype members.
  const doc = Object.hasOwn(FIELDS, key) ? FIELDS[key] : Object.hasOwn(LB_FIELDS, key) ? LB_FIELDS[key] : undefined;
  return doc ? renderField(`spec.${key}`, doc, service, env) : undefined;
}

/** The hover describes the value kubectl keeps; on a pair it drops, say so first, or the two would read as one. */
function droppedNote(path: readonly PathSegment[]): string {
  const key = path[path.length - 1];
  return `**Ignored by kubectl:** \`${formatPath(path)}\` is set again later in the same mapping, and kubectl applies only the last \`${String(key)}:\`; this one never reaches the cluster. What follows describes the value it applies.`;
}
