/**
 * What a hover on a templated field can say without rendering anything more: the field the template line writes, the
 * values it reads, and what the chart's renders made of it, variant by variant.
 */
import * as path from 'node:path';
import type { PathSegment } from '../../kubernetes/locate';
import type { Span } from '../../document/yamlNodes';
import type { ReadText, Rendered } from '../source';
import { chartLabel, layersOf, scopedPath, valuesScope } from './chartFiles';
import { templatePath } from './origin';
import { nodeAt, scalarTextAt, sourceOf } from './renderedOutput';
import { fieldPathAt, lineAround, valuesReferences } from './templateText';
import { mergeLayers, pathKey, valueAt } from './values';

export interface TemplateField {
  /** The field path the line writes, relative to the object (`['spec', 'ports', 0, 'nodePort']`). */
  path: PathSegment[];
  /** The key's characters in the template. */
  key: Span;
  /** The `.Values` paths the line reads (`[['server', 'service', 'nodePort']]`). */
  valuesKeys: string[][];
}

/** The templated field at `offset` of a template's text, by its indentation; undefined off a `key:` line. */
export function templateFieldAt(templateText: string, offset: number): TemplateField | undefined {
  const field = fieldPathAt(templateText, offset);
  if (!field) return undefined;
  const line = lineAround(templateText, offset);
  return { path: field.path, key: field.key, valuesKeys: valuesReferences(templateText.slice(line.start, line.end)) };
}

export interface RenderedValue {
  /** The render's label: `values.yaml`, `values-prod.yaml`, `--set server.service.nodePort=9090`. */
  variant: string;
  /** The scalar the field renders to, as text. */
  value: string;
  /** The values key on the line that holds exactly that value in this render, and the file or value set that set it. */
  from?: { key: string; layer: string };
}

/**
 * What the field at `fieldPath` of the template file `template` (a file-system path) renders to in each render of the
 * chart rooted at `rootDir`, with the values key that supplied it among `valuesKeys` (those the template line reads).
 * Renders in which the template writes nothing at that path are left out.
 */
export function renderedValues(
  rootDir: string,
  template: string,
  fieldPath: readonly PathSegment[],
  valuesKeys: readonly string[][],
  renders: readonly Rendered[],
  read: ReadText,
): RenderedValue[] {
  const wanted = path.resolve(template);
  const values: RenderedValue[] = [];
  for (const render of renders) {
    const value = fieldValue(render, rootDir, wanted, fieldPath);
    if (value === undefined) continue;
    const scope = valuesScope(chartLabel(rootDir, wanted));
    const layers = layersOf(rootDir, render.variant, read, scope);
    const merged = mergeLayers(layers);
    const key = valuesKeys.map((reference) => scopedPath(scope, reference)).find((candidate) => String(valueAt(merged, candidate)) === value);
    const layer = key && [...layers].reverse().find((candidate) => candidate.leaves.has(pathKey(key)));
    values.push({ variant: render.variant.label, value, ...(key && layer ? { from: { key: key.join('.'), layer: layer.label } } : {}) });
  }
  return values;
}

function fieldValue(render: Rendered, rootDir: string, template: string, fieldPath: readonly PathSegment[]): string | undefined {
  for (const { object, chunk } of render.file.objects) {
    const source = sourceOf(chunk);
    const file = source === undefined ? undefined : templatePath(rootDir, source);
    if (file === undefined || path.resolve(file) !== template || !nodeAt(object.root, fieldPath)) continue;
    const value = scalarTextAt(object.root, fieldPath);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * One sentence for a hover: `renders to 30007 from values.yaml \`server.service.nodePort\`; values-prod.yaml makes it
 * 9090`. The first render is the chart's default; later ones are named only where they render something else.
 */
export function describeRenderedValues(values: readonly RenderedValue[]): string | undefined {
  const [first, ...rest] = values;
  if (!first) return undefined;
  const source = (value: RenderedValue) => (value.from ? ` from ${value.from.layer} \`${value.from.key}\`` : '');
  const parts = [`renders to ${first.value}${source(first)}${first.variant === 'values.yaml' ? '' : ` with ${first.variant}`}`];
  for (const value of rest) if (value.value !== first.value) parts.push(`${value.variant} makes it ${value.value}`);
  return parts.join('; ');
}
