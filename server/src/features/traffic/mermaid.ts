import { Flowchart, value, words, type NodeClass } from './flowchart';
import { lbEdgeLabel, lbIpEdgeLabel, loadBalancerLines, nodePortEdgeLabel, proxyLines, serviceTitle, targetLines, workloadLines } from './labels';
import { Marks, merge } from './marks';
import type { SourceLink, TrafficLane, TrafficPath } from '../../protocol/trafficGraph';

/**
 * Turns traffic paths into one Mermaid flowchart: clients on the left; then, per Service port (one lane
 * each), load balancer, node ports, cluster IP, kube-proxy and pods; the selected workloads on the right.
 * Ingresses and routes pointing at the Service are drawn upstream of the port they use.
 */

export interface MermaidGraph {
  text: string;
  /** Node id → where the node's YAML is, for click-to-reveal. */
  links: Record<string, SourceLink>;
  nodeCount: number;
  edgeCount: number;
}

export function toMermaid(paths: readonly TrafficPath[]): MermaidGraph {
  const chart = new Flowchart();
  if (paths.length === 0) {
    chart.node('empty', 'rect', [words('No Service here'), words('Open a manifest with kind Service to see its traffic path.')], undefined, 'muted');
  }
  for (const path of paths) drawService(chart, path);
  return { text: chart.toString(), links: chart.links, nodeCount: chart.nodeCount, edgeCount: chart.edgeCount };
}

function drawService(chart: Flowchart, path: TrafficPath): void {
  const id = path.id;
  const marks = new Marks(path.diagnostics);
  if (!path.validType) {
    const m = marks.rest();
    chart.node(
      `${id}_svc`,
      'rect',
      [serviceTitle(path), words('Not a Service type: the API server rejects it.'), ...m.lines],
      m.source ?? path.source,
      'problem',
    );
    return;
  }
  const inCluster = chart.node(`${id}_in`, 'stadium', [words('In-cluster client')], undefined, 'client');
  if (path.type === 'ExternalName') {
    drawExternalName(chart, path, inCluster, marks);
    return;
  }
  const external = path.type === 'NodePort' || path.type === 'LoadBalancer' || path.externalIPs.length > 0;
  const outside = external
    ? chart.node(`${id}_ext`, 'stadium', [words(path.type === 'LoadBalancer' ? 'Client' : 'External client')], undefined, 'client')
    : undefined;
  let lb: string | undefined;
  const entries = new Map<number, string>(); // lane → the node an upstream reference enters through

  chart.group(id, serviceTitle(path), () => {
    if (path.loadBalancer) {
      const m = marks.take('loadBalancer');
      lb = chart.node(`${id}_lb`, 'rect', [...loadBalancerLines(path), ...m.lines], m.source ?? path.source, m.cls);
    }
    if (path.headless) {
      chart.node(`${id}_dns`, 'flag', [words('Cluster DNS'), words(`${dnsName(path)} answers with`), words('the IPs of ready pods (A/AAAA)')], path.source);
    }
    for (const lane of path.lanes) {
      chart.group(`${id}_l${lane.index}`, laneTitle(lane), () => entries.set(lane.index, drawLane(chart, path, lane, marks, { inCluster, outside, lb })));
    }
    if (path.lanes.length === 0) chart.node(`${id}_noports`, 'rect', [words('No ports')], path.source, 'warning');
    drawIssues(chart, path, marks);
  });

  if (lb && outside) chart.edge(outside, lb, 'solid');
  if (path.headless) {
    chart.edge(inCluster, `${id}_dns`, 'solid', words('1. DNS lookup'));
    for (const pods of entries.values()) chart.edge(inCluster, pods, 'dotted', words('2. connects to a pod IP'));
  }
  drawWorkloads(chart, path, marks);
  drawUpstream(chart, path, (laneIndex) => (laneIndex === undefined ? undefined : entries.get(laneIndex)));
}

interface Ends {
  inCluster: string;
  outside?: string;
  lb?: string;
}

/** One Service port; returns the node an Ingress or route using this port points at. */
function drawLane(chart: Flowchart, path: TrafficPath, lane: TrafficLane, marks: Marks, ends: Ends): string {
  const l = `${path.id}_l${lane.index}`;
  const target = marks.take(`targetPort:${lane.index}`);
  const pods = chart.node(
    `${l}_pod`,
    'subroutine',
    [...targetLines(path, lane), ...target.lines],
    target.source ?? lane.source,
    target.cls ?? unresolvedClass(path, lane),
  );
  if (path.headless) return pods;

  const proxy = chart.node(`${l}_kp`, 'hexagon', proxyLines(path), path.source);
  const port = marks.take(`port:${lane.index}`);
  const address = path.clusterIP ? value(path.clusterIP) : words('allocated by the API server');
  const cip = chart.node(`${l}_cip`, 'rect', [words(`ClusterIP :${lane.port ?? '?'}`), address, ...port.lines], port.source ?? lane.source, port.cls);
  chart.edge(ends.inCluster, cip, 'solid');
  chart.edge(cip, proxy, 'solid');

  if (lane.hasNodePort) {
    const np = marks.take(`nodePort:${lane.index}`);
    const range = lane.nodePort === undefined ? [words(`allocated from ${path.nodePortRange}`)] : [];
    // The node port is open on every node whatever the policy. With Local, a load balancer's health check steers
    // away from nodes without a ready pod, but traffic that reaches one anyway is not forwarded (virtual-ips.md
    // "External traffic policy": "the kube-proxy does not forward any traffic for the relevant Service").
    const local = path.externalTrafficPolicy === 'Local' ? [words('a node without a ready pod does not forward')] : [];
    const node = chart.node(
      `${l}_np`,
      'rect',
      [words('Every node'), words(`NodeIP:${lane.nodePort ?? 'nodePort'}`), ...range, ...local, ...np.lines],
      np.source ?? lane.source,
      np.cls,
    );
    chart.edge(node, proxy, 'solid', nodePortEdgeLabel(path));
    if (ends.lb) chart.edge(ends.lb, node, 'solid', lbEdgeLabel(path, lane));
    else if (ends.outside) chart.edge(ends.outside, node, 'solid', words(`${lane.protocol} ${lane.nodePort ?? 'nodePort'}`));
  } else if (ends.lb) {
    chart.edge(ends.lb, pods, 'dotted', words('straight to pod IPs, where the implementation supports it'));
    chart.edge(ends.lb, proxy, 'dotted', lbIpEdgeLabel(path, lane));
  }
  path.externalIPs.slice(0, 3).forEach((ip, i) => {
    const eip = chart.node(`${l}_eip${i}`, 'rect', [words('External IP'), value(ip).concat(words(`:${lane.port ?? '?'}`))], path.source);
    if (ends.outside) chart.edge(ends.outside, eip, 'solid', words('routed to a node by your network'));
    chart.edge(eip, proxy, 'solid', nodePortEdgeLabel(path));
  });
  chart.edge(proxy, pods, 'solid', words('to :').concat(value(lane.targetPort)));
  return cip;
}

function drawExternalName(chart: Flowchart, path: TrafficPath, inCluster: string, marks: Marks): void {
  const id = path.id;
  chart.group(id, serviceTitle(path), () => {
    chart.node(`${id}_dns`, 'flag', [words('Cluster DNS'), words(`${dnsName(path)} is a CNAME for`), value(path.externalName)], path.source);
    drawIssues(chart, path, marks);
  });
  chart.node(
    `${id}_target`,
    'rect',
    [value(path.externalName), words('resolved and reached by the client itself'), words('no proxying, Service ports are not used')],
    path.source,
  );
  chart.edge(inCluster, `${id}_dns`, 'solid', words('DNS lookup'));
  chart.edge(`${id}_dns`, `${id}_target`, 'dotted', words('CNAME'));
  drawUpstream(chart, path, () => `${id}_dns`);
}

function drawWorkloads(chart: Flowchart, path: TrafficPath, marks: Marks): void {
  const id = path.id;
  const attach = (node: string) => path.lanes.forEach((lane) => chart.edge(`${id}_l${lane.index}_pod`, node, 'link'));
  const selector = marks.take('selector');
  if (path.selectorMisindented) {
    const lines = [words('Selector mis-indented'), words('as written it selects no pods'), ...selector.lines];
    attach(chart.node(`${id}_misindented`, 'rect', lines, selector.source ?? path.source, selector.cls ?? 'warning'));
    return;
  }
  if (!path.selector) {
    const lines = [words('No selector'), words('endpoints come from EndpointSlices'), words('managed outside this Service'), ...selector.lines];
    attach(chart.node(`${id}_manual`, 'rect', lines, selector.source ?? path.source, selector.cls ?? 'muted'));
    return;
  }
  if (path.workloads.length === 0) {
    const labels = Object.entries(path.selector)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    const lines = [words('No matching workload'), words('in the workspace has pod labels'), value(labels), ...selector.lines];
    attach(chart.node(`${id}_none`, 'rect', lines, selector.source ?? path.source, selector.cls ?? 'warning'));
    return;
  }
  path.workloads.forEach((workload, i) => {
    // A selector finding (e.g. an invalid label value) concerns every selected workload; show it on the first.
    const m = merge(marks.take(`workload:${i}`), i === 0 ? selector : { lines: [] });
    attach(chart.node(`${id}_w${i}`, 'round', [...workloadLines(workload), ...m.lines], m.source ?? workload.source, m.cls));
  });
}

function drawUpstream(chart: Flowchart, path: TrafficPath, entryOf: (laneIndex: number | undefined) => string | undefined): void {
  path.upstream.forEach((ref, i) => {
    const matched = ref.laneIndex !== undefined || path.type === 'ExternalName';
    const details = ref.detail.slice(0, 3).map((d) => value(d));
    if (ref.detail.length > 3) details.push(words(`and ${ref.detail.length - 3} more`));
    const node = chart.node(
      `${path.id}_u${i}`,
      'parallelogram',
      [value(ref.kind).concat(' ', value(ref.name)), ...details],
      ref.source,
      matched ? undefined : 'problem',
    );
    const port = ref.port === undefined ? words('no port') : words('port ').concat(value(ref.port));
    chart.edge(node, entryOf(ref.laneIndex) ?? path.id, 'dotted', matched ? port : port.concat(words(', not a port of this Service')));
  });
}

/** Findings that no drawn node took (e.g. a nodePort on a ClusterIP Service) are listed in one box. */
function drawIssues(chart: Flowchart, path: TrafficPath, marks: Marks): void {
  // Selector and workload findings are drawn with the workloads, after the Service group.
  const rest = marks.rest(['selector', 'workload:']);
  if (rest.lines.length === 0) return;
  chart.node(`${path.id}_issues`, 'rect', [words('Problems'), ...rest.lines], rest.source ?? path.source, rest.cls);
}

function laneTitle(lane: TrafficLane): string {
  const name = lane.name ? value(lane.name).concat(' ') : '';
  const app = lane.appProtocol ? words(' ').concat(value(lane.appProtocol)) : '';
  return words('port ').concat(name, words(`${lane.port ?? '?'}/`), value(lane.protocol), app);
}

function unresolvedClass(path: TrafficPath, lane: TrafficLane): NodeClass | undefined {
  return path.workloads.length > 0 && lane.targets.some((t) => t.containerPort === undefined) ? 'warning' : undefined;
}

function dnsName(path: TrafficPath): string {
  return `${path.name ?? '?'}.${path.namespace ?? '<namespace>'}.svc`;
}
