/**
 * Explanations of the `spec` fields that shape routing, as data. Sources (kubernetes/website unless noted):
 * - Service API reference (reference/kubernetes-api/service-resources/service-v1.md): clusterIP, externalIPs,
 *   externalName, ipFamilies, ipFamilyPolicy, publishNotReadyAddresses, sessionAffinityConfig (timeout >0 and <=86400,
 *   default 10800), internalTrafficPolicy ("traffic is dropped if no node-local endpoints are ready").
 * - reference/networking/virtual-ips.md: "Session affinity" (default None, timeout default 10800 = 3 hours),
 *   "Traffic policies", "Traffic distribution control" (PreferSameZone, PreferSameNode, PreferClose deprecated alias;
 *   Local policies take precedence; no value = spread over all endpoints), "IP address ranges for Service virtual IP
 *   addresses" (manual IPs from the lower band).
 * - tasks/access-application-cluster/create-external-load-balancer.md: Cluster "obscures the client source IP and may
 *   cause a second hop to another node, but should have good overall load-spreading"; Local "preserves the client source
 *   IP and avoids a second hop ... but risks potentially imbalanced traffic spreading"; external load balancers
 *   "balance equally across all target nodes, disregarding the number of pods on each node".
 * - pkg/apis/core/v1/defaults.go SetDefaults_Service (defaults) and pkg/apis/core/validation/validation.go (rejections),
 *   as summarised in /work/shared/notes/service-validation-rules.md sections 4 and 5; warnings from
 *   pkg/api/service/warnings.go.
 * - concepts/services-networking/dual-stack.md (policies, headless selector-less default RequireDualStack);
 *   kubernetes/kubernetes pkg/registry/core/service/storage/alloc.go initIPFamilyFields: an omitted policy becomes
 *   RequireDualStack for a headless Service without a selector (so two ipFamilies are accepted) and SingleStack
 *   otherwise; the headless selector-less special case returns before the "not configured on this cluster" checks.
 * - service.md "ExternalName" (IPv4 strings are treated as names and not resolved) and "External IPs".
 * - CVE-2020-8554 (kubernetes/kubernetes#97076): externalIPs can intercept traffic; DenyServiceExternalIPs admission.
 */
import { FIELD_MEANINGS } from '../../kubernetes/fieldMeanings';
import type { ServiceModel } from '../../kubernetes/model';
import { asMap, fieldOf, numberValue } from '../../document/yamlNodes';
import { DOCS } from './docs';
import { valueHere, type FieldDoc } from './fieldDoc';
import { code, listing } from './markdown';
import { effectiveExternalPolicy, isExternallyAccessible, isHeadless } from './servicePath';
import { specBoolean, specString, stringList } from './specValues';

export const FIELDS: Record<string, FieldDoc> = {
  clusterIP: {
    meaning: FIELD_MEANINGS.clusterIP,
    defaultText: 'empty: Kubernetes allocates a free IP from the service CIDR (`--service-cluster-ip-range`) when the Service is created.',
    here: (s) => {
      if (s.type === 'ExternalName') return 'ExternalName Services have no cluster IP; the API server rejects this field on them.';
      if (s.clusterIP === 'None') return "`None`: headless. No virtual IP; the DNS name returns the ready pods' IPs and nothing proxies.";
      if (s.clusterIP) return `${code(s.clusterIP)}: must lie inside the service CIDR and be unused, otherwise creation fails.`;
      return 'allocated automatically when the Service is created.';
    },
    otherwise:
      '`None` makes the Service headless (not allowed with NodePort or LoadBalancer). A fixed IP is only worth it for clients that cannot use DNS; take it from the lower part of the range, which automatic allocation uses last. It cannot be changed later, except by switching the type to or from ExternalName.',
    docs: [
      ['ClusterIP', DOCS.clusterIP],
      ['Headless Services', DOCS.headless],
    ],
  },
  externalTrafficPolicy: {
    meaning: FIELD_MEANINGS.externalTrafficPolicy,
    defaultText: '`Cluster` for NodePort and LoadBalancer Services and ClusterIP Services with externalIPs; other Services may not set it.',
    here: (s) => {
      if (!isExternallyAccessible(s))
        return `not used: a \`${s.type}\` Service without externalIPs receives no outside traffic, and the API server rejects the field (\`may only be set for externally-accessible services\`).`;
      const policy = effectiveExternalPolicy(s);
      const what =
        policy === 'Local'
          ? 'outside traffic only reaches pods on the node it arrives at, with the client IP intact'
          : policy === 'Cluster'
            ? 'any node forwards outside traffic to any ready pod, and pods see a node IP as the source'
            : 'not a valid value; the API server accepts only `Cluster` and `Local`';
      return `${valueHere(policy, !!s.externalTrafficPolicy)}: ${what}.`;
    },
    // create-external-load-balancer.md, "Preserving the client source IP": Cluster "obscures the client source IP and may
    // cause a second hop to another node, but should have good overall load-spreading"; Local "preserves the client
    // source IP and avoids a second hop ... but risks potentially imbalanced traffic spreading" (docs.ts, sourceIP).
    otherwise:
      '`Cluster` spreads load well but may add a second hop and hides the client IP. `Local` keeps the client IP with no second hop, but a node without a ready pod drops the traffic and load can be uneven (load balancers balance per node, not per pod); a LoadBalancer then gets a `healthCheckNodePort`.',
    docs: [
      ['Preserving the client source IP', DOCS.sourceIP],
      ['Traffic policies', DOCS.trafficPolicies],
      ['Using source IP', DOCS.sourceIPTutorial],
    ],
  },
  internalTrafficPolicy: {
    meaning: FIELD_MEANINGS.internalTrafficPolicy,
    defaultText: '`Cluster` (for ClusterIP, NodePort and LoadBalancer Services).',
    here: (s) =>
      s.type === 'ExternalName'
        ? 'not used: an ExternalName Service is only a DNS alias.'
        : valueHere(specString(s, 'internalTrafficPolicy') ?? 'Cluster', !!specString(s, 'internalTrafficPolicy')),
    otherwise:
      '`Cluster`: any ready pod in the cluster. `Local`: only ready pods on the same node as the client; when that node has none, kube-proxy drops the traffic. `Local` suits per-node agents, such as those of a DaemonSet.',
    docs: [['Traffic policies', DOCS.trafficPolicies]],
  },
  sessionAffinity: {
    meaning: FIELD_MEANINGS.sessionAffinity,
    defaultText: '`None`: each new connection picks a pod independently.',
    here: (s) => {
      const value = specString(s, 'sessionAffinity');
      if (s.type === 'ExternalName') return 'not used: an ExternalName Service is only a DNS alias.';
      if (isHeadless(s) && value === 'ClientIP')
        return '`ClientIP`, but ignored: headless Services are not proxied (the API server warns `spec.SessionAffinity is ignored for headless services`).';
      if (value !== 'ClientIP') return valueHere(value ?? 'None', !!value);
      const timeout = clientIPTimeout(s);
      if (timeout === undefined) return '`ClientIP`: a client IP sticks to its pod for 10800 seconds (default, 3 hours).';
      return timeout > 0 && timeout <= 86400
        ? `\`ClientIP\`: a client IP sticks to its pod for ${timeout} seconds.`
        : `\`ClientIP\`, with a timeout of ${timeout} that the API server rejects (it must be 1-86400 seconds).`;
    },
    otherwise:
      '`ClientIP`: sticky by client IP for `sessionAffinityConfig.clientIP.timeoutSeconds` (default 10800 s = 3 hours). Clients behind one NAT or proxy share an IP and therefore a pod.',
    docs: [['Session affinity', DOCS.sessionAffinity]],
  },
  sessionAffinityConfig: {
    meaning: FIELD_MEANINGS.sessionAffinityConfig,
    defaultText: '`clientIP.timeoutSeconds: 10800` (3 hours) when `sessionAffinity` is `ClientIP`; with `None` the whole block is dropped.',
    here: (s) => {
      if (specString(s, 'sessionAffinity') !== 'ClientIP') return 'ignored: `sessionAffinity` is not `ClientIP`, so defaulting removes this block.';
      const timeout = clientIPTimeout(s);
      if (timeout === undefined) return '10800 seconds (default).';
      return timeout > 0 && timeout <= 86400 ? `${timeout} seconds.` : `${timeout} is rejected: the timeout must be greater than 0 and at most 86400 (1 day).`;
    },
    otherwise: 'Any whole number of seconds from 1 to 86400 (1 day). Not supported on Windows nodes.',
    docs: [['Session stickiness timeout', DOCS.sessionAffinity]],
  },
  externalIPs: {
    meaning: FIELD_MEANINGS.externalIPs,
    defaultText: 'none.',
    here: (s) => {
      const ips = stringList(s, 'externalIPs');
      if (s.type === 'ExternalName')
        return 'ignored for ExternalName Services (the API server warns `spec.externalIPs is ignored when spec.type is "ExternalName"`).';
      if (isHeadless(s)) return 'ignored for headless Services (the API server warns `spec.externalIPs is ignored for headless services`).';
      const ports = s.ports.map((p) => p.port).filter((p): p is number => p !== undefined);
      return ips.length === 0
        ? 'none.'
        : `clients may connect to ${listing(ips.flatMap((ip) => ports.map((port) => code(`${ip}:${port}`))))}; \`externalTrafficPolicy\` applies to that traffic.`;
    },
    otherwise:
      'Anyone who may create Services can use this field to capture traffic meant for an IP (CVE-2020-8554), so a cluster can forbid it with the `DenyServiceExternalIPs` admission plugin.',
    docs: [['External IPs', DOCS.externalIPs]],
  },
  externalName: {
    meaning: FIELD_MEANINGS.externalName,
    defaultText: 'none; required when `type: ExternalName`.',
    here: (s) => {
      const name = specString(s, 'externalName');
      if (s.type !== 'ExternalName')
        return `ignored: this Service is \`type: ${s.type}\` (the API server warns \`spec.externalName is ignored when spec.type is not "ExternalName"\`).`;
      return name ? `${code(s.name ?? '<name>')} resolves to ${code(name)}.` : 'missing: the API server rejects an ExternalName Service without it.';
    },
    otherwise:
      'Must be a lowercase DNS name. An IPv4 address is accepted but treated as a name made of digits and does not resolve; for a fixed IP use a Service without selector plus an EndpointSlice.',
    docs: [
      ['ExternalName', DOCS.externalName],
      ['Services without selectors', DOCS.withoutSelectors],
    ],
  },
  ipFamilies: {
    meaning: FIELD_MEANINGS.ipFamilies,
    defaultText: 'filled in from the cluster configuration and `ipFamilyPolicy`.',
    here: (s) => {
      if (s.type === 'ExternalName') return 'not allowed on ExternalName Services (`Forbidden: may not be set for ExternalName services`).';
      const families = stringList(s, 'ipFamilies');
      return families.length === 0
        ? 'chosen by the cluster.'
        : `${listing(families.map((f) => code(f)))}${families.length > 1 && effectivePolicy(s) === 'SingleStack' ? ': two families need `ipFamilyPolicy` `PreferDualStack` or `RequireDualStack`, or creation fails' : ''}.`;
    },
    otherwise: 'At most one entry per family. A family the cluster does not serve makes creation fail, except for a headless Service without a selector.',
    docs: [['IPv4/IPv6 dual-stack', DOCS.dualStack]],
  },
  ipFamilyPolicy: {
    meaning: FIELD_MEANINGS.ipFamilyPolicy,
    defaultText: '`SingleStack`; `RequireDualStack` for headless Services without a selector.',
    here: (s) => (s.type === 'ExternalName' ? 'not allowed on ExternalName Services.' : valueHere(effectivePolicy(s), !!specString(s, 'ipFamilyPolicy'))),
    otherwise:
      '`PreferDualStack`: both families on a dual-stack cluster, one otherwise. `RequireDualStack`: both, or creation fails on a single-stack cluster (a headless Service without a selector excepted). A dual-stack LoadBalancer also needs provider support.',
    docs: [['IPv4/IPv6 dual-stack', DOCS.dualStack]],
  },
  publishNotReadyAddresses: {
    meaning: FIELD_MEANINGS.publishNotReadyAddresses,
    defaultText: '`false`: only ready pods receive traffic.',
    here: (s) => valueHere(specBoolean(s, 'publishNotReadyAddresses') ?? false, specBoolean(s, 'publishNotReadyAddresses') !== undefined),
    otherwise:
      "`true` also sends traffic to pods that are starting or failing their readiness probe. Its main use is a StatefulSet's headless Service, so that peers find each other through DNS before they are ready.",
    docs: [['Service API reference', DOCS.apiReference]],
  },
  trafficDistribution: {
    meaning: FIELD_MEANINGS.trafficDistribution,
    defaultText: 'not set: traffic is spread over all ready pods in the cluster.',
    here: (s) => valueHere(specString(s, 'trafficDistribution'), true),
    otherwise:
      "`PreferSameZone` (Kubernetes 1.34+; `PreferClose` is its older, deprecated alias): pods in the client's zone when there are any. `PreferSameNode` (1.34+): pods on the client's node first, then the zone, then anywhere. A `Local` traffic policy takes precedence. Pods in a busy zone or node can be overloaded.",
    docs: [['Traffic distribution', DOCS.trafficDistribution]],
  },
};

/** The policy initIPFamilyFields fills in when none is written. */
function effectivePolicy(s: ServiceModel): string {
  return specString(s, 'ipFamilyPolicy') ?? (isHeadless(s) && !s.selector ? 'RequireDualStack' : 'SingleStack');
}

function clientIPTimeout(s: ServiceModel): number | undefined {
  const clientIP = fieldOf(asMap(fieldOf(s.spec, 'sessionAffinityConfig')?.node), 'clientIP');
  return numberValue(fieldOf(asMap(clientIP?.node), 'timeoutSeconds')?.node, s.doc);
}
