/**
 * One sentence per Service `spec` field on what it does, shared by hovers (which add this manifest's values) and
 * completion (which shows it beside each key). Sources are cited with the hover texts in features/hover/fields.ts and
 * features/hover/lbFields.ts.
 */
export const FIELD_MEANINGS: Readonly<Record<string, string>> = {
  clusterIP: "The Service's virtual IP inside the cluster. kube-proxy on every node catches connections to it and forwards them to a ready pod.",
  externalTrafficPolicy: 'How traffic from outside the cluster (to node ports, load-balancer IPs and externalIPs) is routed once it reaches a node.',
  internalTrafficPolicy: "How traffic from inside the cluster to the Service's cluster IP is routed.",
  sessionAffinity: 'Whether connections from the same client IP keep going to the same pod.',
  sessionAffinityConfig: 'Settings of `sessionAffinity: ClientIP`: `clientIP.timeoutSeconds` is how long a client IP stays with its pod.',
  externalIPs:
    "Extra IP addresses on which the nodes accept traffic for this Service's ports. Kubernetes does not manage them: getting that traffic to a node is up to you.",
  externalName: 'The DNS name the cluster DNS returns, as a CNAME, for an ExternalName Service.',
  ipFamilies: "The IP families (`IPv4`, `IPv6`) of the Service's cluster IPs, in order; the first one is the family of `clusterIP`.",
  ipFamilyPolicy: 'Whether the Service gets cluster IPs of one IP family or of both.',
  publishNotReadyAddresses: 'Publishes pods that are not ready as if they were ready, in EndpointSlices and therefore in DNS and kube-proxy.',
  trafficDistribution: 'A preference for nearby pods. It is a hint: implementations such as kube-proxy follow it, but it is not a guarantee.',
  loadBalancerSourceRanges: 'The client address ranges (CIDRs) allowed to connect through the load balancer, where the platform supports the restriction.',
  loadBalancerClass:
    "Which load-balancer implementation handles this Service. The default implementation (usually the cloud provider's) ignores Services that set a class; the implementation watching for this class provisions the load balancer.",
  allocateLoadBalancerNodePorts: 'Whether a LoadBalancer Service gets node ports allocated automatically, for load balancers that send traffic to node ports.',
  healthCheckNodePort:
    "A node port on which kube-proxy answers the load balancer's health checks (`/healthz`) for this Service: success only on nodes that have a ready pod of it, so the load balancer sends traffic only there.",
  loadBalancerIP:
    'Asks the load-balancer implementation for a specific external IP. Deprecated since Kubernetes 1.24: its meaning varies between implementations and it cannot express dual-stack.',
};
