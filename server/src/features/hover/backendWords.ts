/**
 * Puts a Service port's destination into words: "port 8080 on the 3 pods of Deployment `web` (labels `app=web`)".
 * Facts used: a named targetPort is looked up per pod among container ports with the same protocol (Service API
 * reference, `ports.targetPort`; pkg/api/v1/pod/util.go FindPort); without a selector the endpoints come from
 * EndpointSlices someone else manages (service.md "Services without selectors").
 */
import type { ServiceModel, ServicePortModel, WorkloadModel } from '../../kubernetes/model';
import type { ObjectRef } from '../../kubernetes/workspace';
import { resolveTargetPort } from '../../kubernetes/selection';
import { code, labels, listing, plural } from './markdown';

/** "3 pods of Deployment `web`", "the pods of DaemonSet `agent` (one per eligible node)". */
export function podsOf(workload: WorkloadModel): string {
  const name = `${workload.kind} ${code(workload.name ?? '(unnamed)')}`;
  switch (workload.kind) {
    case 'Pod':
      return `Pod ${code(workload.name ?? '(unnamed)')}`;
    case 'DaemonSet':
      return `the pods of ${name} (one per eligible node)`;
    case 'CronJob':
      return `the pods of the Jobs that ${name} creates`;
    case 'Job':
      return `the pods of ${name} (up to ${workload.replicas ?? 1} at a time)`;
    default:
      if (workload.replicas === 0) return `${name}, which has 0 replicas`;
      return `the ${plural(workload.replicas ?? 1, 'pod')} of ${name}`;
  }
}

/** The pods a Service sends to, in words, with the selector that picks them. */
export function backendPods(service: ServiceModel, workloads: ObjectRef<WorkloadModel>[]): string {
  if (!service.selector) return 'the endpoints of EndpointSlices managed outside Kubernetes (this Service has no selector)';
  const selector = labels(service.selector);
  if (workloads.length === 0) return `pods labelled ${selector} (no workload in the workspace has these pod labels)`;
  if (workloads.length === 1) return `${podsOf(workloads[0].object)} (labels ${selector})`;
  return `${listing(workloads.map((w) => podsOf(w.object)))} (all labelled ${selector})`;
}

/** "port 8080", "port 8080 (`http`)", "the container port named `http` (no selected container declares it ...)". */
export function targetWords(port: ServicePortModel, workloads: ObjectRef<WorkloadModel>[]): string {
  const target = port.targetPort;
  if (typeof target === 'number') return `port ${target}`;
  if (typeof target !== 'string') return 'the target port';
  if (workloads.length === 0) return `the container port named ${code(target)}`;
  const resolved = workloads.map((w) => ({ w, r: resolveTargetPort(port, w.object) }));
  const found = resolved.filter((x) => x.r?.resolved && x.r.podPort !== undefined);
  if (found.length === 0)
    return `the container port named ${code(target)} (no selected container declares it for ${port.protocol}, so these pods get no traffic on it)`;
  const numbers = [...new Set(found.map((x) => x.r?.podPort))];
  // The pods phrase already names the workloads, so a unanimous answer only needs the number.
  if (numbers.length === 1 && found.length === workloads.length) return `port ${numbers[0]} (${code(target)})`;
  const per = found.map((x) => `${x.r?.podPort} in ${x.w.object.kind} ${code(x.w.object.name ?? '(unnamed)')}`);
  const missing = workloads.length - found.length;
  return `port ${code(target)} (${listing(per)}${missing > 0 ? `; not declared in ${plural(missing, 'other workload')}` : ''})`;
}
