import type { ServiceModel } from '../model';
import type { PortRange } from '../settings';
import type { WorkspaceIndex } from '../workspace';
import { fieldOf, numberValue } from '../yamlNodes';

/** Same name and namespace: one object in the cluster, however many files write it (overlays, copies). */
function sameService(a: ServiceModel, b: ServiceModel): boolean {
  return a === b || (a.name !== undefined && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? ''));
}

/**
 * Node ports (and health-check node ports) written explicitly by Services in the workspace, except by `self`. The
 * node-port allocator is cluster-wide, so any of them is taken for every other Service.
 */
export function usedNodePorts(workspace: WorkspaceIndex, self?: ServiceModel): Set<number> {
  const used = new Set<number>();
  for (const { object } of workspace.services()) {
    if (self && sameService(object, self)) continue;
    for (const port of object.ports) if (port.nodePort !== undefined) used.add(port.nodePort);
    const health = numberValue(fieldOf(object.spec, 'healthCheckNodePort')?.node, object.doc);
    if (health) used.add(health);
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
