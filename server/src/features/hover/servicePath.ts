/**
 * "This Service" in words, per port, with the manifest's own numbers. Sources:
 * - kubernetes.io service.md: NodePort "Each node proxies that port (the same port number on every Node) into your
 *   Service"; the range is `--service-node-port-range` (default 30000-32767); LoadBalancer "typically starts off by
 *   making the changes that are equivalent to ... type: NodePort" and the cloud-controller-manager points the LB at
 *   that node port, but "The cloud provider decides how it is load balanced" ("Specifying IPMode of load balancer
 *   status": some deliver to the pods, others to the node with the LB IP as destination);
 *   allocateLoadBalancerNodePorts: false is "for load balancer implementations that route traffic directly to pods";
 *   ExternalName returns a CNAME, "No proxying of any kind is set up"; headless: "kube-proxy does not handle these
 *   Services, and there is no load balancing or proxying done by the platform"; DNS "Pods in other namespaces must
 *   qualify the name as my-service.my-ns".
 * - kube-proxy accepts packets addressed to each `status.loadBalancer.ingress` IP on the Service `port`, node port or
 *   not (kubernetes/kubernetes pkg/proxy/iptables/proxier.go and nftables/proxier.go, "Capture load-balancer ingress"
 *   over LoadBalancerVIPs(), which keeps the ipMode VIP entries: pkg/proxy/util IsVIPMode).
 * - Headless: the EndpointSlice controller publishes the resolved targetPort (kubernetes/kubernetes
 *   staging/src/k8s.io/endpointslice/utils.go getEndpointPorts → FindPort), and CoreDNS answers a headless Service's
 *   SRV queries with those endpoint ports (coredns/coredns plugin/kubernetes/kubernetes.go findServices), so clients
 *   connect to the pods on the target port, not on `port`.
 * - Service API reference, allocateLoadBalancerNodePorts: "If the caller requests specific NodePorts (by specifying a
 *   value), those requests will be respected, regardless of this field."
 * - create-external-load-balancer.md / source-ip.md: Cluster "obscures the client source IP and may cause a second hop
 *   to another node"; Local "preserves the client source IP"; with Local, nodes without endpoints drop the packets and
 *   load balancers use healthCheckNodePort to skip them.
 */
import type { ServiceModel, ServicePortModel, WorkloadModel } from '../../kubernetes/model';
import { formatPortRange } from '../../analysis/settings';
import type { ObjectRef } from '../../kubernetes/workspace';
import { backendPods, targetWords } from './backendWords';
import { code, listing } from './markdown';
import type { HoverEnv } from './places';
import { stringList, specBoolean, specString } from './specValues';

export function isHeadless(service: ServiceModel): boolean {
  return service.clusterIP === 'None';
}

/** NodePort, LoadBalancer, or ClusterIP with externalIPs (pkg/api/service/util.go ExternallyAccessible). */
export function isExternallyAccessible(service: ServiceModel): boolean {
  return service.type === 'NodePort' || service.type === 'LoadBalancer' || (service.type === 'ClusterIP' && stringList(service, 'externalIPs').length > 0);
}

/** The effective externalTrafficPolicy: defaulted to Cluster, and only meaningful, for externally accessible Services. */
export function effectiveExternalPolicy(service: ServiceModel): string | undefined {
  if (!isExternallyAccessible(service)) return undefined;
  return service.externalTrafficPolicy || 'Cluster';
}

/** Describing a path the API server will refuse as if it worked would mislead: say so first. */
export function outOfRangeNote(service: ServiceModel, env: HoverEnv): string | undefined {
  const { first, last } = env.settings.nodePortRange;
  const outside = service.ports.filter((p) => p.nodePort !== undefined && !(p.nodePort >= first && p.nodePort <= last));
  if (outside.length === 0 || (service.type !== 'NodePort' && service.type !== 'LoadBalancer')) return undefined;
  return `**Rejected as written:** node port ${listing(outside.map((p) => String(p.nodePort)))} is outside ${first}-${last}; the lines below assume it were accepted.`;
}

/** What the type does, in one clause, for the lead line (the long definitions live on docs/service-types.md). */
export function typeClause(service: ServiceModel): string {
  // service.md "Headless Services": "a cluster IP is not allocated, kube-proxy does not handle these Services, and there
  // is no load balancing or proxying"; with selectors, DNS returns "A or AAAA records ... that point directly to the Pods".
  if (isHeadless(service) && service.type === 'ClusterIP') return "headless: no cluster IP, DNS returns the ready pods' IPs and nothing proxies";
  switch (service.type) {
    case 'ClusterIP':
      return stringList(service, 'externalIPs').length > 0
        ? 'a virtual IP inside the cluster, also accepted by the nodes on its externalIPs'
        : 'a virtual IP reachable only inside the cluster';
    case 'NodePort':
      return 'a cluster IP, plus the same port opened on every node';
    case 'LoadBalancer':
      return specBoolean(service, 'allocateLoadBalancerNodePorts') === false
        ? 'an external load balancer, with no node ports allocated, plus a cluster IP'
        : 'an external load balancer, typically forwarding to node ports on every node, plus a cluster IP';
    case 'ExternalName':
      return 'a DNS alias (CNAME), with no cluster IP and no proxying';
    default:
      return 'not a Service type';
  }
}

/**
 * One line per port: where clients connect and where kube-proxy sends the traffic, e.g. "`<NodeIP>:30007` (TCP) →
 * port 8080 (`http`)". The pods those ports are on follow once, in `podsLine`.
 */
export function portLine(service: ServiceModel, port: ServicePortModel, workloads: ObjectRef<WorkloadModel>[], env: HoverEnv): string {
  const range = formatPortRange(env.settings.nodePortRange);
  const listen = port.port ?? '<port>';
  const target = targetWords(port, workloads);
  const proto = port.protocol;
  switch (service.type) {
    case 'NodePort': {
      const node = port.nodePort !== undefined ? code(`<NodeIP>:${port.nodePort}`) : `${code('<NodeIP>:<nodePort>')} (allocated from ${range})`;
      return `${node} on any node, and ${code(`${service.name ?? '<name>'}:${listen}`)} in the cluster (${proto}) → ${target}`;
    }
    case 'LoadBalancer': {
      // The lead line says "typically": the provider decides; some load balancers skip the node port (sources above).
      const via =
        port.nodePort !== undefined
          ? `node port ${port.nodePort}`
          : specBoolean(service, 'allocateLoadBalancerNodePorts') !== false
            ? 'an allocated node port'
            : 'the pods or a node directly (no node port)';
      return `load balancer port ${listen} (${proto}) → ${via} → ${target}`;
    }
    default: {
      if (isHeadless(service)) return `pod IPs directly, on ${headlessTarget(service, port, workloads)} (${proto})`;
      const external = stringList(service, 'externalIPs');
      const also = external.length > 0 ? `, and ${listing(external.map((ip) => code(`${ip}:${listen}`)))} (externalIPs)` : '';
      return `${code(`${service.name ?? '<name>'}:${listen}`)}${also} (${proto}) → ${target}`;
    }
  }
}

/** "Pods: the 3 pods of Deployment `web` (labels `app=web`)", once for all ports. */
export function podsLine(service: ServiceModel, workloads: ObjectRef<WorkloadModel>[]): string {
  return `Pods: ${backendPods(service, workloads)}`;
}

/** The cluster DNS name for clients in other namespaces; a bare name only resolves in the Service's own namespace. */
// kubernetes.io/docs/concepts/services-networking/dns-pod-service/: "Queries that don't specify a namespace are limited
// to the Pod's namespace. To access Services in other namespaces, specify it in the DNS query."
export function otherNamespaces(service: ServiceModel): string | undefined {
  if (isHeadless(service) || service.type === 'ExternalName') return undefined;
  return `From other namespaces: ${code(`${service.name ?? '<name>'}.${service.namespace ?? '<namespace>'}`)}`;
}

/** The ExternalName Service's one line: a CNAME, no ports remapped. */
// kubernetes.io/docs/concepts/services-networking/service/#externalname: "the cluster DNS Service returns a CNAME record"
// and "redirection happens at the DNS level rather than via proxying or forwarding": nothing sits between client and
// host to map one port to another.
export function externalNameLine(service: ServiceModel): string {
  const target = specString(service, 'externalName');
  return `The cluster DNS answers ${code(service.name ?? '<name>')} with a CNAME for ${target ? code(target) : 'the name in `externalName`'}; clients connect to that host on their own port, with no proxying and no port remapping.`;
}

/** "port 8080, the target port, not 80": without a proxy nothing maps `port` to the pods' port. */
export function headlessTarget(service: ServiceModel, port: ServicePortModel, workloads: ObjectRef<WorkloadModel>[]): string {
  // Without a selector nothing resolves targetPort: the EndpointSlices someone writes carry the ports.
  if (!service.selector) return 'the ports their EndpointSlices list';
  const target = targetWords(port, workloads);
  return port.port === undefined || port.targetPort === port.port ? target : `${target}, the target port, not ${port.port}`;
}

/** "`web:80` (`web.shop:80` from other namespaces)": a bare Service name only resolves in its own namespace. */
export function inCluster(service: ServiceModel, listen: number | string): string {
  const name = service.name ?? '<name>';
  return `${code(`${name}:${listen}`)} (${code(`${name}.${service.namespace ?? '<namespace>'}:${listen}`)} from other namespaces)`;
}

/** What externalTrafficPolicy does to this Service's outside traffic, or undefined when it does not apply. */
export function policySentence(service: ServiceModel): string | undefined {
  const policy = effectiveExternalPolicy(service);
  if (!policy || isHeadless(service)) return undefined;
  const written = service.externalTrafficPolicy ? '' : ' (default)';
  if (policy === 'Local') {
    const lb = service.type === 'LoadBalancer' ? ' (load balancers that health-check `healthCheckNodePort` avoid such nodes)' : '';
    return `\`externalTrafficPolicy: Local\`: the client IP is kept, and a node without a ready pod of this Service drops outside traffic${lb}.`;
  }
  if (policy === 'Cluster') {
    return `\`externalTrafficPolicy: Cluster\`${written}: outside traffic may hop to a pod on another node, and the pod sees a node's IP, not the client's.`;
  }
  return undefined;
}

/** A note for LoadBalancer Services about who provisions the load balancer, from the cluster profile setting. */
export function provisioningNote(service: ServiceModel, env: HoverEnv): string | undefined {
  if (service.type !== 'LoadBalancer') return undefined;
  const lbClass = specString(service, 'loadBalancerClass');
  if (lbClass)
    return `Provisioned by the load-balancer implementation that watches class ${code(lbClass)}; the cloud provider's default implementation ignores this Service.`;
  switch (env.settings.clusterProfile) {
    // service.md "LoadBalancer": "Kubernetes does not directly offer a load balancing component"; MetalLB is one
    // (metallb.universe.tf/configuration/: "MetalLB remains idle until configured").
    case 'bare-metal':
      return 'On bare metal the address stays `<pending>` unless a load-balancer implementation (for example MetalLB) is installed.';
    // minikube.sigs.k8s.io/docs/handbook/accessing/ ("without minikube tunnel, kubernetes would be showing external IP
    // as pending"); kind.sigs.k8s.io/docs/user/loadbalancer/ (Cloud Provider KIND); docs.k3s.io/networking/
    // networking-services ("By default, K3s provides a load balancer known as ServiceLB"), which k3d runs too
    // (k3d-io/k3d docs/usage/k3s.md, "servicelb (klipper-lb)").
    case 'local':
      return 'On a local cluster the address stays `<pending>` until something provides it: `minikube tunnel`, cloud-provider-kind on kind, ServiceLB (on by default) on k3s and k3d.';
    default:
      return "Until the cloud provider's integration (or another installed implementation) creates the load balancer, its address is `<pending>`.";
  }
}
