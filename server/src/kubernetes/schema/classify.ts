import { isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import type { K8sObject, ServiceModel } from '../model';
import { fieldOf, fieldsOf, spanOf, type Field } from '../../document/yamlNodes';
import { objectMeta } from './meta';
import { nearMiss } from './nearMiss';
import { jsonView } from '../../document/jsonView';
import { service, servicePort, serviceSpec } from './service';
import { isPatch, walkObject, type UnknownKey } from './walk';

/**
 * Sorts the unknown keys of a Service into plain typos and keys that are valid somewhere else in the manifest,
 * i.e. written at the wrong indentation. The second kind gets its own rule (`misindentedField`) and never the
 * plain `unknownField` as well, because "move it" and "rename it" are different fixes.
 */
export interface Misplacement {
  /** Where the key belongs: 'spec', 'metadata', 'spec.selector', 'metadata.labels', 'metadata.annotations', 'spec.ports[i]' or 'spec.ports'. */
  moveTo: string;
  portIndex?: number;
  /** One plain sentence for the user. */
  explanation: string;
}

export interface ClassifiedKey extends UnknownKey {
  /** The release that removed this field from the API, when it is a former field. */
  removedIn?: string;
  suggestion?: string;
  misplaced?: Misplacement;
}

const SPEC_FIELDS = Object.keys(serviceSpec.fields);
const PORT_FIELDS = Object.keys(servicePort.fields);
const USER_META_FIELDS = ['name', 'namespace', 'labels', 'annotations', 'generateName'];
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$/;
const LABEL_VALUE = /^([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$/;

/** `key: value` as written, when the value is a scalar that could be a label value. */
function labelLike(entry: UnknownKey, doc: Document): string | undefined {
  const view = jsonView(entry.field.node, doc);
  if (view.text === undefined || view.kind === 'null' || !LABEL_KEY.test(entry.key) || !LABEL_VALUE.test(view.text)) return undefined;
  return `\`${entry.field.key}: ${view.text}\``;
}

function isEmptyMap(node: unknown): boolean {
  return !isMap(node) || node.items.length === 0;
}

/** The port entry a port field written at `spec` level most likely belongs to: the one just above it, or the only one. */
function targetPort(spec: YAMLMap, entry: UnknownKey, doc: Document): { index?: number; port?: string } {
  const ports = fieldOf(spec, 'ports')?.node;
  if (!isSeq(ports)) return {};
  let index: number | undefined;
  ports.items.forEach((item, i) => {
    const span = spanOf(item as YAMLMap);
    if (span && span.end <= entry.field.keySpan.start) index = i;
  });
  if (index === undefined && ports.items.length === 1) index = 0;
  const item = index === undefined ? undefined : ports.items[index];
  // Moving the key into an entry that already has it would only trade this error for a duplicate.
  if (!isMap(item) || fieldOf(item, entry.key)) return {};
  const port = fieldOf(item, 'port')?.node;
  return { index, port: port ? jsonView(port, doc).text : undefined };
}

function atTopLevel(entry: UnknownKey): Misplacement | undefined {
  if (SPEC_FIELDS.includes(entry.key)) {
    return { moveTo: 'spec', explanation: `\`${entry.key}\` is at the top level of the Service; it belongs under \`spec:\`.` };
  }
  if (USER_META_FIELDS.includes(entry.key)) {
    return { moveTo: 'metadata', explanation: `\`${entry.key}\` is at the top level of the Service; it belongs under \`metadata:\`.` };
  }
  return undefined;
}

function atSpecLevel(entry: UnknownKey, siblings: readonly UnknownKey[], object: K8sObject): Misplacement | undefined {
  const portSiblings = siblings.some((other) => other !== entry && PORT_FIELDS.includes(other.key) && other.key !== 'name');
  if (PORT_FIELDS.includes(entry.key) && (entry.key !== 'name' || portSiblings)) {
    const { index, port } = targetPort(entry.map, entry, object.doc);
    const where =
      index !== undefined
        ? port
          ? `the \`- port: ${port}\` entry of \`ports:\``
          : `entry ${index} of \`ports:\``
        : fieldOf(entry.map, 'ports')
          ? 'an entry of `ports:`'
          : 'an entry of a `ports:` list';
    return {
      moveTo: index === undefined ? 'spec.ports' : `spec.ports[${index}]`,
      portIndex: index,
      explanation: `\`${entry.key}\` is a port field written at \`spec\` level; it belongs inside ${where}.`,
    };
  }
  if (USER_META_FIELDS.includes(entry.key)) {
    const selectorHint = entry.key === 'labels' ? ' (the labels of the Pods to route to go under `selector:`)' : '';
    return { moveTo: 'metadata', explanation: `\`${entry.key}\` is at \`spec\` level; it belongs under \`metadata:\`${selectorHint}.` };
  }
  // An ExternalName Service has no use for a selector, so a stray label there is no misplaced selector label.
  if (nearMiss(entry.key, SPEC_FIELDS) || jsonView(fieldOf(entry.map, 'type')?.node, object.doc).text === 'ExternalName') return undefined;
  const written = labelLike(entry, object.doc);
  if (!written) return undefined;
  const selector = fieldOf(entry.map, 'selector')?.node;
  const consequence = isEmptyMap(selector)
    ? 'as written the Service has no selector, so Kubernetes picks no Pods for it'
    : 'as written it is not part of the selector';
  return {
    moveTo: 'spec.selector',
    explanation: `${written} is at \`spec\` level; it was probably meant as a label under \`selector:\` (indent it one more level) — ${consequence}.`,
  };
}

function atMetadataLevel(entry: UnknownKey, object: K8sObject): Misplacement | undefined {
  if (SPEC_FIELDS.includes(entry.key)) {
    const spec = fieldOf(object.root, 'spec')?.node;
    const consequence =
      entry.key === 'selector' && isEmptyMap(isMap(spec) ? fieldOf(spec, 'selector')?.node : undefined)
        ? ' — as written the Service has no selector, so Kubernetes picks no Pods for it'
        : '';
    return { moveTo: 'spec', explanation: `\`${entry.key}\` is under \`metadata\`; it belongs under \`spec:\`${consequence}.` };
  }
  if (nearMiss(entry.key, Object.keys(objectMeta.fields))) return undefined;
  const written = labelLike(entry, object.doc);
  if (!written) return undefined;
  // Prefixed keys on a Service are mostly cloud load-balancer annotations; unprefixed ones are labels.
  const annotation = entry.key.includes('/') && !entry.key.startsWith('app.kubernetes.io/');
  return annotation
    ? { moveTo: 'metadata.annotations', explanation: `${written} is at \`metadata\` level; it was probably meant as an annotation under \`annotations:\`.` }
    : { moveTo: 'metadata.labels', explanation: `${written} is at \`metadata\` level; it was probably meant as a label under \`labels:\`.` };
}

function inPortEntry(entry: UnknownKey): Misplacement | undefined {
  if (!SPEC_FIELDS.includes(entry.key) || entry.key === 'ports') return undefined;
  return {
    moveTo: 'spec',
    explanation: `\`${entry.key}\` is inside the port entry \`${entry.parentPath}\`; it belongs at \`spec\` level, lined up with \`ports:\`.`,
  };
}

function misplacement(entry: UnknownKey, all: readonly UnknownKey[], object: K8sObject): Misplacement | undefined {
  if (entry.parent === service) return atTopLevel(entry);
  if (entry.parent === serviceSpec)
    return atSpecLevel(
      entry,
      all.filter((other) => other.map === entry.map),
      object,
    );
  if (entry.parent === objectMeta && entry.parentPath === 'metadata') return atMetadataLevel(entry, object);
  if (entry.parent === servicePort) return inPortEntry(entry);
  return undefined;
}

const cache = new WeakMap<YAMLMap, ClassifiedKey[]>();

export function classifyUnknownKeys(object: K8sObject): ClassifiedKey[] {
  let result = cache.get(object.root);
  if (!result) {
    const unknown = walkObject(object, service).unknownKeys;
    result = unknown.map((entry) => {
      const removedIn = entry.parent.removed?.[entry.key];
      if (removedIn) return { ...entry, removedIn };
      const misplaced = misplacement(entry, unknown, object);
      return misplaced ? { ...entry, misplaced } : { ...entry, suggestion: nearMiss(entry.key, Object.keys(entry.parent.fields)) };
    });
    cache.set(object.root, result);
  }
  return result;
}

/**
 * Whether a Service has no selector only because its selector is mis-indented: a label meant for it sits beside
 * `selector:` (`app: web` at `spec` level), or `selector:` itself is outside `spec`. misindentedField reports that as
 * an error, and kubectl rejects it (strict decoding, see the rule); nothing may describe this Service as one whose
 * endpoints are managed outside Kubernetes, which a Service without a selector is.
 */
export function misindentedSelector(service: ServiceModel): boolean {
  if (service.selector) return false;
  return classifyUnknownKeys(service).some((entry) => entry.misplaced?.moveTo === 'spec.selector' || (entry.key === 'selector' && entry.misplaced));
}

/** A Service field written one level too deep, inside `selector:`: accepted, but it becomes a Pod label to match. */
export interface SelectorMisplacement {
  key: string;
  value: string;
  field: Field;
  explanation: string;
}

// Only values that are meaningful for the field: `type: frontend` is a plausible label, `type: NodePort` is not.
const SPEC_VALUES: Readonly<Record<string, readonly string[]>> = {
  type: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
  clusterIP: ['None'],
  externalTrafficPolicy: ['Cluster', 'Local'],
  internalTrafficPolicy: ['Cluster', 'Local'],
  sessionAffinity: ['ClientIP'],
  ipFamilyPolicy: ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
  trafficDistribution: ['PreferClose', 'PreferSameZone', 'PreferSameNode'],
};

export function selectorMisplacements(object: K8sObject): SelectorMisplacement[] {
  const spec = fieldOf(object.root, 'spec')?.node;
  const selector = isMap(spec) ? fieldOf(spec, 'selector')?.node : undefined;
  if (!isMap(spec) || !isMap(selector) || isPatch(object.root)) return [];
  const found: SelectorMisplacement[] = [];
  for (const field of fieldsOf(selector)) {
    const value = jsonView(field.node, object.doc);
    if (value.kind !== 'string' || !SPEC_VALUES[field.key]?.includes(value.text ?? '') || fieldOf(spec, field.key)) continue;
    found.push({
      key: field.key,
      value: value.text as string,
      field,
      explanation:
        `\`${field.key}: ${value.text}\` is inside \`selector:\`, so it is a label the selected Pods must carry, not the Service's ` +
        `\`${field.key}\` (which stays unset); move it out one level, lined up with \`selector:\`.`,
    });
  }
  return found;
}
