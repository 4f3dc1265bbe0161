import type { ServiceModel } from './model';
import type { WorkspaceIndex } from './workspace';
import { fieldOf, numberValue } from '../document/yamlNodes';

/** kube-apiserver `--service-node-port-range`: the node ports it allocates from and accepts. */
export interface PortRange {
  first: number;
  last: number;
}

/** Same name and namespace: one object in the cluster, however many files write it (overlays, copies). */
function sameService(a: ServiceModel, b: ServiceModel): boolean {
  return a === b || (a.name !== undefined && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? ''));
}

// Services are immutable and reused across edits of other documents, so what each one writes is read only once.
const writtenPorts = new WeakMap<ServiceModel, readonly number[]>();

/** The node ports and the health-check node port a Service writes explicitly. */
function portsWrittenBy(service: ServiceModel): readonly number[] {
  let ports = writtenPorts.get(service);
  if (!ports) {
    const list: number[] = [];
    for (const port of service.ports) if (port.nodePort !== undefined) list.push(port.nodePort);
    const health = numberValue(fieldOf(service.spec, 'healthCheckNodePort')?.node, service.doc);
    if (health) list.push(health);
    writtenPorts.set(service, (ports = list));
  }
  return ports;
}

// Who holds which port, per workspace version: a code action on every cursor move must not read every Service in the
// workspace (5,000 in a 10,000-document file) once per conversion it offers.
const holdersByWorkspace = new WeakMap<WorkspaceIndex, { version: number; holders: Map<number, ServiceModel[]> }>();

function holdersOf(workspace: WorkspaceIndex): Map<number, ServiceModel[]> {
  const cached = holdersByWorkspace.get(workspace);
  if (cached && cached.version === workspace.version) return cached.holders;
  const holders = new Map<number, ServiceModel[]>();
  for (const { object } of workspace.services()) {
    for (const port of portsWrittenBy(object)) {
      const list = holders.get(port);
      if (list) list.push(object);
      else holders.set(port, [object]);
    }
  }
  holdersByWorkspace.set(workspace, { version: workspace.version, holders });
  return holders;
}

/**
 * Whether another Service in the workspace than `self` writes `port` as a node port or health-check node port. The
 * node-port allocator is cluster-wide, so such a port is taken for every other Service.
 */
export function nodePortTaken(workspace: WorkspaceIndex, port: number, self?: ServiceModel): boolean {
  const holders = holdersOf(workspace).get(port);
  return !!holders && (!self || holders.some((holder) => !sameService(holder, self)));
}

/** Node ports (and health-check node ports) written explicitly by Services in the workspace, except by `self`. */
export function usedNodePorts(workspace: WorkspaceIndex, self?: ServiceModel): Set<number> {
  const used = new Set<number>();
  for (const [port, holders] of holdersOf(workspace)) {
    if (!self || holders.some((holder) => !sameService(holder, self))) used.add(port);
  }
  return used;
}

/**
 * A free port in the range, preferring one that echoes the wanted number (80 → 30080, 8080 → 38080 if in
 * range) so the choice reads naturally, else the lowest free port.
 */
export function freeNodePort(range: PortRange, used: Set<number>, wanted?: number): number | undefined {
  const candidates: number[] = [];
  if (wanted !== undefined && Number.isInteger(wanted) && wanted > 0) {
    for (const base of [30000, 31000, 32000]) candidates.push(base + (wanted % 1000), base + (wanted % 10000));
  }
  for (const candidate of candidates) {
    if (candidate >= range.first && candidate <= range.last && !used.has(candidate)) return candidate;
  }
  for (let port = range.first; port <= range.last; port++) if (!used.has(port)) return port;
  return undefined;
}

/** The lower band reserved for static assignment (portallocator calculateRangeOffset); none for tiny ranges. */
export function staticBand(range: PortRange): PortRange | undefined {
  const size = range.last - range.first + 1;
  if (size <= 16) return undefined;
  const offset = Math.min(Math.max(16, Math.floor(size / 32)), 128);
  return { first: range.first, last: range.first + offset - 1 };
}

/** The last port of the static band. */
export function staticBandEnd(range: PortRange): number | undefined {
  return staticBand(range)?.last;
}
