/**
 * Keys of `spec` and of `spec.ports[]` items. The key list is the decoder schema (kubernetes/schema/service.ts); the
 * one-line documentation is the one in kubernetes/fieldMeanings.ts, shared with hovers, where it has one. A key is offered only
 * where the API server accepts it and it has an effect for the Service as written so far (notes rows L1, B1, B4, E1,
 * E3, T4-T5, P10, W6-W8; defaulting drops sessionAffinityConfig unless sessionAffinity is ClientIP).
 */
import { indentUnit } from '../../document/edits';
import { FIELD_MEANINGS } from '../../kubernetes/fieldMeanings';
import type { PathSegment } from '../../kubernetes/locate';
import { servicePort, serviceSpec } from '../../kubernetes/schema/service';
import type { FieldType } from '../../kubernetes/schema/types';
import type { Cursor } from './cursor';
import { enumValues } from './enums';
import { escapeSnippet, sortKey, type CompletionEntry } from './types';

/** What the keys written so far say about the Service, read from the outline (the parse may be broken). */
export interface SpecState {
  type: string;
  headless: boolean;
  externalIPs: boolean;
  externalTrafficPolicy?: string;
  sessionAffinity?: string;
  allocateNodePorts: boolean;
}

export function specState(cursor: Cursor): SpecState {
  const spec = [...cursor.objectPath, 'spec'];
  const value = (key: string) => cursor.outline.valueAt([...spec, key]);
  return {
    type: value('type') || 'ClusterIP',
    headless: value('clusterIP') === 'None',
    externalIPs: cursor.outline.has([...spec, 'externalIPs']) && value('externalIPs') !== '[]',
    externalTrafficPolicy: value('externalTrafficPolicy'),
    sessionAffinity: value('sessionAffinity'),
    allocateNodePorts: value('allocateLoadBalancerNodePorts') !== 'false',
  };
}

const EXTRA_DOCS: Record<string, string> = {
  ports: 'The ports this Service exposes; at least one is required unless the Service is headless or ExternalName.',
  selector:
    'Labels of the pods this Service sends traffic to (pods in its own namespace carrying all of them). Without it, endpoints are managed outside the Service.',
  type: 'How the Service is exposed: `ClusterIP` (default), `NodePort`, `LoadBalancer` or `ExternalName`.',
  clusterIPs: 'The cluster IPs, one per IP family; the first must equal `clusterIP`. Usually left to the API server.',
};

const PORT_DOCS: Record<string, string> = {
  name: "The port's name: required when the Service has more than one port; a lowercase DNS label, unique in this Service.",
  port: 'The port this Service listens on (1-65535): on its cluster IP and DNS name and, for LoadBalancer, on the load balancer.',
  targetPort: 'The port on the pods that traffic is delivered to: a number or a container port name. Defaults to `port`.',
  nodePort: 'The port opened on every node (NodePort and LoadBalancer). Omit it to let Kubernetes allocate a free one.',
  protocol: 'The IP protocol of this port: `TCP` (default), `UDP` or `SCTP`.',
  appProtocol: 'The application protocol, such as `http` or `kubernetes.io/h2c`: a hint for load balancers and gateways; kube-proxy does not use it.',
};

/** Whether a spec key is accepted and has an effect, given what is written so far. */
function specKeyApplies(key: string, s: SpecState): boolean {
  const lb = s.type === 'LoadBalancer';
  const alias = s.type === 'ExternalName';
  switch (key) {
    case 'loadBalancerSourceRanges':
    case 'allocateLoadBalancerNodePorts':
    case 'loadBalancerClass':
    case 'loadBalancerIP':
      return lb;
    case 'healthCheckNodePort':
      return lb && s.externalTrafficPolicy === 'Local';
    case 'externalTrafficPolicy':
      return s.type === 'NodePort' || lb || (s.type === 'ClusterIP' && s.externalIPs);
    case 'externalName':
      return alias;
    case 'sessionAffinity':
    case 'externalIPs':
      return !alias && !s.headless;
    case 'sessionAffinityConfig':
      return !alias && !s.headless && s.sessionAffinity === 'ClientIP';
    case 'ports':
    case 'type':
      return true;
    default:
      return !alias;
  }
}

/** Keys whose values completion offers too (besides enums), so the list opens again after the key is inserted. */
const VALUE_COMPLETED = new Set(['selector', 'ipFamilies', 'targetPort', 'nodePort']);

function portKeyApplies(key: string, s: SpecState): boolean {
  if (key === 'nodePort') return s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateNodePorts);
  return true;
}

function fieldDoc(key: string): string | undefined {
  if (Object.hasOwn(FIELD_MEANINGS, key)) return FIELD_MEANINGS[key];
  return EXTRA_DOCS[key];
}

/** The text inserted for `key`, by the shape of its value; later lines carry absolute indentation. */
function insertion(key: string, type: FieldType, column: number, unit: number, written: boolean): { text: string; snippet: boolean } {
  if (written) return { text: key, snippet: false };
  const inner = ' '.repeat(column + unit);
  const k = escapeSnippet(key);
  switch (type.kind) {
    case 'bool':
      return { text: `${k}: \${1|true,false|}`, snippet: true };
    case 'stringMap':
      return { text: `${k}:\n${inner}$0`, snippet: true };
    case 'list':
      if (type.items.kind === 'struct') return { text: `${k}:\n${inner}- port: \${1:80}$0`, snippet: true };
      return { text: `${k}:\n${inner}- $0`, snippet: true };
    case 'struct':
      if (key === 'sessionAffinityConfig') return { text: `${k}:\n${inner}clientIP:\n${inner}${' '.repeat(unit)}timeoutSeconds: \${1:10800}`, snippet: true };
      return { text: `${k}:\n${inner}$0`, snippet: true };
    default:
      return { text: `${k}: `, snippet: false };
  }
}

/** Keys for the mapping at `path` (relative to the object), or undefined when it is not a Service mapping we know. */
export function keyCompletions(cursor: Cursor, fileText: string): CompletionEntry[] | undefined {
  const { path } = cursor;
  const isSpec = path.length === 1 && path[0] === 'spec';
  const portIndex = portItem(path);
  if (!isSpec && portIndex === undefined) return undefined;
  const state = specState(cursor);
  const schema = isSpec ? serviceSpec.fields : servicePort.fields;
  const mapPath = [...cursor.objectPath, ...(isSpec ? ['spec'] : ['spec', 'ports', portIndex as number])];
  const present = new Set(
    cursor.outline
      .keys(mapPath)
      .filter((entry) => entry !== cursor.entry)
      .map((entry) => entry.key?.text),
  );
  const unit = indentUnit(fileText);
  const items: CompletionEntry[] = [];
  Object.entries(schema).forEach(([key, type], position) => {
    if (present.has(key)) return;
    if (isSpec ? !specKeyApplies(key, state) : !portKeyApplies(key, state)) return;
    const { text, snippet } = insertion(key, type, cursor.column, unit, cursor.written);
    const values = enumValues(key, { first: 0, last: 0 });
    const detail = values ? values.map((v) => v.value).join(' | ') : undefined;
    const completable = values !== undefined || VALUE_COMPLETED.has(key);
    items.push({
      label: key,
      kind: 'field',
      detail: key === 'loadBalancerIP' ? 'deprecated' : detail,
      documentation: isSpec ? fieldDoc(key) : PORT_DOCS[key],
      insertText: text,
      snippet,
      retrigger: !cursor.written && completable,
      start: cursor.start,
      end: cursor.end,
      sortText: sortKey(key === 'loadBalancerIP' ? 2 : 1, position),
    });
  });
  return items;
}

/** `spec.ports[i]`, whether the item's first key is typed after its dash or on a later line. */
function portItem(path: readonly PathSegment[]): number | undefined {
  if (path.length === 3 && path[0] === 'spec' && path[1] === 'ports' && typeof path[2] === 'number') return path[2];
  return undefined;
}
