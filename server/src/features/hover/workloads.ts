/**
 * Hovers on a workload's `containerPort` and `ports[].name`: which Services of the workspace send traffic there.
 * Sources: Container API reference `ports` ("Not specifying a port here DOES NOT prevent that port from being
 * exposed"; `name` "can be referred to by services"); Service API reference `targetPort` (named ports are looked up in
 * the pod's container ports); pkg/api/v1/pod/util.go FindPort (name and protocol must match).
 */
import type { ContainerModel, ContainerPortModel, ServiceModel, ServicePortModel, WorkloadModel } from '../../kubernetes/model';
import type { ObjectRef } from '../../kubernetes/workspace';
import { servingPorts } from '../../kubernetes/selection';
import { portTargets, servicesSelecting } from '../../kubernetes/backends';
import { code, link, sections } from './markdown';
import { placeLink, type HoverEnv } from './places';
import { DOCS } from './docs';

export function containerPortHover(ref: ObjectRef<WorkloadModel>, container: ContainerModel, port: ContainerPortModel, env: HoverEnv): string {
  const workload = ref.object;
  const label = `${port.containerPort ?? '?'}/${port.protocol}${port.name ? ` (${code(port.name)})` : ''}`;
  const title = `**Container port ${label}** of container ${code(container.name ?? '(unnamed)')} in ${workload.kind} ${code(workload.name ?? '(unnamed)')}`;
  // Plain init containers have exited before the pod is ready; sidecars (restartPolicy: Always) keep serving.
  if (container.init && !servingPorts(workload).some((serving) => serving.port === port)) {
    return sections(
      title,
      'This is an init container. An ordinary init container has finished before the pod is ready to receive Service traffic, so nothing listens here by then; a sidecar (`restartPolicy: Always`) keeps running.',
    );
  }
  const selecting = servicesSelecting(ref, env.workspace);
  const sending: string[] = [];
  const elsewhere: string[] = [];
  for (const service of selecting) {
    const ports = service.object.ports.filter((p) => portTargets(p, workload, port));
    if (ports.length > 0) sending.push(...ports.map((p) => `- ${serviceLine(service, p, env)}`));
    else
      elsewhere.push(
        `- Service ${code(service.object.name ?? '(unnamed)')} (${placeLink(env, service)}) selects these pods but targets ${service.object.ports.map((p) => code(p.targetPort ?? '?')).join(', ') || 'no port'}.`,
      );
  }
  const verdict =
    sending.length > 0
      ? ['**Services that send traffic here**', ...sending].join('\n')
      : selecting.length === 0
        ? 'No Service in the workspace selects these pods.'
        : 'No Service in the workspace sends traffic to this port.';
  return sections(
    title,
    verdict,
    elsewhere.length > 0 ? elsewhere.join('\n') : undefined,
    'Declaring a container port is informational: a Service reaches whatever the process listens on. A name lets a Service refer to the port as `targetPort: <name>`.',
    link('Port definitions', DOCS.portDefinitions),
  );
}

/** "Service `web` (NodePort) port `http` 80 → here, from outside `<NodeIP>:30007` · svc.yaml:3". */
function serviceLine(ref: ObjectRef<ServiceModel>, port: ServicePortModel, env: HoverEnv): string {
  const service = ref.object;
  const name = port.name ? ` ${code(port.name)}` : '';
  let outside = '';
  if (service.type === 'NodePort')
    outside = port.nodePort !== undefined ? `; from outside ${code(`<NodeIP>:${port.nodePort}`)}` : '; from outside through an allocated node port';
  if (service.type === 'LoadBalancer') outside = `; from outside the load balancer on port ${port.port ?? '?'}`;
  return `Service ${code(service.name ?? '(unnamed)')} (${service.type}) port${name} ${port.port ?? '?'}/${port.protocol}${outside} · ${placeLink(env, ref)}`;
}
