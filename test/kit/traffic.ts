import { analyzeFile } from '../../server/src/analysis/analyze';
import { parseFile } from '../../server/src/kubernetes/manifest';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../server/src/analysis/settings';
import { LineIndex } from '../../server/src/document/text';
import { buildTrafficPaths, type TrafficPaths } from '../../server/src/features/traffic/buildPaths';
import { toMermaid, type MermaidGraph } from '../../server/src/features/traffic/mermaid';
import type { TrafficPath } from '../../server/src/protocol/trafficGraph';
import { WorkspaceIndex } from '../../server/src/kubernetes/workspace';
import { ALL_RULES } from '../../server/src/rules';

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
  let offset: number | undefined;
  if (options.cursor) {
    offset = text.indexOf('|');
    text = text.slice(0, offset) + text.slice(offset + 1);
  }
  const index = new WorkspaceIndex();
  const file = parseFile(URI, text);
  index.set(file);
  for (const [uri, other] of Object.entries(options.others ?? {})) index.set(parseFile(uri, other));
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const findings = analyzeFile(file, index, settings, ALL_RULES);
  const built = buildTrafficPaths({ file, workspace: index, settings, findings, offset });
  return { ...built, graph: toMermaid(built.paths), path: built.paths[0] };
}

/** The 0-based line of the first occurrence of `needle`, for asserting source links. */
export function lineOf(text: string, needle: string): number {
  return new LineIndex(text).positionAt(text.indexOf(needle)).line;
}

/** Mermaid entity codes back to characters: the text a user sees in the rendered label. */
export function decode(label: string): string {
  // Our own markup first: after decoding, a user's literal `</b>` must survive.
  return label.replace(/<br\/>/g, '\n').replace(/<\/?b>/g, '').replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
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

export const deployment = (name: string, labels: string, ports: string, replicas = 3, namespace = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      ${labels}
  template:
    metadata:
      labels:
        ${labels}
    spec:
      containers:
        - name: app
          image: example/app:1
          ports:
${ports}`;
