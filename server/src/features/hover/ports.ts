/**
 * Hovers on `spec.ports[i].*`. Sources (kubernetes/website unless noted):
 * - Service API reference, ServicePort: port, targetPort ("If this is a string, it will be looked up as a named port in
 *   the target Pod's container ports"; defaults to `port`; ignored for clusterIP=None), protocol (TCP default), name
 *   (DNS_LABEL, unique, optional with one port), nodePort, appProtocol.
 * - service.md "Port definitions", "Multi-port Services", "Application protocol" (a hint, mirrored into
 *   EndpointSlices), "DNS" (SRV records `_http._tcp.my-service.my-ns` for named ports), "type: NodePort" and "Reserve
 *   Nodeport ranges to avoid collisions" (automatic allocation prefers the upper band);
 *   kubernetes/kubernetes pkg/registry/core/service/portallocator/allocator.go calculateRangeOffset (lower band size
 *   min(max(16, size/32), 128)).
 * - reference/networking/service-protocols.md (UDP/SCTP on LoadBalancer depends on the provider); service.md "Load
 *   balancers with mixed protocol types": feature gate MixedProtocolLBService "enabled by default for the kube-apiserver
 *   as of v1.24" (beta), stable in v1.26 (KEP-1435; pkg/features/kube_features.go).
 * - Headless: targetPort is still resolved into the EndpointSlices (kubernetes/kubernetes
 *   staging/src/k8s.io/endpointslice/utils.go getEndpointPorts → FindPort) and CoreDNS publishes those endpoint ports
 *   in SRV answers (coredns/coredns plugin/kubernetes/kubernetes.go findServices), so the API reference's "ignored for
 *   services with clusterIP=None" only means nothing proxies it.
 * - A named targetPort that is not an IANA_SVC_NAME fails validateServicePort → ValidatePortNumOrName
 *   (pkg/apis/core/validation/validation.go): the API server rejects the whole Service.
 * - Container API reference, `ports`: declaring a container port is informational; a process listening on 0.0.0.0
 *   is reachable whether or not the port is listed.
 */
import type { ServiceModel, ServicePortModel, WorkloadModel } from '../../kubernetes/model';
import { formatPortRange, type PortRange } from '../../analysis/settings';
import type { ObjectRef } from '../../kubernetes/workspace';
import { resolveTargetPort } from '../../kubernetes/selection';
import { backendsOf } from '../../kubernetes/backends';
import { staticBandEnd } from '../../kubernetes/nodePorts';
import { targetWords } from './backendWords';
import { nodePortCollisions } from './collisions';
import { DOCS } from './docs';
import { renderField, type FieldDoc } from './fieldDoc';
import { code, listing } from './markdown';
import { placeLink, type HoverEnv } from './places';
import { inCluster, isHeadless } from './servicePath';
import { specBoolean } from './specValues';
import { stringValue } from '../../document/yamlNodes';

type PortHere = (service: ServiceModel, port: ServicePortModel, env: HoverEnv) => string | undefined;
type PortDoc = Omit<FieldDoc, 'here'> & { here: PortHere };

export function portFieldHover(key: string, service: ServiceModel, port: ServicePortModel, env: HoverEnv, brief = false): string | undefined {
  if (!Object.hasOwn(PORT_FIELDS, key)) return undefined;
  const doc = PORT_FIELDS[key];
  const field: FieldDoc = { ...doc, here: (s, e) => doc.here(s, port, e) };
  return renderField(`spec.ports[${port.index}].${key}`, field, service, env, brief);
}

const PORT_FIELDS: Record<string, PortDoc> = {
  port: {
    meaning:
      'The port clients connect to on the cluster IP and DNS name (and on the load balancer, for LoadBalancer). It is not the node port (`nodePort`), and the pods may listen on another one (`targetPort`).',
    defaultText: 'none, it is required (1-65535).',
    here: (s, p, env) => {
      if (p.port === undefined) return undefined;
      if (s.type === 'ExternalName') return `${p.port}, for documentation only: an ExternalName Service is a DNS alias and remaps no ports.`;
      if (isHeadless(s)) return headlessPort(s, p, env);
      const outside =
        s.type === 'NodePort' && p.nodePort !== undefined ? ` From outside the cluster the port is the node port ${p.nodePort}, not ${p.port}.` : '';
      return `clients in the cluster use ${inCluster(s, p.port)}; the traffic goes to ${targetWords(p, backendsOf(s, env.workspace))} on the pods.${outside}`;
    },
    otherwise:
      'Changing it changes the address clients connect to; the pods are unaffected as long as `targetPort` stays. Two entries may not share a port number with the same protocol.',
    docs: [['Defining a Service', DOCS.portDefinitions]],
  },
  targetPort: {
    meaning:
      'The port on the pods that traffic is delivered to: a number, or the name of a container port, looked up in each pod among ports of the same protocol.',
    defaultText: 'the value of `port`.',
    here: (s, p, env) => targetHere(s, p, env),
    otherwise: 'A name decouples the Service from the number: a new version of the pods can move to another port number under the same name.',
    docs: [['Port definitions', DOCS.portDefinitions]],
  },
  nodePort: {
    meaning: "The port opened on every node for this Service (NodePort and LoadBalancer types); connections to any node on it go to the Service's pods.",
    defaultText: 'allocated by Kubernetes from the node-port range when the Service is created.',
    here: (s, p, env) => nodePortHere(s, p, env),
    otherwise:
      'Omit it and Kubernetes picks a free port. Node ports are cluster-wide: two Services cannot use the same one, whatever their namespaces or protocols.',
    docs: [
      ['Choosing your own port', DOCS.nodePortChoose],
      ['Avoiding collisions', DOCS.nodePortBands],
    ],
  },
  protocol: {
    meaning: 'The IP protocol of this port: `TCP`, `UDP` or `SCTP`.',
    defaultText: '`TCP`.',
    here: (s, p) => protocolHere(s, p),
    otherwise:
      'UDP and SCTP work for ClusterIP and NodePort Services (SCTP needs a network plugin that supports it); for LoadBalancer they depend on the provider. A named `targetPort` only matches a container port of the same protocol.',
    docs: [
      ['Protocols for Services', DOCS.protocols],
      ['Mixed-protocol load balancers', DOCS.mixedProtocols],
    ],
  },
  name: {
    meaning:
      "The port's name within this Service. It names the port in EndpointSlices, gives the DNS SRV record `_<name>._<protocol>.<service>.<namespace>` and lets an Ingress backend refer to the port by name. It is not a container port name (that is what a named `targetPort` refers to).",
    defaultText: 'none; required, and unique, when the Service has more than one port.',
    here: (s, p) => {
      if (p.name)
        return `${code(p.name)}: SRV name ${code(`_${p.name}._${p.protocol.toLowerCase()}.${s.name ?? '<service>'}.${s.namespace ?? '<namespace>'}`)}.`;
      return s.ports.length > 1 ? 'missing: with several ports every port needs a name (`Required value`).' : 'not set, which is fine with a single port.';
    },
    otherwise: 'A lowercase DNS label: lowercase letters, digits and `-`, starting and ending with a letter or digit, at most 63 characters.',
    docs: [
      ['Multi-port Services', DOCS.multiPort],
      ['DNS for Services', DOCS.dns],
    ],
  },
  appProtocol: {
    meaning:
      'The application protocol of this port, such as `http`, `https` or `kubernetes.io/h2c`. A hint for implementations that understand it (some load balancers, gateways, service meshes); kube-proxy does not use it. It is copied into the EndpointSlices.',
    defaultText: 'not set.',
    here: (s, p) => valueOf(p, s),
    otherwise:
      'IANA service names (`http`, `https`, ...), Kubernetes names (`kubernetes.io/h2c` for HTTP/2 without TLS), or your own prefixed names such as `mycompany.com/my-protocol`.',
    docs: [['Application protocol', DOCS.appProtocol]],
  },
};

/** Nothing maps a headless Service's `port` to the pods: clients need the target port (see the sources above). */
function headlessPort(s: ServiceModel, p: ServicePortModel, env: HoverEnv): string {
  if (!s.selector || p.targetPort === p.port)
    return `${p.port}: clients connect to the pod IPs directly on ${s.selector ? 'this port, which is also the target port' : 'the ports their EndpointSlices list'}; nothing proxies it.`;
  return `${p.port}, not used for traffic: clients connect to the pod IPs directly on the target port, ${targetWords(p, backendsOf(s, env.workspace))}; for a named port, DNS SRV records publish that one too.`;
}

function valueOf(port: ServicePortModel, service: ServiceModel): string {
  const value = stringValue(port.fields.appProtocol?.node, service.doc);
  return value ? `${code(value)}.` : 'not set.';
}

function targetHere(s: ServiceModel, p: ServicePortModel, env: HoverEnv): string | undefined {
  const written = p.fields.targetPort !== undefined && p.targetPort !== p.port;
  const value = p.targetPort === undefined ? 'not set' : `${code(p.targetPort)}${written || typeof p.targetPort === 'string' ? '' : ' (same as `port`)'}`;
  if (s.type === 'ExternalName') return `${value}: ignored, an ExternalName Service proxies nothing.`;
  if (!s.selector) return `${value}: this Service has no selector, so the port comes from the EndpointSlices you manage.`;
  const headless = isHeadless(s)
    ? ': clients connect to the pod IPs on this port themselves (headless, no proxy); the EndpointSlices carry it, and DNS SRV records publish it for a named port'
    : '';
  const workloads = backendsOf(s, env.workspace);
  if (workloads.length === 0) return `${value}${headless}; no workload in the workspace matches the selector, so there is nothing to check it against.`;
  return `${value}${headless}\n${workloads.map((w) => `  - ${resolution(p, w, env)}`).join('\n')}`;
}

function resolution(p: ServicePortModel, w: ObjectRef<WorkloadModel>, env: HoverEnv): string {
  const who = `${w.object.kind} ${code(w.object.name ?? '(unnamed)')} (${placeLink(env, w)})`;
  const r = resolveTargetPort(p, w.object);
  if (!r) return `${who}: ${code(String(p.targetPort))} is not a valid port name (IANA_SVC_NAME), so the API server rejects the Service.`;
  const used = r.matches[0];
  const wrongProtocol = r.otherProtocol[0] ? ` (it is declared for ${r.otherProtocol[0].port.protocol} only; the protocols must match)` : '';
  if (typeof r.targetPort === 'string') {
    if (!r.resolved || !used)
      return `${who}: no container declares a ${p.protocol} port named ${code(r.targetPort)}${wrongProtocol}, so its pods get no traffic on this port.`;
    return `${who}: ${code(r.targetPort)} is containerPort ${used.port.containerPort ?? '?'} of container ${code(used.container.name ?? '(unnamed)')}.`;
  }
  if (used) {
    return `${who}: container ${code(used.container.name ?? '(unnamed)')} declares ${r.targetPort}/${p.protocol}${used.port.name ? ` as ${code(used.port.name)}` : ''}.`;
  }
  return `${who}: no container declares ${r.targetPort}/${p.protocol}${wrongProtocol}. That is allowed (declaring ports is informational), but the process must listen on ${r.targetPort}/${p.protocol}.`;
}

function nodePortHere(s: ServiceModel, p: ServicePortModel, env: HoverEnv): string {
  const range = env.settings.nodePortRange;
  const rangeText = formatPortRange(range);
  if (s.type === 'ClusterIP') return `not allowed: ClusterIP Services get no node port (${code("Forbidden: may not be used when `type` is 'ClusterIP'")}).`;
  if (s.type !== 'NodePort' && s.type !== 'LoadBalancer') return `not used: a \`${s.type}\` Service has no node ports.`;
  if (p.nodePort === undefined) {
    if (s.type === 'LoadBalancer' && specBoolean(s, 'allocateLoadBalancerNodePorts') === false)
      return 'none: `allocateLoadBalancerNodePorts: false` and no port written here.';
    return `not set: Kubernetes allocates one from ${rangeText} when the Service is created (read it back from \`spec.ports[${p.index}].nodePort\`).`;
  }
  const value = p.nodePort;
  if (!(value >= range.first && value <= range.last))
    return `${code(value)} is outside the node-port range ${rangeText}: the API server rejects it (\`provided port is not in the valid range\`).`;
  const lines = [`${code(value)}, inside ${rangeText}: clients reach ${code(`<NodeIP>:${value}`)} (${p.protocol}).${bandTip(value, range)}`];
  const collisions = nodePortCollisions(s, p, env.workspace);
  if (collisions.length === 0) lines.push('No other Service in the workspace asks for this node port.');
  for (const c of collisions) {
    if (c.sameService) {
      // alloc.go: initNodePorts (create) keys on `port`; updateNodePorts only refuses a repeated (protocol, nodePort).
      const update = c.port.protocol !== p.protocol ? ' (an update of the existing Service accepts it, as the protocols differ)' : '';
      lines.push(
        `Also requested by port ${c.port.port ?? '?'} of this Service: creating the Service fails with \`provided port is already allocated\`${update}.`,
      );
      continue;
    }
    const which = `Service ${code(c.ref.object.name ?? '(unnamed)')} port ${c.port.port ?? '?'} (${placeLink(env, c.ref)})`;
    lines.push(`Also requested by ${which}: only one can have it; the other is rejected with \`provided port is already allocated\`.`);
  }
  return lines.join(' ');
}

function bandTip(value: number, range: PortRange): string {
  const end = staticBandEnd(range);
  if (end === undefined || value <= end) return '';
  return ` Automatic allocation prefers ${end + 1}-${range.last}; a fixed port from ${range.first}-${end} is less likely to clash with one Kubernetes hands out.`;
}

function protocolHere(s: ServiceModel, p: ServicePortModel): string {
  const written = p.fields.protocol !== undefined;
  const base = `${code(p.protocol)}${written ? '' : ' (default)'}`;
  if (s.type !== 'LoadBalancer') return `${base}.`;
  const protocols = [...new Set(s.ports.map((x) => x.protocol))];
  const notes: string[] = [];
  if (p.protocol !== 'TCP') notes.push(`${p.protocol} on a LoadBalancer works where the provider supports it`);
  if (protocols.length > 1)
    notes.push(
      `this load balancer mixes ${listing(protocols.map((x) => code(x)))}, which Kubernetes allows by default since 1.24 (GA in 1.26) and the provider must support too`,
    );
  return notes.length ? `${base}: ${notes.join('; ')}.` : `${base}.`;
}
