/**
 * Explanations of the LoadBalancer-only fields. Sources (kubernetes/website unless noted):
 * - service.md "Disabling load balancer NodePort allocation" (only for implementations that route directly to pods;
 *   default true; switching an existing Service to false does not de-allocate node ports), "Specifying class of load
 *   balancer implementation" (default implementation ignores Services with a class; cannot be changed once set),
 *   loadBalancerIP note (deprecated in v1.24, provider-dependent, ignored where unsupported).
 * - Service API reference: loadBalancerSourceRanges ("If specified and supported by the platform ... restricted to the
 *   specified client IPs"), allocateLoadBalancerNodePorts ("requests for specific NodePorts ... will be respected,
 *   regardless of this field"), healthCheckNodePort (allocated automatically; only for LoadBalancer + Local).
 * - tutorials/services/source-ip.md and reference/networking/virtual-ips.md: the health check node port serves
 *   `/healthz`; kube-proxy answers 200 only on nodes with a ready local endpoint.
 * - kubernetes/kubernetes pkg/proxy/iptables/proxier.go: the source-range firewall chain is installed for load-balancer
 *   IPs only ("For loadbalancers which direct traffic to service NodePort, the firewall rules will not apply"); the
 *   nftables proxier keys its firewall set on the load-balancer IP too. See also kubernetes/kubernetes#33586.
 * - Without node ports a load balancer may also deliver to a node with its own IP as the destination: kube-proxy accepts
 *   packets for every `status.loadBalancer.ingress` IP (ipMode VIP, the default) on the Service port whether or not a
 *   node port exists (kubernetes/kubernetes pkg/proxy/iptables/proxier.go and nftables/proxier.go, "Capture
 *   load-balancer ingress" over LoadBalancerVIPs()).
 * - Validation texts: pkg/apis/core/validation/validation.go (notes section 5.5, rows L1, B1, B4, E3).
 */
import { formatPortRange } from '../../analysis/settings';
import { FIELD_MEANINGS } from '../../kubernetes/fieldMeanings';
import { DOCS } from './docs';
import { onlyForLoadBalancer, valueHere, type FieldDoc } from './fieldDoc';
import { code, listing } from './markdown';
import { effectiveExternalPolicy } from './servicePath';
import { specBoolean, specNumber, specString, stringList } from './specValues';

export const LB_FIELDS: Record<string, FieldDoc> = {
  loadBalancerSourceRanges: {
    meaning: FIELD_MEANINGS.loadBalancerSourceRanges,
    defaultText: 'not set: the load balancer accepts clients from any address that can reach it.',
    here: (s) => {
      const ranges = stringList(s, 'loadBalancerSourceRanges');
      return (
        onlyForLoadBalancer(s, 'spec.loadBalancerSourceRanges') ??
        (ranges.length ? `only ${listing(ranges.map((r) => code(r)))} may connect through the load balancer.` : 'not set.')
      );
    },
    otherwise:
      "Each entry is a CIDR such as `203.0.113.0/24`. kube-proxy enforces them only for traffic addressed to the load balancer's IP; it does not apply them to node ports, so traffic sent to `<NodeIP>:<nodePort>` is only filtered if the provider's or your own firewall does it.",
    docs: [
      ['Create an external load balancer', 'https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/'],
      ['LoadBalancer', DOCS.loadBalancer],
    ],
  },
  loadBalancerClass: {
    meaning: FIELD_MEANINGS.loadBalancerClass,
    defaultText: "not set: the cluster's default implementation, usually the cloud provider integration.",
    here: (s) => onlyForLoadBalancer(s, 'spec.loadBalancerClass') ?? valueHere(specString(s, 'loadBalancerClass'), true),
    otherwise:
      'A label-style name with an optional prefix, such as `example.com/internal-vip`. It cannot be changed once set; if nothing watches the class, the Service keeps a `<pending>` address.',
    docs: [['Load balancer class', DOCS.lbClass]],
  },
  allocateLoadBalancerNodePorts: {
    meaning: FIELD_MEANINGS.allocateLoadBalancerNodePorts,
    defaultText: '`true`.',
    here: (s, env) => {
      const notLb = onlyForLoadBalancer(s, 'spec.allocateLoadBalancerNodePorts');
      if (notLb) return notLb;
      const value = specBoolean(s, 'allocateLoadBalancerNodePorts');
      const explicit = s.ports.filter((p) => p.nodePort !== undefined).map((p) => code(p.nodePort as number));
      if (value === false) {
        return `\`false\`: ${explicit.length ? `only the node ports written explicitly (${listing(explicit)}) are allocated` : 'no node ports are allocated'}; the load balancer must send to the pods directly, or to a node with its own IP as the destination, which kube-proxy accepts.`;
      }
      const automatic = s.ports.filter((p) => p.nodePort === undefined).length;
      return `${valueHere(true, value !== undefined)}: ${automatic ? `${automatic === s.ports.length ? 'every port gets' : `${automatic} port(s) get`} a node port from ${formatPortRange(env.settings.nodePortRange)}` : 'every port asks for its own node port'}.`;
    },
    otherwise:
      '`false` only works with load balancers that do not target node ports: ones that send straight to pod IPs, or that deliver to a node with the load-balancer IP still as the destination (kube-proxy accepts that on every node); with one that targets node ports the traffic has nowhere to go. Node ports written in `nodePort` are allocated either way, and switching an existing Service to `false` does not release node ports it already has: remove each `nodePort` as well.',
    docs: [['Disabling load balancer NodePort allocation', DOCS.lbNodePortAllocation]],
  },
  healthCheckNodePort: {
    meaning: FIELD_MEANINGS.healthCheckNodePort,
    defaultText: 'allocated automatically from the node-port range when `type: LoadBalancer` and `externalTrafficPolicy: Local`; not allowed otherwise.',
    here: (s, env) => {
      const value = specNumber(s, 'healthCheckNodePort');
      if (s.type !== 'LoadBalancer' || effectiveExternalPolicy(s) !== 'Local') {
        return `not used: it needs \`type: LoadBalancer\` and \`externalTrafficPolicy: Local\`${value ? ', and the API server rejects it otherwise' : ''}.`;
      }
      const range = env.settings.nodePortRange;
      if (value === undefined) return `allocated automatically from ${formatPortRange(range)}.`;
      return value >= range.first && value <= range.last
        ? `${value}.`
        : `${value} is outside ${formatPortRange(range)}: creating the Service fails with an internal error.`;
    },
    otherwise:
      'A port you choose must be free and inside the node-port range. It cannot be changed while the Service stays LoadBalancer with `externalTrafficPolicy: Local`.',
    docs: [
      ['Preserving the client source IP', DOCS.sourceIP],
      ['Using source IP', DOCS.sourceIPTutorial],
    ],
  },
  loadBalancerIP: {
    meaning: FIELD_MEANINGS.loadBalancerIP,
    defaultText: 'not set: the load balancer gets an address chosen by the provider.',
    // No validation rejects it on other types (notes row B5); it simply has no effect there.
    here: (s) => (s.type === 'LoadBalancer' ? valueHere(specString(s, 'loadBalancerIP'), true) : `ignored: this Service is \`type: ${s.type}\`.`),
    otherwise: "Providers that do not support it ignore it silently. Prefer your provider's annotation for a fixed address.",
    docs: [['LoadBalancer', DOCS.loadBalancer]],
  },
};
