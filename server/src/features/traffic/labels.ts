import { value, words } from './flowchart';
import type { SelectedWorkload, TrafficLane, TrafficPath } from '../../protocol/trafficGraph';

/**
 * The sentences users read on the diagram. Every claim is the documented Kubernetes behaviour
 * (kubernetes.io: Service, Virtual IPs and Service Proxies, DNS for Services and Pods); implementation-
 * specific behaviour is worded as such. All returned strings are already escaped for Mermaid.
 */

export function serviceTitle(path: TrafficPath): string {
  const type = path.headless ? 'headless ClusterIP' : path.type;
  const ns = path.namespace ? words(' · namespace ').concat(value(path.namespace)) : '';
  return words('Service ').concat(value(path.name), words(' · '), value(type), ns);
}

export function loadBalancerLines(path: TrafficPath): string[] {
  const lb = path.loadBalancer;
  if (!lb) return [];
  const lines = [words('Load balancer')];
  lines.push(lb.loadBalancerClass ? words('implementation: ').concat(value(lb.loadBalancerClass)) : words(implementation(lb.clusterProfile)));
  if (lb.ingress.length > 0)
    lines.push(
      words('external address: ').concat(
        lb.ingress
          .slice(0, 2)
          .map((a) => value(a))
          .join(', '),
      ),
    );
  else lines.push(words('external IP pending until provisioned'));
  if (lb.requestedIP) lines.push(words('asks for ').concat(value(lb.requestedIP), words(' (loadBalancerIP, deprecated)')));
  if (lb.sourceRanges.length > 0) {
    const shown = lb.sourceRanges
      .slice(0, 3)
      .map((r) => value(r))
      .join(', ');
    const more = lb.sourceRanges.length > 3 ? words(` +${lb.sourceRanges.length - 3}`) : '';
    lines.push(words('allowed sources ').concat(shown, more, lb.sourceRangesFrom === 'annotation' ? words(' (annotation)') : ''));
  } else {
    lines.push(words('sources not restricted by the Service'));
  }
  if (path.healthCheckNodePort !== undefined) {
    const port = path.healthCheckNodePort === 'allocated' ? `a node port from ${path.nodePortRange}` : `NodeIP:${path.healthCheckNodePort}`;
    lines.push(words(`health check on ${port}`), words('passes only where a ready pod runs'));
  }
  if (!lb.allocateNodePorts) lines.push(words('allocateLoadBalancerNodePorts: false'));
  return lines;
}

function implementation(profile: string): string {
  switch (profile) {
    case 'cloud':
      return "by the cloud provider's controller";
    // metallb.universe.tf/configuration/ ("MetalLB remains idle until configured").
    case 'bare-metal':
      return 'stays pending without an implementation such as MetalLB';
    // minikube.sigs.k8s.io/docs/handbook/accessing/ (minikube tunnel), kind.sigs.k8s.io/docs/user/loadbalancer/
    // (Cloud Provider KIND), docs.k3s.io/networking/networking-services (ServiceLB, on by default in k3s and k3d).
    case 'local':
      return 'from minikube tunnel, cloud-provider-kind, k3s ServiceLB or similar';
    default:
      return 'by the cloud controller or another implementation';
  }
}

/**
 * The LB → nodes edge. The cloud controller typically points the load balancer at the node port, but "the
 * cloud provider decides how it is load balanced" (kubernetes.io, Service): some deliver to the LB IP on
 * the nodes instead, hence "usually".
 */
export function lbEdgeLabel(path: TrafficPath, lane: TrafficLane): string {
  const ports = words(`:${lane.port ?? '?'} usually to node port ${lane.nodePort ?? '(allocated)'}`);
  return path.externalTrafficPolicy === 'Local' ? ports.concat(words(', healthy nodes only')) : ports;
}

/**
 * The LB → kube-proxy edge without node ports: kube-proxy accepts packets for each status.loadBalancer.ingress IP on
 * the Service port on every node (pkg/proxy/iptables/proxier.go "Capture load-balancer ingress"; ipMode VIP, the
 * default), so a load balancer may deliver to a node with its own IP as the destination instead of to the pods.
 */
export function lbIpEdgeLabel(path: TrafficPath, lane: TrafficLane): string {
  const label = words(`or to a node, addressed to the LB IP :${lane.port ?? '?'}`);
  return path.externalTrafficPolicy === 'Local' ? label.concat(words(', healthy nodes only')) : label;
}

/** Node port or external IP → kube-proxy: what externalTrafficPolicy does to the packet. */
export function nodePortEdgeLabel(path: TrafficPath): string {
  return path.externalTrafficPolicy === 'Local' ? words('only to pods on this node, client IP kept') : words('to any ready pod, client IP replaced (SNAT)');
}

export function proxyLines(path: TrafficPath): string[] {
  const lines = [words('kube-proxy'), words('picks one ready pod')];
  if (path.sessionAffinity) lines.push(words(`ClientIP affinity: same client, same pod for ${duration(path.sessionAffinity.timeoutSeconds)}`));
  if (path.internalTrafficPolicy === 'Local') lines.push(words("in-cluster traffic: only pods on the client's node"));
  return lines;
}

function duration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** The pods box of a lane: where the targetPort lands, resolved per selected workload. */
export function targetLines(path: TrafficPath, lane: TrafficLane): string[] {
  const target = lane.targetPort;
  const lines = [(path.headless ? words('Pod IPs :') : words('Pods :')).concat(value(target), words(' ').concat(value(lane.protocol)))];
  if (path.headless) {
    lines.push(words('no proxy, no port translation'));
    if (typeof target === 'number' && lane.port !== undefined && target !== lane.port) lines.push(words(`clients must use ${target}, not ${lane.port}`));
  }
  if (typeof target === 'string') {
    lane.targets.slice(0, 3).forEach(({ workload, containerPort }) => {
      const who = path.workloads[workload];
      const name = value(`${who.kind} ${who.name ?? '?'}`);
      lines.push(
        containerPort === undefined
          ? value(target).concat(words(' not declared in '), name, words(': no endpoint'))
          : value(target).concat(words(` = ${containerPort} in `), name),
      );
    });
  }
  return lines;
}

export function workloadLines(workload: SelectedWorkload): string[] {
  return [value(workload.kind).concat(' ', value(workload.name)), words(replicaText(workload))];
}

export function replicaText(workload: Pick<SelectedWorkload, 'kind' | 'replicas'>): string {
  if (workload.kind === 'DaemonSet') return 'one pod per eligible node';
  const n = workload.replicas ?? 1;
  if (workload.kind === 'Pod') return 'one pod';
  if (workload.kind === 'Job' || workload.kind === 'CronJob') return `up to ${n} pod${n === 1 ? '' : 's'} while running`;
  return `${n} replica${n === 1 ? '' : 's'}`;
}
