import type { Range, Severity } from './basics';

/**
 * The traffic path of one Service, as plain JSON: it is the `services[]` of the `kubeServiceLens/trafficGraph`
 * answer, so every field is something an LSP client can show without knowing our YAML model.
 */

/** Where something is written, so a client can reveal it. */
export interface SourceLink {
  uri: string;
  range: Range;
}

export interface TrafficPath {
  /** Generated id, unique within one answer ('s0', 's1', ...); also the prefix of its Mermaid node ids. */
  id: string;
  name?: string;
  namespace?: string;
  /** Effective type after defaulting (ClusterIP when omitted); the raw text when it is not a valid type. */
  type: string;
  validType: boolean;
  /** `clusterIP: None`: DNS answers with pod IPs and nothing proxies. */
  headless: boolean;
  /** `spec.clusterIP` when written as an address; otherwise the API server allocates one. */
  clusterIP?: string;
  externalName?: string;
  source: SourceLink;
  lanes: TrafficLane[];
  externalIPs: string[];
  loadBalancer?: LoadBalancerFacts;
  /** Effective `externalTrafficPolicy` (Cluster when omitted); only for externally accessible Services. */
  externalTrafficPolicy?: string;
  /** Effective `internalTrafficPolicy` (Cluster when omitted); absent for ExternalName. */
  internalTrafficPolicy?: string;
  /** LoadBalancer with `externalTrafficPolicy: Local` only: the port as written, or 'allocated'. */
  healthCheckNodePort?: number | 'allocated';
  /** Present when `sessionAffinity: ClientIP`. */
  sessionAffinity?: { timeoutSeconds: number };
  /** Undefined when the Service has no selector: its endpoints are managed outside the Service. */
  selector?: Record<string, string>;
  /**
   * Set when the Service has no selector only because the selector's labels are mis-indented (an error on the
   * Service): then it is not a Service whose endpoints are managed elsewhere, and must not be drawn as one.
   */
  selectorMisindented?: true;
  workloads: SelectedWorkload[];
  upstream: UpstreamRef[];
  diagnostics: PathDiagnostic[];
  /** The configured node-port range, `30000-32767` by default. */
  nodePortRange: string;
}

export interface TrafficLane {
  /** Index in `spec.ports`. */
  index: number;
  name?: string;
  port?: number;
  /** Effective protocol (TCP when omitted). */
  protocol: string;
  appProtocol?: string;
  /** Effective targetPort (`port` when omitted or 0): a number or a container port name. */
  targetPort?: number | string;
  /** The nodePort as written (non-zero). */
  nodePort?: number;
  /** Whether this lane has a node port on every node (written or allocated by the API server). */
  hasNodePort: boolean;
  /** The targetPort resolved in each selected workload, in `workloads` order. */
  targets: ResolvedTarget[];
  source: SourceLink;
}

export interface ResolvedTarget {
  /** Index into `TrafficPath.workloads`. */
  workload: number;
  /** The container port traffic reaches; undefined when a named targetPort is not declared by the pod template. */
  containerPort?: number;
  /** The container declaring the port, when one does. */
  container?: string;
}

export interface LoadBalancerFacts {
  /** `status.loadBalancer.ingress[].ip|hostname` when the manifest carries status (exported from a cluster). */
  ingress: string[];
  /** Deprecated `spec.loadBalancerIP`: a request that implementations may ignore. */
  requestedIP?: string;
  sourceRanges: string[];
  /** Where the source ranges come from; undefined when there are none. */
  sourceRangesFrom?: 'field' | 'annotation';
  loadBalancerClass?: string;
  /** Effective `allocateLoadBalancerNodePorts` (true when omitted). */
  allocateNodePorts: boolean;
  /** The user's `kubeServiceLens.clusterProfile`, to say whether anything will provision the LB. */
  clusterProfile: string;
}

export interface SelectedWorkload {
  kind: string;
  name?: string;
  namespace?: string;
  /** Desired pods from the manifest; undefined for a DaemonSet (one pod per eligible node). */
  replicas?: number;
  source: SourceLink;
}

export interface UpstreamRef {
  /** Ingress, HTTPRoute, GRPCRoute, TCPRoute, TLSRoute or UDPRoute. */
  kind: string;
  name?: string;
  namespace?: string;
  /** The backend port as the reference writes it (number or Service port name). */
  port?: number | string;
  /** The lane the port selects; undefined when it matches none of the Service's ports. */
  laneIndex?: number;
  /** Hosts and paths (Ingress) or hostnames (routes), for the label. */
  detail: string[];
  source: SourceLink;
}

export type DiagnosticTarget = 'service' | 'port' | 'nodePort' | 'targetPort' | 'selector' | 'loadBalancer' | 'workload';

export interface PathDiagnostic {
  ruleId: string;
  severity: Severity;
  /** The message's first line (the API server's text for API rules). */
  message: string;
  /** Which node of the diagram the finding belongs to. */
  target: DiagnosticTarget;
  laneIndex?: number;
  workloadIndex?: number;
  source: SourceLink;
}
