/**
 * Node-port collisions visible in the workspace, for the nodePort hover. Node ports are allocated cluster-wide
 * (one allocator for every namespace and protocol: pkg/registry/core/service/storage/alloc.go initNodePorts), so a
 * port requested by another NodePort/LoadBalancer Service is "already allocated" for whichever is created second.
 * Inside one Service, on create, entries with the same `port` may share a node port (53/TCP + 53/UDP); different
 * `port`s may not. An update (updateNodePorts) only refuses the same (protocol, nodePort) twice.
 */
import type { ServiceModel, ServicePortModel } from '../../kubernetes/model';
import type { ObjectRef, WorkspaceIndex } from '../../kubernetes/workspace';
import { namespaceOf } from '../../kubernetes/selection';

export interface NodePortCollision {
  /** The other Service (or this one, for a clash between two of its own ports). */
  ref: ObjectRef<ServiceModel>;
  port: ServicePortModel;
  sameService: boolean;
}

export function allocatesNodePorts(service: ServiceModel): boolean {
  return service.type === 'NodePort' || service.type === 'LoadBalancer';
}

export function nodePortCollisions(service: ServiceModel, port: ServicePortModel, workspace: WorkspaceIndex): NodePortCollision[] {
  const value = port.nodePort;
  if (value === undefined || !allocatesNodePorts(service)) return [];
  const collisions: NodePortCollision[] = [];
  for (const ref of workspace.services()) {
    const other = ref.object;
    if (!allocatesNodePorts(other)) continue;
    if (other === service) {
      for (const mine of other.ports) {
        if (mine !== port && mine.nodePort === value && mine.port !== port.port) collisions.push({ ref, port: mine, sameService: true });
      }
      continue;
    }
    // The same Service written twice (a base and an overlay, a rendered copy) is one object in the cluster:
    // applying the second copy updates the first and keeps its node ports.
    if (isSameIdentity(service, other)) continue;
    for (const theirs of other.ports) {
      if (theirs.nodePort === value) collisions.push({ ref, port: theirs, sameService: false });
    }
  }
  return collisions;
}

function isSameIdentity(a: ServiceModel, b: ServiceModel): boolean {
  return a.name !== undefined && a.name === b.name && namespaceOf(a) === namespaceOf(b);
}
