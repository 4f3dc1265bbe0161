import type { PortRange } from '../core/settings';
import type { WorkspaceIndex } from '../core/workspace';

/** Node ports written explicitly by any Service in the workspace. */
export function usedNodePorts(workspace: WorkspaceIndex): Set<number> {
  const used = new Set<number>();
  for (const { object } of workspace.services()) {
    for (const port of object.ports) if (port.nodePort !== undefined) used.add(port.nodePort);
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
