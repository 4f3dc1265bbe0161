/**
 * The editor's views of rendered objects: the hover on a templated field and the traffic preview of the Services a
 * template, a values file or an overlay renders. They read the renders the scheduler kept; nothing here renders,
 * except the sentinel renders `originOf` may run to point a preview box at its values line.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeFile } from '../../analysis/analyze';
import type { AnalysisSettings } from '../../analysis/settings';
import type { Rule } from '../../analysis/rule';
import { LineIndex } from '../../document/text';
import { isService, type ServiceModel } from '../../kubernetes/model';
import type { PlacedChunk } from '../../kubernetes/manifest';
import { hoverAt } from '../../features/hover/index';
import { WorkspaceIndex } from '../../kubernetes/workspace';
import type { SourceLink, TrafficPath } from '../../protocol/trafficGraph';
import { templatePath } from '../../rendered/helm/origin';
import { sourceOf } from '../../rendered/helm/renderedOutput';
import { KUSTOMIZATION_NAMES } from '../../rendered/kustomize/kustomization';
import type { ReadText, Rendered } from '../../rendered/source';
import { buildTrafficPaths, type TrafficPaths } from '../../features/traffic/buildPaths';
import { templateHoverAt, type AnalysedRender, type RenderedHover } from '../../features/renderedHover/index';
import { valuesKeyHoverAt } from '../../features/renderedHover/valuesKey';
import type { RenderedSource } from './scheduler';
import { filePathOf } from '../settings';

/**
 * A render's own analysis, the same the scheduler ran (one render, one application, judged in an index of its own),
 * run again once per render when a view first asks: the scheduler keeps only the findings moved to the user's files,
 * and the views need them where they are in the render.
 */
const analysed = new WeakMap<Rendered, { index: WorkspaceIndex; render: AnalysedRender }>();

function analysis(rendered: Rendered, settings: AnalysisSettings, rules: readonly Rule[]) {
  let known = analysed.get(rendered);
  if (!known) {
    const index = new WorkspaceIndex();
    index.set(rendered.file);
    known = { index, render: { rendered, findings: analyzeFile(rendered.file, index, settings, rules, 'full') } };
    analysed.set(rendered, known);
  }
  return known;
}

/** The hover on a field of a Helm template, or a key of a values file, of a chart that rendered; undefined elsewhere. */
export function renderedHover(
  source: RenderedSource | undefined,
  file: { path: string; text: string },
  offset: number,
  settings: AnalysisSettings,
  rules: readonly Rule[],
  read: ReadText,
): RenderedHover | undefined {
  if (source?.tool !== 'helm') return undefined;
  const name = path.basename(file.path);
  const valuesFile = name === 'values.yaml' || source.renders.some((rendered) => rendered.variant.id === name);
  if (valuesFile && path.dirname(file.path) === source.rootDir) {
    return valuesKeyHoverAt({ rootDir: source.rootDir, file: file.path, text: file.text, offset, renders: source.renders, read });
  }
  if (!isTemplate(source.rootDir, file.path)) return undefined;
  const renders = source.renders.map((rendered) => analysis(rendered, settings, rules).render);
  return templateHoverAt({ rootDir: source.rootDir, template: file.path, text: file.text, offset, renders, read });
}

/**
 * The traffic paths of what `file` renders: the Services a template writes (all of the render's when it writes
 * none), in the render its values file belongs to (values.yaml and templates: the chart's default render), or of an
 * overlay's build. Each is matched to the render's own workloads and shows that render's findings; every source
 * link points into the user's files.
 */
export async function renderedTrafficPaths(
  source: RenderedSource | undefined,
  file: string,
  settings: AnalysisSettings,
  rules: readonly Rule[],
  read: ReadText,
  signal: AbortSignal,
  plain: TrafficPaths,
): Promise<TrafficPaths | undefined> {
  const shown = source && drawsRendered(source, file, plain) ? renderedServices(source, file, settings, rules) : undefined;
  if (!source || !shown) return undefined;
  const { rendered, index, render, services } = shown;
  const { paths } = buildTrafficPaths({ file: rendered.file, workspace: index, settings, findings: render.findings });
  const drawn = paths.filter((entry) => services.some(({ object }) => object.name === entry.name && object.namespace === entry.namespace));
  await pointAtUserFiles(drawn, rendered, source, file, read, signal);
  return { scope: 'document', paths: drawn };
}

/**
 * What `explain` says of each Service `file` renders: the plain hover's summary of the Service, computed on the
 * render with the render's own workloads. Links into the render are left for the caller to strip (a terminal has none).
 */
export function renderedExplanations(
  source: RenderedSource | undefined,
  file: string,
  settings: AnalysisSettings,
  rules: readonly Rule[],
  plain: TrafficPaths,
): Array<{ name: string; variant: string; markdown: string }> | undefined {
  const shown = source && drawsRendered(source, file, plain) ? renderedServices(source, file, settings, rules) : undefined;
  if (!shown) return undefined;
  const { rendered, index, services } = shown;
  return services.flatMap(({ object, chunk }) => {
    const hover = hoverAt({ uri: rendered.file.uri, file: rendered.file, workspace: index, settings }, chunk.start + object.anchorSpan.start);
    return hover ? [{ name: object.name ?? '', variant: rendered.variant.label, markdown: hover.markdown }] : [];
  });
}

/**
 * The render that shows `file` (the one its values file makes, else the chart's default render or the overlay's
 * build) and the Services to show from it: those the template writes, else every Service of the render.
 */
function renderedServices(source: RenderedSource, file: string, settings: AnalysisSettings, rules: readonly Rule[]) {
  const relative = path.relative(source.rootDir, file).split(path.sep).join('/');
  const rendered = source.renders.find((candidate) => candidate.variant.id === relative) ?? source.renders[0];
  if (!rendered) return undefined;
  const all = rendered.file.objects.filter((entry): entry is { object: ServiceModel; chunk: PlacedChunk } => isService(entry.object));
  const written = source.tool === 'helm' ? all.filter(({ chunk }) => writtenBy(chunk, source.rootDir, file)) : [];
  return { rendered, ...analysis(rendered, settings, rules), services: written.length > 0 ? written : all };
}

/**
 * Every file of a chart draws the render (a template's own Services do not exist before Helm runs); in an overlay,
 * the kustomization and files without a Service of their own do, while a resource file keeps its plain preview.
 */
function drawsRendered(source: RenderedSource, file: string, plain: TrafficPaths): boolean {
  if (source.tool === 'helm') return true;
  return plain.paths.length === 0 || KUSTOMIZATION_NAMES.some((name) => name === path.basename(file));
}

function isTemplate(rootDir: string, file: string): boolean {
  const parts = path.relative(rootDir, file).split(path.sep);
  // templates/x.yaml, or a subchart's charts/<sub>/templates/x.yaml.
  return !parts.includes('..') && parts.slice(0, -1).includes('templates');
}

function writtenBy(chunk: PlacedChunk, rootDir: string, template: string): boolean {
  const source = sourceOf(chunk);
  const written = source === undefined ? undefined : templatePath(rootDir, source);
  return written !== undefined && path.resolve(written) === path.resolve(template);
}

/**
 * Moves every source link out of the render's virtual file: to the line `originOf` names, else to the template that
 * wrote the object (Helm's `# Source:`), else to the file the preview was asked for. Clicking a box must open a file.
 */
async function pointAtUserFiles(
  paths: TrafficPath[],
  rendered: Rendered,
  source: RenderedSource,
  asked: string,
  read: ReadText,
  signal: AbortSignal,
): Promise<void> {
  const renderLines = new LineIndex(rendered.file.text);
  const lines = new Map<string, LineIndex | undefined>();
  const linesOf = (file: string) => {
    if (!lines.has(file)) {
      const text = read(file);
      lines.set(file, text === undefined ? undefined : new LineIndex(text));
    }
    return lines.get(file);
  };
  const fallback = (offset: number): SourceLink => {
    const chunk = [...rendered.file.chunks].reverse().find((candidate) => candidate.start <= offset);
    const helmSource = source.tool === 'helm' && chunk ? sourceOf(chunk) : undefined;
    const template = helmSource === undefined ? undefined : templatePath(source.rootDir, helmSource);
    const file = template !== undefined && linesOf(template) ? template : asked;
    return { uri: pathToFileURL(file).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  };
  for (const link of linksIn(paths, rendered.file.uri)) {
    const start = renderLines.offsetAt(link.range.start);
    const end = renderLines.offsetAt(link.range.end);
    // Where the user's files say so; a sentinel render that does not come back soon is not worth a preview's wait.
    const origin = signal.aborted ? undefined : await rendered.originOf(start, end, signal);
    const originFile = origin && filePathOf(origin.uri);
    const originLines = originFile === undefined ? undefined : linesOf(originFile);
    const moved = origin && originLines ? { uri: origin.uri, range: originLines.rangeOf(origin.start, origin.end) } : fallback(start);
    link.uri = moved.uri;
    link.range = moved.range;
  }
}

/** Every `{ uri, range }` in the paths that points into the render. */
function linksIn(value: unknown, renderUri: string, found: SourceLink[] = []): SourceLink[] {
  if (Array.isArray(value)) for (const item of value) linksIn(item, renderUri, found);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.uri === renderUri && record.range && typeof record.range === 'object') found.push(record as unknown as SourceLink);
    else for (const item of Object.values(record)) linksIn(item, renderUri, found);
  }
  return found;
}
