/**
 * Find references from a workload to the Services that send traffic to it, across the workspace:
 * - on a container port (its `containerPort` or `name`): the Service ports whose targetPort resolves to it in this
 *   workload's pods (same pod port number and protocol, kubernetes/backends.ts portTargets);
 * - anywhere else in a workload: the `selector` of every Service that selects its pods.
 * With `includeDeclaration`, the container port or the pod template labels come first, as editors expect.
 */
import { isWorkload, type ServiceModel, type WorkloadModel } from '../../kubernetes/model';
import { portTargets } from '../../kubernetes/backends';
import { containerPortAt, locate } from '../../kubernetes/locate';
import type { ObjectRef } from '../../kubernetes/workspace';
import { spanOf } from '../../document/yamlNodes';
import { selectionIndex } from '../../kubernetes/selectionIndex';
import { targetIn, type NavigationEnv, type NavigationResult, type NavigationTarget } from './targets';

export function referencesAt(env: NavigationEnv, offset: number, includeDeclaration: boolean): NavigationResult | undefined {
  const located = locate(env.file, offset);
  if (!located || !isWorkload(located.object)) return undefined;
  const ref: ObjectRef<WorkloadModel> = { uri: env.uri, object: located.object, chunk: located.chunk };
  const services = selectionIndex(env.workspace).servicesSelecting(ref.object);
  const origin = { start: located.chunk.start + located.span.start, end: located.chunk.start + located.span.end };
  const found = containerPortAt(ref.object, located.path);
  const targets: NavigationTarget[] = [];
  if (found) {
    if (includeDeclaration) targets.push(targetIn(ref, found.port.span));
    for (const service of services) targets.push(...portsSendingTo(service, ref.object, found.port));
    return { origin, targets };
  }
  if (includeDeclaration) {
    const labels = spanOf(ref.object.podLabelsMap);
    targets.push(targetIn(ref, labels ?? ref.object.anchorSpan));
  }
  for (const service of services) {
    const selector = service.object.fields.selector;
    if (selector) targets.push(targetIn(service, { start: selector.keySpan.start, end: selector.valueSpan.end }, selector.keySpan));
  }
  return { origin, targets };
}

/** The Service's ports that deliver to this container port: their `targetPort` (or `port`, when it defaults to it). */
function portsSendingTo(service: ObjectRef<ServiceModel>, workload: WorkloadModel, port: Parameters<typeof portTargets>[2]): NavigationTarget[] {
  return service.object.ports
    .filter((servicePort) => portTargets(servicePort, workload, port))
    .map((servicePort) => {
      const field = servicePort.fields.targetPort ?? servicePort.fields.port;
      return targetIn(service, servicePort.span, field ? { start: field.keySpan.start, end: field.valueSpan.end } : servicePort.span);
    });
}
