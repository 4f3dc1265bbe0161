import { analyzeFile } from '../../server/src/analysis/analyze';
import type { AnalysisSettings } from '../../server/src/analysis/settings';
import { buildTrafficPaths, type TrafficPaths } from '../../server/src/features/traffic/buildPaths';
import { toMermaid, type MermaidGraph } from '../../server/src/features/traffic/mermaid';
import type { TrafficPath } from '../../server/src/protocol/trafficGraph';
import { ALL_RULES } from '../../server/src/rules';
import { cursorOf, marked } from './markers';
import { workspace } from './workspace';

export const URI = 'file:///workspace/app.yaml';

export interface Built extends TrafficPaths {
  graph: MermaidGraph;
  /** The only (or first) path. */
  path: TrafficPath;
}

/**
 * Builds the traffic paths of `text` the way the trafficGraph request does: the file and `others` form
 * the workspace, the file's findings are passed in, `cursor` marks the position with a `|` in `text`.
 */
export function build(text: string, options: { others?: Record<string, string>; settings?: Partial<AnalysisSettings>; cursor?: boolean } = {}): Built {
  const fixture = options.cursor ? marked(text, { cursor: '|' }) : undefined;
  const files = workspace({ [URI]: fixture?.text ?? text, ...options.others });
  const env = files.env(URI, options.settings);
  const findings = analyzeFile(env.file, env.workspace, env.settings, ALL_RULES);
  const built = buildTrafficPaths({ ...env, findings, offset: fixture && cursorOf(fixture) });
  return { ...built, graph: toMermaid(built.paths), path: built.paths[0] };
}

/** Mermaid entity codes back to characters: the text a user sees in the rendered label. */
export function decode(label: string): string {
  // Our own markup first: after decoding, a user's literal `</b>` must survive.
  return label
    .replace(/<br\/>/g, '\n')
    .replace(/<\/?b>/g, '')
    .replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

/** The decoded label of node `id` (or the title of subgraph `id`); undefined when there is none. */
export function labelOf(mermaid: string, id: string): string | undefined {
  for (const line of mermaid.split('\n')) {
    const node = new RegExp(`^\\s*${id}[\\[({>/]+"(.*)"[\\])}\\\\/]+$`).exec(line);
    const group = new RegExp(`^\\s*subgraph ${id} \\["(.*)"\\]$`).exec(line);
    const match = node ?? group;
    if (match) return decode(match[1]);
  }
  return undefined;
}

/** Decoded labels of the edges `from --> to` (any arrow), in order. */
export function edgesBetween(mermaid: string, from: string, to: string): string[] {
  const labels: string[] = [];
  for (const line of mermaid.split('\n')) {
    const match = /^\s*(\S+) (?:-->|-\.->|==>|-\.-)(?:\|"(.*)"\|)? (\S+)$/.exec(line);
    if (match && match[1] === from && match[3] === to) labels.push(decode(match[2] ?? ''));
  }
  return labels;
}
