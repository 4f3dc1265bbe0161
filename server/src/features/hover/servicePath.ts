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
import { backendPods, forwardWords, targetWords } from './backendWords';
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
function outOfRange(port: ServicePortModel, env: HoverEnv): string {
  const { first, last } = env.settings.nodePortRange;
  if (port.nodePort === undefined || (port.nodePort >= first && port.nodePort <= last)) return '';
  return `**As written this is rejected:** node port ${port.nodePort} is outside ${first}-${last}. If it were accepted: `;
}

/** One sentence per port saying how clients get in and where kube-proxy sends them. */
export function portPath(service: ServiceModel, port: ServicePortModel, workloads: ObjectRef<WorkloadModel>[], env: HoverEnv): string {
  const range = formatPortRange(env.settings.nodePortRange);
  const proto = port.protocol;
  const listen = port.port ?? '<port>';
  const dnsName = code(service.name ?? '<name>');
  const forward = forwardWords(service, port, workloads);
  switch (service.type) {
    case 'ExternalName': {
      const target = specString(service, 'externalName');
      return `The cluster DNS answers ${dnsName} with a CNAME for ${target ? code(target) : 'the name in `externalName`'}; clients then connect to that host on the port they use (${listen}), with no proxying and no port remapping.`;
    }
    case 'NodePort': {
      const node =
        port.nodePort !== undefined
          ? code(`<NodeIP>:${port.nodePort}`)
          : `${code('<NodeIP>:<nodePort>')}, a node port Kubernetes allocates from ${range} when the Service is created,`;
      return `${outOfRange(port, env)}Clients reach any node at ${node} (${proto}); kube-proxy forwards to ${forward}. Inside the cluster it also answers on its cluster IP as ${inCluster(service, listen)}.`;
    }
    case 'LoadBalancer': {
      const entry = `Clients connect to the load balancer's address on port ${listen} (${proto})`;
      // "Typically": the provider decides; some load balancers skip the node port (see the sources above).
      if (port.nodePort !== undefined)
        return `${outOfRange(port, env)}${entry}; it typically forwards to node port ${port.nodePort} on the nodes, and kube-proxy forwards to ${forward}.`;
      if (specBoolean(service, 'allocateLoadBalancerNodePorts') !== false) {
        return `${entry}; it typically forwards to a node port that Kubernetes allocates from ${range} on the nodes, and kube-proxy forwards to ${forward}.`;
      }
      // kube-proxy still captures the load-balancer IP on every node (proxier.go "Capture load-balancer ingress").
      return `${entry}; no node port is allocated (\`allocateLoadBalancerNodePorts: false\`), so the load balancer sends the traffic either straight to the pods or to a node with its own IP as the destination, which kube-proxy forwards to ${forward}.`;
    }
    default: {
      if (isHeadless(service)) {
        const pods = backendPods(service, workloads);
        return `No cluster IP (headless): the DNS name ${dnsName} resolves straight to the ready pods' IPs, and clients connect to them directly on ${headlessTarget(service, port, workloads)}, without kube-proxy or load balancing by Kubernetes. Pods: ${pods}.`;
      }
      const external = stringList(service, 'externalIPs');
      const extra =
        external.length > 0
          ? ` Nodes also accept it at ${listing(external.map((ip) => code(`${ip}:${listen}`)))} (externalIPs).`
          : ' Not reachable from outside the cluster.';
      return `Pods connect to the cluster IP as ${inCluster(service, listen)} (${proto}); kube-proxy forwards to ${forward}.${extra}`;
    }
  }
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
    const lb =
      service.type === 'LoadBalancer'
        ? ' Load balancers that support it health-check `healthCheckNodePort` so that they send traffic only to nodes with a ready pod.'
        : '';
    return `\`externalTrafficPolicy: Local\`: a node forwards outside traffic only to its own ready pods and the client's source IP is kept; a node without such a pod does not forward it.${lb}`;
  }
  if (policy === 'Cluster') {
    return `\`externalTrafficPolicy: Cluster\`${written}: the node that receives outside traffic may forward it to a pod on another node, and the pod sees the node's IP instead of the client's.`;
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
      return 'On bare metal the external address stays `<pending>` unless a load-balancer implementation (for example MetalLB) is installed.';
    // minikube.sigs.k8s.io/docs/handbook/accessing/ ("without minikube tunnel, kubernetes would be showing external IP
    // as pending"); kind.sigs.k8s.io/docs/user/loadbalancer/ (Cloud Provider KIND); docs.k3s.io/networking/
    // networking-services ("By default, K3s provides a load balancer known as ServiceLB"), which k3d runs too
    // (k3d-io/k3d docs/usage/k3s.md, "servicelb (klipper-lb)").
    case 'local':
      return 'On a local cluster the external address stays `<pending>` until something provides it: `minikube tunnel` on minikube, cloud-provider-kind on kind, ServiceLB (on by default) on k3s and k3d.';
    default:
      return "The cloud provider's integration (or another installed implementation) creates the load balancer; until then the external address shows as `<pending>`.";
  }
}
