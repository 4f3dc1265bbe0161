/**
 * The `type` hover: this Service's path with its own numbers, what each type does, and NodePort vs LoadBalancer.
 * Sources (kubernetes/website unless noted):
 * - concepts/services-networking/service.md "Service type" (the four definitions; "nested functionality - each level
 *   adds to the previous" except LoadBalancer without node ports), "type: NodePort" (range, every node proxies the
 *   port, "freedom to set up your own load balancing solution ... or even to expose one or more nodes' IP addresses
 *   directly"), "type: LoadBalancer" (provisioned asynchronously, published in .status.loadBalancer, "The cloud
 *   provider decides how it is load balanced"; "Load balancers with mixed protocol types": on by default for the
 *   kube-apiserver as of v1.24, stable in v1.26; KEP-1435, feature gate MixedProtocolLBService),
 *   "type: ExternalName" (CNAME, no proxying, Host header / TLS caution), "Headless Services".
 * - reference/networking/service-protocols.md: "For type: LoadBalancer Services, UDP support depends on the cloud
 *   provider offering this facility."
 * - reference/networking/virtual-ips.md: iptables mode "chooses a backend at random"; nftables mode rules "by default,
 *   select a backend Pod at random"; IPVS offers schedulers, kube-proxy's default is `rr` (kubernetes/kubernetes
 *   pkg/proxy/ipvs/proxier.go `defaultScheduler = "rr"`); IPVS mode is deprecated since v1.35.
 * - tutorials/services/source-ip.md: NodePort and LoadBalancer traffic is source-NATed by default; a load balancer that
 *   proxies connections shows its own IP (use X-Forwarded-For or the PROXY protocol); "you may need to open up a
 *   firewall-rule for the nodes:nodeport".
 * - Cost: aws.amazon.com/elasticloadbalancing/pricing/ ("You are charged for each hour or partial hour that a Network
 *   Load Balancer is running") and cloud.google.com/load-balancing/pricing (forwarding rules charged per hour); NodePort
 *   needs no extra infrastructure. MetalLB as an installed implementation: metallb.universe.tf.
 */
import { SERVICE_TYPES, type ServiceModel } from '../../kubernetes/model';
import type { PlacedChunk } from '../../kubernetes/manifest';
import { formatPortRange } from '../../analysis/settings';
import { backendsOf } from '../../kubernetes/backends';
import { DOCS } from './docs';
import { code, link, sections, table } from './markdown';
import type { HoverEnv } from './places';
import { isHeadless, policySentence, portPath, provisioningNote } from './servicePath';
import { trafficPathLink } from './commandLink';
import { specString } from './specValues';
import { stringValue } from '../../document/yamlNodes';

const TYPE_SUMMARY: Record<string, (range: string) => string> = {
  ClusterIP: () =>
    'allocates a virtual IP that is reachable only from inside the cluster (put an Ingress or a Gateway in front for outside access). With `clusterIP: None` the Service is headless: DNS returns the pod IPs and nothing proxies.',
  NodePort: (range) =>
    `everything ClusterIP does, plus one port from the node-port range (${range}) opened on every node; a connection to any node on that port is forwarded to a ready pod.`,
  LoadBalancer: () =>
    "everything NodePort does (the node ports are skipped only with `allocateLoadBalancerNodePorts: false`), plus an external load balancer that the cloud provider's integration or another installed implementation creates; its address appears in `status.loadBalancer.ingress`. UDP works where the provider supports it, and one load balancer may mix protocols such as TCP and UDP (on by default since Kubernetes 1.24, GA in 1.26), again as far as the provider supports it.",
  ExternalName: () =>
    'no cluster IP and no proxying: the cluster DNS answers the Service name with a CNAME for `externalName`. Ports are not remapped, and HTTP `Host` headers and TLS server names still carry the name clients used, which the external server may not accept.',
};

export function typeHover(service: ServiceModel, chunk: PlacedChunk, env: HoverEnv): string {
  const range = formatPortRange(env.settings.nodePortRange);
  const name = `**Service ${code(service.name ?? '(unnamed)')}**`;
  const typeField = service.fields.type;
  const known = !typeField || stringValue(typeField.node, service.doc) !== undefined;
  const general = [typeList(known ? service.type : undefined, range), comparison(range), links(env, service, chunk)];
  // A written type that is not a plain string (a template expression, a number) was not defaulted to ClusterIP.
  if (!known) {
    const why = env.file.template ? templateNote() : '`type` must be one of the strings below; the API server rejects anything else.';
    return sections(`${name} · \`type\``, why, ...general);
  }
  const title = `${name} · ${code(`type: ${service.type}`)}${typeField ? '' : ' (default)'}`;
  if (!(SERVICE_TYPES as readonly string[]).includes(service.type)) {
    const error = `spec.type: Unsupported value: ${JSON.stringify(service.type)}: supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`;
    return sections(
      title,
      `${code(service.type)} is not a Service type, and the API server rejects it: ${code(error)} (the names are case-sensitive).`,
      typeList(service.type, range),
      links(env, service, chunk),
    );
  }
  return sections(title, env.file.template ? templateNote() : thisService(service, env), ...general);
}

/** "**This Service**" with one line per port plus the policy and provisioning notes. */
export function thisService(service: ServiceModel, env: HoverEnv): string {
  const workloads = backendsOf(service, env.workspace);
  const lines = service.ports.map((port) => portPath(service, port, workloads, env));
  if (lines.length === 0) lines.push(noPorts(service));
  const named = service.ports.length > 1 ? service.ports.map((p, i) => `- ${code(p.name ?? `#${i}`)}: ${lines[i]}`) : lines.map((l) => `- ${l}`);
  const notes = [policySentence(service), provisioningNote(service, env)].filter((n): n is string => !!n).map((n) => `- ${n}`);
  return ['**This Service**', ...named, ...notes].join('\n');
}

function noPorts(service: ServiceModel): string {
  if (service.type === 'ExternalName') {
    const target = specString(service, 'externalName');
    return `The cluster DNS answers ${code(service.name ?? '<name>')} with a CNAME for ${target ? code(target) : 'the name in `externalName`'}; clients connect to that host directly, so no ports are needed.`;
  }
  if (isHeadless(service)) return "Headless and without ports: DNS returns the ready pods' IPs and clients choose the port themselves.";
  return 'It has no ports yet; the API server requires at least one (`spec.ports: Required value`).';
}

function typeList(current: string | undefined, range: string): string {
  const items = SERVICE_TYPES.map((type) => {
    const marker = type === current ? ' **← this Service**' : '';
    const anchor = { ClusterIP: DOCS.clusterIP, NodePort: DOCS.nodePort, LoadBalancer: DOCS.loadBalancer, ExternalName: DOCS.externalName }[type];
    return `- ${link(type, anchor)}${type === 'ClusterIP' ? ' (default)' : ''}: ${TYPE_SUMMARY[type](range)}${marker}`;
  });
  return ['**The four types**', ...items].join('\n');
}

function comparison(range: string): string {
  return [
    '**NodePort vs LoadBalancer**',
    table(
      ['', 'NodePort', 'LoadBalancer'],
      [
        ['Clients connect to', '`<NodeIP>:<nodePort>` on any node', "the load balancer's IP or hostname, on `port`"],
        [
          'Ports',
          `node port from ${range} (\`--service-node-port-range\`)`,
          `any \`port\`; behind it node ports from ${range} unless \`allocateLoadBalancerNodePorts: false\``,
        ],
        ['Spreads load across nodes', 'nobody: clients, or a load balancer you run, pick a node', 'the external load balancer'],
        [
          'Spreads load across pods',
          'kube-proxy on the receiving node: at random in iptables and nftables mode, round-robin by default in IPVS mode',
          'the same kube-proxy step after the load balancer, unless the load balancer sends to pods directly',
        ],
        [
          'Client source IP',
          'replaced by a node IP with `externalTrafficPolicy: Cluster` (default); kept with `Local`',
          'the same for load balancers that forward packets; a proxying load balancer shows its own IP (use X-Forwarded-For or the PROXY protocol)',
        ],
        [
          'Cost and dependencies',
          'no extra infrastructure; node IPs must be reachable and firewalls must allow the node ports',
          'needs a cloud provider integration or an installed implementation (e.g. MetalLB); on AWS and Google Cloud load balancers are charged by the hour',
        ],
        [
          'Typical use',
          'development and test, on-premises setups behind your own load balancer, direct node access',
          'a stable external entry point per Service on a cloud',
        ],
      ],
    ),
  ].join('\n');
}

function links(env: HoverEnv, service: ServiceModel, chunk: PlacedChunk): string {
  return [
    link('Service types', DOCS.serviceTypes),
    link('Virtual IPs and Service proxies', DOCS.proxyModes),
    link('Using source IP', DOCS.sourceIPTutorial),
    ...(env.commandLinks ? [trafficPathLink(env, service, chunk)] : []),
  ].join(' · ');
}

export function templateNote(): string {
  return '_This file contains template syntax (`{{ ... }}`), so its values are only final once rendered; the explanation below does not use them._';
}
