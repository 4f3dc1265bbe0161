/**
 * From a rendered field back to the line the user must change: the values line that supplied its value (named by the
 * template when it prints one `.Values` reference alone, else confirmed by a sentinel render), else the template line
 * that wrote the field (a literal, a key, anything no values leaf was confirmed for), else the template's first line.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isScalar } from 'yaml';
import { locate } from '../../kubernetes/locate';
import type { FileModel } from '../../kubernetes/manifest';
import type { Origin, ReadText, Variant } from '../source';
import type { Span } from '../../document/yamlNodes';
import { chartRelative, keyOf, nodeAt, sourceOf } from './renderedOutput';
import { findField, lineAround } from './templateText';
import { traceLeaf, type SentinelRenders } from './trace';
import { leafAt, pathKey, type Leaf, type ValuesLayer } from './values';
import { scopedPath, valuesScope, type ValuesScope } from './chartFiles';

export interface OriginContext {
  rootDir: string;
  variant: Variant;
  file: FileModel;
  /** The values a template in this subchart scope sees, layer by layer (see chartFiles.layersOf). */
  layersFor(scope: ValuesScope): readonly ValuesLayer[];
  read: ReadText;
  renders: SentinelRenders;
}

export const fileUri = (file: string) => pathToFileURL(file).href;

/**
 * A template value that is one `.Values` reference and nothing else (quoted or not), or piped only through functions
 * that print the same text (`quote`, `squote`, `int`, `int64`, `toString`, `trim`, `default <literal>`): Helm prints
 * that leaf's value there, so when the leaf reads as the rendered text the reference names it without a sentinel
 * render (inside `range`/`with` only `$.Values` reaches the values, and a bare `.Values` that rendered at all is the
 * root's). `default` returns the literal only for an empty leaf, which never reads as the rendered text.
 */
const DIRECT_REFERENCE =
  /^\{\{-?\s*\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)(?:\s*\|\s*(?:quote|squote|int|int64|toString|trim|default\s+(?:"[^"]*"|'[^']*'|[-\w.]+)))*\s*-?\}\}$/;

/** The origin of rendered characters `start`..`end`; see `Rendered.originOf`. */
export async function originOf(ctx: OriginContext, start: number, signal: AbortSignal): Promise<Origin | undefined> {
  const located = locate(ctx.file, start);
  if (!located) return templateStart(ctx, sourceAt(ctx.file, start));
  const source = sourceOf(located.chunk);
  const template = source === undefined ? undefined : templatePath(ctx.rootDir, source);
  const text = template === undefined ? undefined : ctx.read(template);
  const match = text === undefined ? undefined : findField(text, located.path, located.object.kind);
  const written = match?.depth === located.path.length && match.value && text !== undefined ? text.slice(match.value.start, match.value.end) : undefined;
  const templateLine = () => {
    if (template === undefined || !match) return templateStart(ctx, source);
    const span = !located.onKey && written !== undefined && match.value ? match.value : match.key;
    return { uri: fileUri(template), ...span, via: ctx.variant.label };
  };
  // A finding on a key (a mis-indented label) is about where the template writes it, not about any value.
  const node = located.onKey ? undefined : nodeAt(located.object.root, located.path);
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return templateLine();
  const rendered = String(node.value);
  // A literal of the template that reads as the rendered value is where it came from: nothing to trace.
  if (written !== undefined && !written.includes('{{') && unquote(written) === rendered) return templateLine();
  const relative = source === undefined ? undefined : chartRelative(source);
  const layers = ctx.layersFor(relative === undefined ? [] : valuesScope(relative));
  const reference = written === undefined || relative === undefined ? undefined : DIRECT_REFERENCE.exec(unquote(written));
  const direct = reference ? leafAt(layers, scopedPath(valuesScope(relative!), reference[1].slice(1).split('.'))) : undefined;
  if (direct && String(direct.value) === rendered) return leafOrigin(ctx, direct) ?? templateLine();
  const key = keyOf(ctx.file, located.object);
  const leaf = key && (await traceLeaf(layers, { object: key, path: located.path, rendered }, ctx.renders, signal));
  if (signal.aborted) return undefined;
  return (leaf && leafOrigin(ctx, leaf)) || templateLine();
}

const unquote = (text: string) => (/^(["']).*\1$/.test(text) ? text.slice(1, -1) : text);

/** Where the layer that set a leaf says so: its line in a values file, or the value set (see `valueSetOrigin`). */
export function leafOrigin(ctx: Pick<OriginContext, 'rootDir' | 'read'>, leaf: Leaf): Origin | undefined {
  const written = leaf.layer.leaves.get(pathKey(leaf.path));
  if (leaf.layer.path !== undefined && written?.span) return { uri: fileUri(leaf.layer.path), ...written.span, via: leaf.layer.label };
  if (written?.assignment !== undefined) return valueSetOrigin(ctx, written.assignment);
  return undefined;
}

/** The project file is looked for this many folders up from the chart, as far as a workspace usually goes. */
const PROJECT_FILE_LEVELS = 6;
const PROJECT_FILE = '.kube-service-lens.yaml';

/**
 * A value set lives in the settings, which this layer cannot see, or in the project file: the line of
 * `.kube-service-lens.yaml` (in the chart folder or above) that spells the assignment when there is one, else the
 * first line of Chart.yaml, the file that stands for the chart.
 */
export function valueSetOrigin(ctx: Pick<OriginContext, 'rootDir' | 'read'>, assignment: string): Origin {
  const via = `--set ${assignment}`;
  let dir = ctx.rootDir;
  for (let level = 0; level < PROJECT_FILE_LEVELS; level++) {
    const file = path.join(dir, PROJECT_FILE);
    const text = ctx.read(file);
    const at = text?.indexOf(assignment) ?? -1;
    if (text !== undefined && at >= 0) return { uri: fileUri(file), start: at, end: at + assignment.length, via };
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { ...chartYamlStart(ctx), via };
}

/** The first line of Chart.yaml: where a chart-wide message goes. */
export function chartYamlStart(ctx: Pick<OriginContext, 'rootDir' | 'read'>): Omit<Origin, 'via'> {
  const file = path.join(ctx.rootDir, 'Chart.yaml');
  return { uri: fileUri(file), ...firstLine(ctx.read(file) ?? '') };
}

export function firstLine(text: string): Span {
  return lineAround(text, 0);
}

/** The file a `# Source:` names, in the chart folder. */
export function templatePath(rootDir: string, source: string): string | undefined {
  const relative = chartRelative(source);
  return relative === undefined ? undefined : path.join(rootDir, ...relative.split('/'));
}

function templateStart(ctx: OriginContext, source: string | undefined): Origin | undefined {
  const template = source === undefined ? undefined : templatePath(ctx.rootDir, source);
  const text = template === undefined ? undefined : ctx.read(template);
  // A subchart packed as an archive has no template file to point at: its chart is the place to look.
  if (template === undefined || text === undefined) return source === undefined ? undefined : { ...chartYamlStart(ctx), via: ctx.variant.label };
  return { uri: fileUri(template), ...firstLine(text), via: ctx.variant.label };
}

function sourceAt(file: FileModel, offset: number): string | undefined {
  const chunk = [...file.chunks].reverse().find((candidate) => candidate.start <= offset);
  return chunk && sourceOf(chunk);
}
