/**
 * Hover on a field of a Helm template: what the chart's renders made of it, which values file or value set supplied
 * the value, and which renders the API server would refuse there. Short, like the plain hovers: one sentence on the
 * value, one line per refusing render.
 */
import * as path from 'node:path';
import type { Finding } from '../../analysis/finding';
import type { PathSegment } from '../../kubernetes/locate';
import { formatPath } from '../../kubernetes/locate';
import { describeRenderedValues, renderedValues, templateFieldAt } from '../../rendered/helm/index';
import { templatePath } from '../../rendered/helm/origin';
import { nodeAt, sourceOf } from '../../rendered/helm/renderedOutput';
import type { ReadText, Rendered } from '../../rendered/source';

/** One render of the chart with what analysing it alone found, in offsets of the render's own text. */
export interface AnalysedRender {
  rendered: Rendered;
  findings: readonly Finding[];
}

export interface TemplateHoverInput {
  rootDir: string;
  /** The template's file-system path. */
  template: string;
  /** The template's text as the editor has it. */
  text: string;
  offset: number;
  renders: readonly AnalysedRender[];
  read: ReadText;
}

export interface RenderedHover {
  markdown: string;
  /** The hovered key, in offsets of the template's text. */
  start: number;
  end: number;
}

export function templateHoverAt(input: TemplateHoverInput): RenderedHover | undefined {
  const field = templateFieldAt(input.text, input.offset);
  if (!field || input.offset < field.key.start || !templatedLine(input.text, field.key.start)) return undefined;
  const rendered = input.renders.map(({ rendered }) => rendered);
  const values = renderedValues(input.rootDir, input.template, field.path, field.valuesKeys, rendered, input.read);
  const sentence = describeRenderedValues(values);
  if (!sentence) return undefined;
  const refusals = input.renders.flatMap((render) => refusalsAt(render, input.rootDir, input.template, field.path));
  const lines = [`\`${formatPath(field.path)}\` ${sentence}.`, ...refusals];
  return { markdown: lines.join('\n\n'), start: field.key.start, end: field.key.end };
}

/**
 * The errors a render has on the field the template writes: what the API server would answer to `helm install` with
 * that render's values. Warnings and hints stay in the Problems view; the hover is for what blocks the install.
 */
function refusalsAt(render: AnalysedRender, rootDir: string, template: string, fieldPath: readonly PathSegment[]): string[] {
  const wanted = path.resolve(template);
  const lines: string[] = [];
  for (const { object, chunk } of render.rendered.file.objects) {
    const source = sourceOf(chunk);
    const file = source === undefined ? undefined : templatePath(rootDir, source);
    const node = file !== undefined && path.resolve(file) === wanted ? nodeAt(object.root, fieldPath) : undefined;
    if (!node?.range) continue;
    const start = chunk.start + node.range[0];
    const end = chunk.start + node.range[1];
    for (const finding of render.findings) {
      if (finding.severity !== 'error' || finding.start < start || finding.end > end) continue;
      const line = `**${render.rendered.variant.label}**: ${finding.message}`;
      if (!lines.includes(line)) lines.push(line);
    }
  }
  return lines;
}

/** A field the template writes literally renders to what the line says: only a line with an action has news. */
function templatedLine(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end).includes('{{');
}
