import { isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import type { ServiceModel } from './model';
import type { PlacedChunk } from './manifest';
import { asMap, fieldOf, stringValue } from '../document/yamlNodes';
import { keyStart, removePair, removePairs, scalarText, valueEnd, type TextEdit } from '../document/edits';
import type { WorkspaceIndex } from './workspace';
import { nodePortTaken, type PortRange } from './nodePorts';

/** The part of the settings these edits read: where free node ports come from. */
export interface NodePortSettings {
  readonly nodePortRange: PortRange;
}
import { setScalarField } from '../document/structure';

/** The types a Service can be converted between without inventing anything (see docs/fixes.md for ExternalName). */
export const CONVERTIBLE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'] as const;
export type ConvertibleType = (typeof CONVERTIBLE_TYPES)[number];

/** Fields the API server only allows on LoadBalancer Services, or that only a load balancer reads (loadBalancerIP). */
export const LOAD_BALANCER_FIELDS = ['loadBalancerSourceRanges', 'loadBalancerIP', 'loadBalancerClass', 'allocateLoadBalancerNodePorts'];
export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/** Fields an ExternalName Service may not set (forbidden, or only valid for externally reachable types). */
const EXTERNAL_NAME_FORBIDDEN = [
  'clusterIP',
  'clusterIPs',
  'ipFamilies',
  'ipFamilyPolicy',
  'externalTrafficPolicy',
  'healthCheckNodePort',
  ...LOAD_BALANCER_FIELDS,
];

/** The fields of `spec` that would make a switch to `type: ExternalName` rejected. */
export function externalNameBlockers(spec: YAMLMap): string[] {
  return EXTERNAL_NAME_FORBIDDEN.filter((key) => {
    const node = fieldOf(spec, key)?.node;
    if (!node || (isScalar(node) && (node.value === null || node.value === '' || node.value === 0))) return false;
    return !(isSeq(node) && node.items.length === 0);
  });
}

/** A rewrite of a whole Service, offered as a `refactor.rewrite` code action. */
export interface Refactor {
  title: string;
  edits: TextEdit[];
}

const TYPE_TITLES: Record<ConvertibleType, string> = {
  ClusterIP: 'Convert to ClusterIP Service (reachable only inside the cluster)',
  NodePort: 'Convert to NodePort Service (also reachable on a port of every node)',
  LoadBalancer: 'Convert to LoadBalancer Service (adds an external load balancer where the cluster provides one)',
};

// Every node still receives external traffic on the node port; only those with a ready local pod forward it
// (virtual-ips.md "External traffic policy").
export const PRESERVE_SOURCE_IP_TITLE = 'Preserve client source IP (externalTrafficPolicy: Local) — only nodes with a ready pod forward external traffic';
export const CLUSTER_POLICY_TITLE = 'Use externalTrafficPolicy: Cluster — every node forwards external traffic, but the client source IP is not preserved';

function isNone(node: unknown): boolean {
  return isScalar(node) && node.value === 'None';
}

function hasExternalIPs(spec: YAMLMap): boolean {
  const node = fieldOf(spec, 'externalIPs')?.node;
  return isSeq(node) && node.items.length > 0;
}

/**
 * The edits that turn a ClusterIP, NodePort or LoadBalancer Service into another of the three, keeping everything
 * that stays valid: `type` is set (inserted before the first entry that stays), and what the new type rejects goes:
 * - to ClusterIP: every `nodePort`, `healthCheckNodePort`, the load-balancer fields and source-ranges annotation, and
 *   `externalTrafficPolicy` (unless `externalIPs` keep the Service externally reachable);
 * - to NodePort: `healthCheckNodePort`, the load-balancer fields and annotation, `clusterIP: None`, and node ports
 *   outside the node-port range or `taken` by another Service (Kubernetes allocates those);
 * - to LoadBalancer: `clusterIP: None`, and out-of-range or taken node ports.
 */
export function conversionEdits(
  text: string,
  chunk: PlacedChunk,
  service: ServiceModel,
  to: ConvertibleType,
  settings: NodePortSettings,
  taken: Pick<ReadonlySet<number>, 'has'> = new Set(),
): TextEdit[] | undefined {
  const spec = service.spec;
  if (!spec) return undefined;
  const removed: Pair[] = [];
  const drop = (key: string) => {
    const field = fieldOf(spec, key);
    if (field) removed.push(field.pair);
  };
  if (to !== 'LoadBalancer') {
    LOAD_BALANCER_FIELDS.forEach(drop);
    drop('healthCheckNodePort');
  }
  if (to === 'ClusterIP' && !hasExternalIPs(spec)) drop('externalTrafficPolicy');
  if (to !== 'ClusterIP') {
    if (isNone(fieldOf(spec, 'clusterIP')?.node)) drop('clusterIP');
    const clusterIPs = fieldOf(spec, 'clusterIPs')?.node;
    if (isSeq(clusterIPs) && clusterIPs.items.length === 1 && isNone(clusterIPs.items[0])) drop('clusterIPs');
  }
  const edits: TextEdit[] = [];
  const typeField = fieldOf(spec, 'type');
  if (typeField) edits.push(setScalarField(text, chunk, spec, 'type', to));
  else {
    // Before the first entry that stays, so the insertion never lands inside a removed line.
    const before = spec.items.find((pair) => !removed.includes(pair));
    if (before || removed.length === 0) edits.push(setScalarField(text, chunk, spec, 'type', to, { before }));
    else {
      // Every entry goes (`spec: {clusterIP: None}` to NodePort): `type` takes the first one's place instead, as an
      // insertion inside a removed line would overlap its removal (fuzz-found: VS Code refuses such an edit).
      const first = spec.items.find((pair) => removed.includes(pair)) as Pair;
      edits.push({ start: keyStart(chunk, first), end: valueEnd(chunk, first), newText: `type: ${scalarText(to)}` });
      removed.splice(removed.indexOf(first), 1);
    }
  }
  edits.push(...removePairs(text, chunk, spec, removed));

  const range = settings.nodePortRange;
  for (const port of service.ports) {
    const field = port.fields.nodePort;
    if (!field) continue;
    const value = port.nodePort;
    const unusable = value !== undefined && (!Number.isInteger(value) || value < range.first || value > range.last || taken.has(value));
    if (to === 'ClusterIP' || unusable) edits.push(removePair(text, chunk, port.map, field.pair));
  }
  if (to !== 'LoadBalancer') {
    const removal = removeAnnotation(text, chunk, service, SOURCE_RANGES_ANNOTATION);
    if (removal) edits.push(removal);
  }
  return edits;
}

/** Removes one annotation, or the whole `annotations:` entry when it is the only one (no empty mapping left behind). */
export function removeAnnotation(text: string, chunk: PlacedChunk, service: ServiceModel, key: string): TextEdit | undefined {
  const annotationsField = fieldOf(service.metadata, 'annotations');
  const annotations = asMap(annotationsField?.node);
  const annotation = fieldOf(annotations, key);
  if (!annotationsField || !annotations || !annotation || !service.metadata) return undefined;
  if (annotations.items.length === 1) return removePair(text, chunk, service.metadata, annotationsField.pair);
  return removePair(text, chunk, annotations, annotation.pair);
}

/**
 * Every rewrite offered on a Service: type conversions and the external traffic policy switch. With the workspace,
 * conversions also drop node ports another Service already holds, so the result is never refused as a collision.
 */
export function serviceRefactors(text: string, chunk: PlacedChunk, service: ServiceModel, settings: NodePortSettings, workspace?: WorkspaceIndex): Refactor[] {
  const spec = service.spec;
  const current = service.type;
  // ExternalName is a DNS alias with no ports or selector to keep, and an invalid type has its own quick fix.
  if (!spec || !(CONVERTIBLE_TYPES as readonly string[]).includes(current)) return [];
  const refactors: Refactor[] = [];
  // Asked per node port the Service writes, not by listing every port of the workspace: most Services write none.
  const taken = workspace && { has: (port: number) => nodePortTaken(workspace, port, service) };
  for (const to of CONVERTIBLE_TYPES) {
    if (to === current) continue;
    const edits = conversionEdits(text, chunk, service, to, settings, taken);
    if (edits) refactors.push({ title: TYPE_TITLES[to], edits });
  }
  if (current === 'NodePort' || current === 'LoadBalancer') {
    const policy = stringValue(fieldOf(spec, 'externalTrafficPolicy')?.node, service.doc);
    if (policy !== 'Local') {
      refactors.push({ title: PRESERVE_SOURCE_IP_TITLE, edits: [setScalarField(text, chunk, spec, 'externalTrafficPolicy', 'Local')] });
    } else {
      const health = fieldOf(spec, 'healthCheckNodePort');
      const edits = [setScalarField(text, chunk, spec, 'externalTrafficPolicy', 'Cluster')];
      // A health-check node port exists only for Local; with Cluster the API server rejects it.
      if (health) edits.push(removePair(text, chunk, spec, health.pair));
      refactors.push({ title: CLUSTER_POLICY_TITLE, edits });
    }
  }
  return refactors;
}
