/**
 * The `type` hover: what this Service does, with its own numbers, in a few lines (issue 18: the four types and the
 * NodePort vs LoadBalancer table used to follow on every hover, about 480 words; they now live on
 * docs/service-types.md, one link away, with the same sources). Sources of the clauses below and of that page
 * (kubernetes/website unless noted):
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
import { backendsOf } from '../../kubernetes/backends';
import { DOCS } from './docs';
import { code, link, sections } from './markdown';
import type { HoverEnv } from './places';
import { externalNameLine, isHeadless, otherNamespaces, outOfRangeNote, podsLine, policySentence, portLine, provisioningNote, typeClause } from './servicePath';
import { serviceTypesLink, trafficPathLink } from './commandLink';
import { stringValue } from '../../document/yamlNodes';

const TYPE_DOCS: Record<string, string> = {
  ClusterIP: DOCS.clusterIP,
  NodePort: DOCS.nodePort,
  LoadBalancer: DOCS.loadBalancer,
  ExternalName: DOCS.externalName,
};

/**
 * `brief`: the hovered span carries one of our diagnostics. VS Code shows the problem first and its "Quick Fix..."
 * link in the status bar below every hover part, so our part stays at the lead line and the links.
 */
export function typeHover(service: ServiceModel, chunk: PlacedChunk, env: HoverEnv, brief = false): string {
  const name = `**Service ${code(service.name ?? '(unnamed)')}**`;
  const typeField = service.fields.type;
  const known = !typeField || stringValue(typeField.node, service.doc) !== undefined;
  // A written type that is not a plain string (a template expression, a number) was not defaulted to ClusterIP.
  if (!known) {
    const why = env.file.template
      ? templateNote()
      : '`type` must be one of ClusterIP, NodePort, LoadBalancer or ExternalName; the API server rejects anything else.';
    return sections(`${name} · \`type\`: ${why}`, links(env, service, chunk));
  }
  const title = `${name} · ${code(`type: ${service.type}`)}${typeField ? '' : ' (default)'}`;
  if (!(SERVICE_TYPES as readonly string[]).includes(service.type)) {
    const error = `spec.type: Unsupported value: ${JSON.stringify(service.type)}: supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`;
    return sections(
      `${title}: not a Service type, so the API server rejects it with ${code(error)} (the names are case-sensitive).`,
      links(env, service, chunk),
    );
  }
  const lead = `${title}: ${typeClause(service)}.`;
  if (brief) return sections(lead, links(env, service, chunk));
  if (env.file.template) return sections(lead, templateNote(), links(env, service, chunk));
  return sections(lead, thisService(service, env), links(env, service, chunk));
}

/** One line per port, then the pods, the name from other namespaces, the policy and who provisions a load balancer. */
export function thisService(service: ServiceModel, env: HoverEnv): string {
  const lines: Array<string | undefined> = [outOfRangeNote(service, env)];
  if (service.type === 'ExternalName') {
    lines.push(externalNameLine(service));
  } else {
    const workloads = backendsOf(service, env.workspace);
    const many = service.ports.length > 1;
    for (const [i, port] of service.ports.entries()) {
      const label = many ? `${code(port.name ?? `#${i}`)} ${port.port ?? '?'}: ` : '';
      lines.push(`${label}${portLine(service, port, workloads, env)}`);
    }
    if (service.ports.length === 0) lines.push(noPorts(service));
    lines.push(podsLine(service, workloads), service.ports.length > 0 ? otherNamespaces(service) : undefined);
  }
  lines.push(policySentence(service), provisioningNote(service, env));
  return lines
    .filter((line): line is string => !!line)
    .map((line) => `- ${line}`)
    .join('\n');
}

function noPorts(service: ServiceModel): string {
  // A headless Service without ports is valid (validation.go allows no ports when clusterIP is None): DNS gives pod IPs
  // and nothing proxies, so the client connects to whatever port the pods listen on.
  if (isHeadless(service)) return 'No ports: clients choose the port themselves.';
  return 'No ports yet; the API server requires at least one (`spec.ports: Required value`).';
}

function links(env: HoverEnv, service: ServiceModel, chunk: PlacedChunk): string {
  const docs = Object.hasOwn(TYPE_DOCS, service.type) ? TYPE_DOCS[service.type] : DOCS.serviceTypes;
  return [serviceTypesLink(env), ...(env.commandLinks ? [trafficPathLink(env, service, chunk)] : [link('Kubernetes docs', docs)])].join(' · ');
}

export function templateNote(): string {
  return '_This file contains template syntax (`{{ ... }}`), so its values are only final once rendered; this hover does not use them._';
}
