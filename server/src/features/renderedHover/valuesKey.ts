/**
 * Hover on a key of a chart's values file: the template fields that read it. Only what the templates name directly
 * (`.Values.server.service.nodePort` on the field's own line) is listed: a value passed through a variable or a helper
 * flows where no line says so, and a guess would send the user to the wrong template.
 */
import * as path from 'node:path';
import { formatPath } from '../../kubernetes/locate';
import { fieldPathAt, lineAround, valuesReferences } from '../../rendered/helm/templateText';
import { templatePath } from '../../rendered/helm/origin';
import { sourceOf } from '../../rendered/helm/renderedOutput';
import { fileLayer, pathKey } from '../../rendered/helm/values';
import type { ReadText, Rendered } from '../../rendered/source';
import type { RenderedHover } from './index';

/** At most this many fields are listed; a key read everywhere (`nameOverride`) says how many more. */
const MAX_FIELDS = 5;

export interface ValuesHoverInput {
  rootDir: string;
  /** The values file's file-system path: values.yaml or another values file of the chart folder. */
  file: string;
  text: string;
  offset: number;
  renders: readonly Rendered[];
  read: ReadText;
}

export function valuesKeyHoverAt(input: ValuesHoverInput): RenderedHover | undefined {
  if (path.dirname(path.resolve(input.file)) !== path.resolve(input.rootDir)) return undefined;
  const layer = fileLayer(path.basename(input.file), input.file, input.text);
  const line = lineAround(input.text, input.offset);
  const leaf = layer && [...layer.leaves].find(([, written]) => written.span && written.span.start >= line.start && written.span.start <= line.end);
  if (!leaf) return undefined;
  const valuesPath = JSON.parse(leaf[0]) as Array<string | number>;
  if (valuesPath.some((segment) => typeof segment === 'number')) return undefined;
  const fields: string[] = [];
  for (const template of templatesOf(input.rootDir, input.renders)) {
    const text = input.read(template);
    if (text === undefined) continue;
    for (let start = 0; start < text.length; start = lineEnd(text, start) + 1) {
      const reads = valuesReferences(text.slice(start, lineEnd(text, start)));
      if (!reads.some((reference) => pathKey(reference) === pathKey(valuesPath))) continue;
      const field = fieldPathAt(text, start + (text.slice(start).match(/^\s*/)?.[0].length ?? 0));
      const lineNumber = text.slice(0, start).split('\n').length;
      if (field) fields.push(`\`${formatPath(field.path)}\` (${path.relative(input.rootDir, template).split(path.sep).join('/')}:${lineNumber})`);
    }
  }
  if (fields.length === 0) return undefined;
  const more = fields.length > MAX_FIELDS ? ` and ${fields.length - MAX_FIELDS} more` : '';
  const markdown = `\`${valuesPath.join('.')}\` flows into ${fields.slice(0, MAX_FIELDS).join(', ')}${more}.`;
  return { markdown, start: line.start + (input.text.slice(line.start).match(/^\s*/)?.[0].length ?? 0), end: line.end };
}

/** The templates that wrote the renders' objects, in the order they appear. */
function templatesOf(rootDir: string, renders: readonly Rendered[]): string[] {
  const templates = new Set<string>();
  for (const render of renders) {
    for (const chunk of render.file.chunks) {
      const source = sourceOf(chunk);
      const template = source === undefined ? undefined : templatePath(rootDir, source);
      // A subchart's templates read its own scope of the values (`.Values.port` for `redis.port`): left out.
      if (template !== undefined && path.relative(rootDir, template).split(path.sep)[0] === 'templates') templates.add(template);
    }
  }
  return [...templates];
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
}
