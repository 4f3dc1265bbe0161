/**
 * The values the API server accepts for the enum-like Service fields, each with one line on what it does.
 * Accepted values: pkg/apis/core/validation/validation.go (notes rows T1, P6, E2, I1, S1, C4, C6, D1); defaults:
 * pkg/apis/core/v1/defaults.go SetDefaults_Service and the registry (notes section 4). Wording follows
 * kubernetes/website: service.md (types), reference/networking/service-protocols.md (SCTP/UDP on load balancers),
 * reference/networking/virtual-ips.md (traffic policies, session affinity, traffic distribution), dual-stack.md.
 * trafficDistribution: PreferSameZone/PreferSameNode need Kubernetes 1.34+ (PreferSameTrafficDistribution, beta
 * 1.34, GA 1.35); PreferClose is their deprecated predecessor (KEP-3015), the only value before 1.34.
 */
import { formatPortRange, type PortRange } from '../../analysis/settings';

export interface EnumValue {
  value: string;
  /** One plain sentence. */
  doc: string;
  /** The value the API server fills in when the field is omitted. */
  isDefault?: boolean;
  deprecated?: boolean;
}

export function enumValues(field: string, range: PortRange): EnumValue[] | undefined {
  switch (field) {
    case 'type':
      return [
        { value: 'ClusterIP', isDefault: true, doc: 'A virtual IP reachable only from inside the cluster.' },
        { value: 'NodePort', doc: `ClusterIP plus a port from the node-port range (${formatPortRange(range)}) opened on every node.` },
        {
          value: 'LoadBalancer',
          doc: "NodePort plus an external load balancer, created by the cloud provider's integration or another installed implementation (such as MetalLB).",
        },
        { value: 'ExternalName', doc: 'No cluster IP and no proxying: the cluster DNS answers the Service name with a CNAME for `externalName`.' },
      ];
    case 'protocol':
      return [
        { value: 'TCP', isDefault: true, doc: 'TCP, for any kind of Service.' },
        { value: 'UDP', doc: 'UDP; on LoadBalancer Services it works only where the provider supports it.' },
        {
          value: 'SCTP',
          doc: 'SCTP, with a network plugin that supports it (not on Windows nodes); on LoadBalancer Services only where the provider supports it.',
        },
      ];
    case 'externalTrafficPolicy':
      return [
        { value: 'Cluster', isDefault: true, doc: 'Any node forwards outside traffic to any ready pod; pods see a node IP instead of the client IP.' },
        {
          value: 'Local',
          doc: 'Outside traffic only goes to ready pods on the node it arrives at, keeping the client IP; a node without such a pod drops it.',
        },
      ];
    case 'internalTrafficPolicy':
      return [
        { value: 'Cluster', isDefault: true, doc: 'Traffic from inside the cluster goes to any ready pod.' },
        { value: 'Local', doc: "Traffic from inside the cluster only goes to ready pods on the client's node; it is dropped when that node has none." },
      ];
    case 'sessionAffinity':
      return [
        { value: 'None', isDefault: true, doc: 'Each new connection picks a pod independently.' },
        {
          value: 'ClientIP',
          doc: 'Connections from one client IP stick to one pod, for 10800 seconds unless `sessionAffinityConfig.clientIP.timeoutSeconds` says otherwise.',
        },
      ];
    case 'ipFamilyPolicy':
      return [
        { value: 'SingleStack', isDefault: true, doc: 'Cluster IPs of one IP family (the default, except for headless Services without a selector).' },
        { value: 'PreferDualStack', doc: 'Cluster IPs of both families on a dual-stack cluster, of one family otherwise.' },
        {
          value: 'RequireDualStack',
          doc: 'Cluster IPs of both families; on a single-stack cluster creating the Service fails (headless Services without a selector excepted).',
        },
      ];
    case 'trafficDistribution':
      return [
        {
          value: 'PreferSameZone',
          doc: "Prefer ready pods in the client's zone (Kubernetes 1.34 and later). A hint that implementations such as kube-proxy follow.",
        },
        {
          value: 'PreferSameNode',
          doc: "Prefer ready pods on the client's node (Kubernetes 1.34 and later). A hint that implementations such as kube-proxy follow.",
        },
        {
          value: 'PreferClose',
          deprecated: true,
          doc: 'The older, deprecated name of PreferSameZone; the only value accepted by default before Kubernetes 1.34.',
        },
      ];
    default:
      return undefined;
  }
}

/** Items of the `ipFamilies` list. */
export const IP_FAMILIES: readonly EnumValue[] = [
  { value: 'IPv4', doc: 'An IPv4 cluster IP.' },
  { value: 'IPv6', doc: 'An IPv6 cluster IP.' },
];
