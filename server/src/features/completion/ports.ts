/**
 * `targetPort` and `nodePort` values. A named targetPort is looked up per pod among the container ports with the
 * Service port's protocol (FindPort, pkg/api/v1/pod/util.go), so only ports of that protocol, of the workloads the
 * selector picks, are offered. Node ports are one pool per cluster (portallocator): the offered ones are free in the
 * workspace, from the lower band that automatic allocation uses last (calculateRangeOffset) first.
 */
import { parse } from 'yaml';
import { staticBandEnd } from '../../kubernetes/nodePorts';
import type { WorkloadModel } from '../../kubernetes/model';
import { selectionIndex } from '../../kubernetes/selectionIndex';
import { isTemplated, servingPorts, type ServingPort } from '../../kubernetes/selection';
import { formatPortRange } from '../../analysis/settings';
import type { ObjectRef } from '../../kubernetes/workspace';
import type { Cursor } from './cursor';
import { specState } from './fields';
import { describeWorkload } from './labels';
import { sortKey, type CompletionEntry, type CompletionEnv } from './types';

/** The selector as written: block entries from the outline, or a one-line flow mapping (`{app: web}`). */
export function writtenSelector(cursor: Cursor): Record<string, string> | undefined {
  const path = [...cursor.objectPath, 'spec', 'selector'];
  const entries = cursor.outline.keys(path);
  if (entries.length > 0) return Object.fromEntries(entries.map((e) => [e.key?.text ?? '', e.value?.text ?? '']));
  const flow = cursor.outline.valueAt(path);
  if (!flow?.startsWith('{')) return undefined;
  try {
    const value: unknown = parse(flow);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  } catch {
    return undefined;
  }
}

function selectedWorkloads(cursor: Cursor, env: CompletionEnv): ObjectRef<WorkloadModel>[] {
  const selector = writtenSelector(cursor);
  if (!selector || Object.keys(selector).length === 0 || Object.entries(selector).some(([k, v]) => isTemplated(k) || isTemplated(v))) return [];
  const namespace = cursor.outline.valueAt([...cursor.objectPath, 'metadata', 'namespace']) || 'default';
  return selectionIndex(env.workspace).workloadsMatching(selector, namespace, env.uri);
}

interface Offer {
  number?: number;
  uses: Array<{ ref: ObjectRef<WorkloadModel>; serving: ServingPort }>;
}

export function targetPortCompletions(cursor: Cursor, env: CompletionEnv): CompletionEntry[] {
  const portPath = [...cursor.objectPath, ...cursor.path.slice(0, -1)];
  if (specState(cursor).type === 'ExternalName') return [];
  const protocol = cursor.outline.valueAt([...portPath, 'protocol']) || 'TCP';
  const names = new Map<string, Offer>();
  const numbers = new Map<number, Offer>();
  for (const ref of selectedWorkloads(cursor, env)) {
    for (const serving of servingPorts(ref.object)) {
      const { port } = serving;
      if (port.protocol !== protocol) continue;
      if (port.name) {
        const offer = names.get(port.name) ?? { number: port.containerPort, uses: [] };
        offer.uses.push({ ref, serving });
        names.set(port.name, offer);
      }
      if (port.containerPort !== undefined) {
        const offer = numbers.get(port.containerPort) ?? { number: port.containerPort, uses: [] };
        offer.uses.push({ ref, serving });
        numbers.set(port.containerPort, offer);
      }
    }
  }
  const item = (label: string, offer: Offer, group: number, position: number): CompletionEntry => {
    const numbersSeen = [...new Set(offer.uses.map((u) => u.serving.port.containerPort ?? '?'))];
    const where = offer.uses.map((u) => `${describeWorkload(u.ref)} (container ${u.serving.container.name ?? '(unnamed)'})`);
    const shown = where.slice(0, 2).join(', ') + (where.length > 2 ? ` and ${where.length - 2} more` : '');
    return {
      label,
      kind: 'port',
      detail: `${group === 0 ? `${numbersSeen.join(' / ')}/${protocol} ` : `${protocol} `}in ${shown}`,
      documentation:
        group === 0
          ? `Container port \`${label}\` (${numbersSeen.join(' or ')}/${protocol}). Each pod resolves the name itself, so pods may move the number without changing this Service.`
          : `Container port ${label}/${protocol}.`,
      insertText: `${cursor.needsSpace ? ' ' : ''}${label}`,
      snippet: false,
      filterText: label,
      start: cursor.start,
      end: cursor.end,
      sortText: sortKey(group, position),
    };
  };
  return [
    ...[...names].map(([name, offer], i) => item(name, offer, 0, i)),
    ...[...numbers].sort((a, b) => a[0] - b[0]).map(([number, offer], i) => item(String(number), offer, 1, i)),
  ];
}

const usedCache = new WeakMap<readonly unknown[], Map<number, number>>();

/** How many ports of the workspace's Services ask for each node port; computed once per workspace state. */
function usedNodePorts(env: CompletionEnv): Map<number, number> {
  const services = env.workspace.services();
  let used = usedCache.get(services);
  if (!used) {
    used = new Map();
    for (const { object } of services)
      for (const port of object.ports) if (port.nodePort !== undefined) used.set(port.nodePort, (used.get(port.nodePort) ?? 0) + 1);
    usedCache.set(services, used);
  }
  return used;
}

/** How many node ports to offer at once; the list is marked incomplete so typing digits narrows it. */
const NODE_PORT_OFFERS = 8;

export function nodePortCompletions(cursor: Cursor, env: CompletionEnv): CompletionEntry[] {
  const state = specState(cursor);
  if (state.type !== 'NodePort' && !(state.type === 'LoadBalancer' && state.allocateNodePorts)) return [];
  const range = env.settings.nodePortRange;
  const used = usedNodePorts(env);
  // The value being typed is in the index too (the file was parsed as typed); it does not make its own port taken.
  const typed = /^\d+$/.test(cursor.text) ? Number(cursor.text) : undefined;
  const isFree = (port: number) => port >= range.first && port <= range.last && (used.get(port) ?? 0) <= (port === typed ? 1 : 0);
  const prefix = /^\d+$/.test(cursor.prefix) ? cursor.prefix : '';
  const servicePort = Number(cursor.outline.valueAt([...cursor.objectPath, ...cursor.path.slice(0, -1), 'port']));
  const bandEnd = staticBandEnd(range);
  const offers: number[] = [];
  const offer = (port: number) => {
    if (offers.length < NODE_PORT_OFFERS && isFree(port) && String(port).startsWith(prefix) && !offers.includes(port)) offers.push(port);
  };
  // A node port that echoes the Service port (80 → 30080) is easy to recognise.
  if (Number.isInteger(servicePort) && servicePort > 0) for (const base of [30000, 31000, 32000]) offer(base + (servicePort % 1000));
  for (let port = range.first; port <= range.last && offers.length < NODE_PORT_OFFERS; port++) offer(port);
  const band = bandEnd !== undefined ? `${range.first}-${bandEnd}` : undefined;
  return offers.map((port, i) => ({
    label: String(port),
    kind: 'value',
    detail: bandEnd !== undefined && port <= bandEnd ? 'free in the workspace · static band' : 'free in the workspace',
    documentation:
      `No Service in this workspace uses node port ${port}. Node ports are shared by the whole cluster, so a Service outside this workspace may still hold it; ` +
      `omitting \`nodePort\` lets Kubernetes pick a free one from ${formatPortRange(range)}.` +
      (band ? ` Automatic allocation uses ${band} last, so hand-picked ports from there clash less.` : ''),
    insertText: `${cursor.needsSpace ? ' ' : ''}${port}`,
    snippet: false,
    filterText: String(port),
    start: cursor.start,
    end: cursor.end,
    sortText: sortKey(0, i),
  }));
}
