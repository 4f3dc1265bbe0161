/**
 * The reverse direction of kubernetes/selection.ts, which hovers on workloads need: which Services send traffic to a pod.
 * Selection and targetPort resolution themselves come from kubernetes/selection.ts, so hovers, rules and the preview agree.
 */
import type { ContainerPortModel, ServiceModel, ServicePortModel, WorkloadModel } from './model';
import { selectionIndex } from './selectionIndex';
import { namespaceOf, resolveTargetPort, usableSelector } from './selection';
import type { ObjectRef, WorkspaceIndex } from './workspace';

/**
 * The workloads of the workspace a Service selects, from its own folder tree first (applications.ts). `uri` is the
 * Service's file; without it, the file the workspace holds the Service in.
 */
export function backendsOf(service: ServiceModel, workspace: WorkspaceIndex, uri?: string): ObjectRef<WorkloadModel>[] {
  const index = selectionIndex(workspace);
  const file = uri ?? index.fileOf(service);
  if (file !== undefined) return index.selectedBy(service, file);
  // A Service the workspace does not hold has no folder of its own: every match counts.
  const selector = usableSelector(service);
  return selector ? index.workloadsMatching(selector, namespaceOf(service)) : [];
}

/** Services of the workspace whose selector picks this workload's pods. */
export function servicesSelecting(workload: ObjectRef<WorkloadModel>, workspace: WorkspaceIndex): ObjectRef<ServiceModel>[] {
  return selectionIndex(workspace).servicesSelecting(workload.object);
}

/**
 * Whether this Service port sends its traffic to the given container port. Containers of a pod share one network
 * namespace, so the pod port number (with the protocol) identifies the destination.
 */
export function portTargets(port: ServicePortModel, workload: WorkloadModel, containerPort: ContainerPortModel): boolean {
  const resolution = resolveTargetPort(port, workload);
  return !!resolution?.resolved && containerPort.protocol === port.protocol && resolution.podPort === containerPort.containerPort;
}
