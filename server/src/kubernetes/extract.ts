import { isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import {
  WORKLOAD_KINDS,
  type ContainerModel,
  type ContainerPortModel,
  type K8sObject,
  type ServiceModel,
  type ServicePortModel,
  type WorkloadKind,
  type WorkloadModel,
} from './model';
import { asMap, asSeq, fieldOf, numberValue, spanOf, stringMap, stringValue, type Span } from '../document/yamlNodes';

/** Every Kubernetes object in one parsed YAML document, including the items of `kind: List`. */
export function extractObjects(doc: Document): K8sObject[] {
  const root = asMap(doc.contents);
  if (!root) return [];
  const objects: K8sObject[] = [];
  visit(root, doc, '', objects);
  return objects;
}

function visit(map: YAMLMap, doc: Document, path: string, out: K8sObject[]): void {
  const apiVersion = stringValue(fieldOf(map, 'apiVersion')?.node, doc);
  const kindField = fieldOf(map, 'kind');
  const kind = stringValue(kindField?.node, doc);
  if (!apiVersion || !kind || !kindField) return;
  const items = asSeq(fieldOf(map, 'items')?.node);
  if (kind.endsWith('List') && apiVersion === 'v1' && items) {
    items.items.forEach((item, i) => {
      if (isMap(item)) visit(item, doc, `${path}items[${i}]`, out);
    });
    return;
  }
  const metadata = asMap(fieldOf(map, 'metadata')?.node);
  const base: K8sObject = {
    apiVersion,
    kind,
    name: stringValue(fieldOf(metadata, 'name')?.node, doc),
    namespace: stringValue(fieldOf(metadata, 'namespace')?.node, doc),
    root: map,
    doc,
    path,
    anchorSpan: kindField.valueSpan,
    metadata,
    labels: stringMap(asMap(fieldOf(metadata, 'labels')?.node), doc),
  };
  if (kind === 'Service' && apiVersion === 'v1') out.push(toService(base));
  else if (isWorkloadKind(kind, apiVersion)) out.push(toWorkload(base, kind));
  else out.push(base);
}

function isWorkloadKind(kind: string, apiVersion: string): kind is WorkloadKind {
  if (!(WORKLOAD_KINDS as readonly string[]).includes(kind)) return false;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  switch (kind) {
    case 'Pod':
    case 'ReplicationController':
      return group === '';
    case 'Job':
    case 'CronJob':
      return group === 'batch';
    default:
      return group === 'apps' || group === 'extensions';
  }
}

function toService(base: K8sObject): ServiceModel {
  const { root, doc } = base;
  const specField = fieldOf(root, 'spec');
  const spec = asMap(specField?.node);
  const typeField = fieldOf(spec, 'type');
  const portsField = fieldOf(spec, 'ports');
  const selectorField = fieldOf(spec, 'selector');
  const selectorMap = asMap(selectorField?.node);
  const ports: ServicePortModel[] = [];
  asSeq(portsField?.node)?.items.forEach((item, index) => {
    if (isMap(item)) ports.push(toServicePort(item, index, doc));
  });
  const typeValue = stringValue(typeField?.node, doc);
  return {
    ...base,
    kind: 'Service',
    spec,
    type: typeValue === undefined || typeValue === '' ? 'ClusterIP' : typeValue,
    ports,
    // An empty selector `{}` selects nothing, exactly like an absent one.
    selector: selectorMap && selectorMap.items.length > 0 ? stringMap(selectorMap, doc) : undefined,
    clusterIP: stringValue(fieldOf(spec, 'clusterIP')?.node, doc),
    externalTrafficPolicy: stringValue(fieldOf(spec, 'externalTrafficPolicy')?.node, doc),
    fields: { spec: specField, type: typeField, ports: portsField, selector: selectorField },
  };
}

function toServicePort(map: YAMLMap, index: number, doc: Document): ServicePortModel {
  const fields = {
    name: fieldOf(map, 'name'),
    port: fieldOf(map, 'port'),
    targetPort: fieldOf(map, 'targetPort'),
    nodePort: fieldOf(map, 'nodePort'),
    protocol: fieldOf(map, 'protocol'),
    appProtocol: fieldOf(map, 'appProtocol'),
  };
  const port = numberValue(fields.port?.node, doc);
  const rawTarget = numberValue(fields.targetPort?.node, doc) ?? stringValue(fields.targetPort?.node, doc);
  const nodePort = numberValue(fields.nodePort?.node, doc);
  const protocol = stringValue(fields.protocol?.node, doc);
  return {
    index,
    map,
    span: spanOf(map) as Span,
    name: stringValue(fields.name?.node, doc),
    port,
    // v1 defaulting: targetPort 0 or "" means "same as port".
    targetPort: rawTarget === undefined || rawTarget === 0 || rawTarget === '' ? port : rawTarget,
    protocol: protocol === undefined || protocol === '' ? 'TCP' : protocol,
    nodePort: nodePort === 0 ? undefined : nodePort,
    fields,
  };
}

function toWorkload(base: K8sObject, kind: WorkloadKind): WorkloadModel {
  const { root, doc } = base;
  const spec = asMap(fieldOf(root, 'spec')?.node);
  let podMetadata: YAMLMap | undefined;
  let podSpec: YAMLMap | undefined;
  let replicas: number | undefined;
  if (kind === 'Pod') {
    podMetadata = base.metadata;
    podSpec = spec;
    replicas = 1;
  } else {
    const templateSpec = kind === 'CronJob' ? asMap(fieldOf(asMap(fieldOf(spec, 'jobTemplate')?.node), 'spec')?.node) : spec;
    const template = asMap(fieldOf(templateSpec, 'template')?.node);
    podMetadata = asMap(fieldOf(template, 'metadata')?.node);
    podSpec = asMap(fieldOf(template, 'spec')?.node);
    if (kind === 'Job' || kind === 'CronJob') replicas = numberValue(fieldOf(templateSpec, 'parallelism')?.node, doc) ?? 1;
    else if (kind !== 'DaemonSet') replicas = numberValue(fieldOf(spec, 'replicas')?.node, doc) ?? 1;
  }
  const podLabelsMap = asMap(fieldOf(podMetadata, 'labels')?.node);
  const containers = [
    ...containersOf(asSeq(fieldOf(podSpec, 'initContainers')?.node), true, doc),
    ...containersOf(asSeq(fieldOf(podSpec, 'containers')?.node), false, doc),
  ];
  return { ...base, kind, podLabels: stringMap(podLabelsMap, doc), podLabelsMap, replicas, containers };
}

function containersOf(seq: ReturnType<typeof asSeq>, init: boolean, doc: Document): ContainerModel[] {
  if (!seq) return [];
  const containers: ContainerModel[] = [];
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const ports: ContainerPortModel[] = [];
    const portSeq = fieldOf(item, 'ports')?.node;
    if (isSeq(portSeq)) {
      for (const portItem of portSeq.items) {
        if (!isMap(portItem)) continue;
        ports.push({
          name: stringValue(fieldOf(portItem, 'name')?.node, doc),
          containerPort: numberValue(fieldOf(portItem, 'containerPort')?.node, doc),
          protocol: stringValue(fieldOf(portItem, 'protocol')?.node, doc) || 'TCP',
          map: portItem,
          span: spanOf(portItem) as Span,
        });
      }
    }
    containers.push({ name: stringValue(fieldOf(item, 'name')?.node, doc), init, ports });
  }
  return containers;
}
