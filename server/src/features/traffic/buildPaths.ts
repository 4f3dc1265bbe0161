import { selectionIndex } from '../../kubernetes/selectionIndex';
import type { Node } from 'yaml';
import type { Finding } from '../../analysis/analyze';
import { isService, SERVICE_TYPES, type K8sObject, type ServiceModel } from '../../kubernetes/model';
import type { FileModel, PlacedChunk } from '../../kubernetes/manifest';
import { formatPortRange, type AnalysisSettings } from '../../analysis/settings';
import { LineIndex } from '../../document/text';
import { oneDefinitionEach, type WorkspaceIndex } from '../../kubernetes/workspace';
import { resolveTargetPort } from '../../kubernetes/selection';
import { misindentedSelector } from '../../kubernetes/schema/classify';
import { asMap, asSeq, fieldOf, numberValue, scalarValue, spanOf, stringMap, stringValue, type Span } from '../../document/yamlNodes';
import { pathDiagnostics, type WorkloadArea } from './findings';
import type { LoadBalancerFacts, SourceLink, TrafficLane, TrafficPath, UpstreamRef } from '../../protocol/trafficGraph';
import { backendUses } from './upstream';

export interface TrafficInput {
  file: FileModel;
  workspace: WorkspaceIndex;
  settings: AnalysisSettings;
  /** Findings of `file` (absolute offsets), shown on the nodes they concern. */
  findings: readonly Finding[];
  /** Absolute offset of the cursor; selects the Service under it. */
  offset?: number;
}

export interface TrafficPaths {
  /** 'service' when `offset` picked one Service; 'document' when every Service of the file is described. */
  scope: 'service' | 'document';
  paths: TrafficPath[];
}

type PlacedService = { object: ServiceModel; chunk: PlacedChunk };

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
/** SetDefaults_Service: `sessionAffinityConfig.clientIP.timeoutSeconds` defaults to 10800 (3 hours). */
const DEFAULT_AFFINITY_TIMEOUT = 10800;

export function buildTrafficPaths(input: TrafficInput): TrafficPaths {
  const { scope, services } = servicesInScope(input.file, input.offset);
  const lines = new Map<string, { text: string; index: LineIndex }>();
  const link = (uri: string, span: Span): SourceLink => {
    let file = lines.get(uri);
    if (!file) {
      const text = (uri === input.file.uri ? input.file.text : input.workspace.get(uri)?.text) ?? '';
      file = { text, index: new LineIndex(text) };
      lines.set(uri, file);
    }
    // A block mapping's range runs to the next line; revealing should select the entry only.
    let end = span.end;
    while (end > span.start && /\s/.test(file.text.charAt(end - 1))) end--;
    return { uri, range: file.index.rangeOf(span.start, end) };
  };
  return { scope, paths: services.map((placed, i) => describe(placed, `s${i}`, input, link)) };
}

/**
 * The Services to describe: the one whose object contains `offset` (or the only Service of the `---`
 * document the cursor is in, so blank lines and comments around it still count); otherwise all of them.
 */
export function servicesInScope(file: FileModel, offset?: number): { scope: 'service' | 'document'; services: PlacedService[] } {
  const services = file.objects.filter((o): o is PlacedService => isService(o.object));
  if (offset !== undefined) {
    const containing = services.filter(({ object, chunk }) => {
      const span = spanOf(object.root);
      return span !== undefined && offset >= chunk.start + span.start && offset <= chunk.start + span.end;
    });
    if (containing.length > 0) return { scope: 'service', services: [containing[containing.length - 1]] };
    const chunk = file.chunks.find((c) => offset >= c.start && offset <= c.start + c.parsed.text.length);
    const inChunk = services.filter((s) => s.chunk === chunk);
    if (inChunk.length === 1) return { scope: 'service', services: inChunk };
  }
  // The same Service written twice in the file is one Service in the cluster: drawn once, as applied last.
  return { scope: 'document', services: oneDefinitionEach(services.map((placed) => ({ uri: file.uri, ...placed }))) };
}

function describe({ object: service, chunk }: PlacedService, id: string, input: TrafficInput, link: (uri: string, span: Span) => SourceLink): TrafficPath {
  const { doc, spec } = service;
  const uri = input.file.uri;
  const rel = (span: Span): Span => ({ start: chunk.start + span.start, end: chunk.start + span.end });
  const type = service.type;
  const clusterIP = service.clusterIP?.trim();
  const headless = type === 'ClusterIP' && clusterIP === 'None';
  const externalIPs = strings(fieldOf(spec, 'externalIPs')?.node ?? null, doc);
  const externallyAccessible = type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && externalIPs.length > 0 && !headless);
  const loadBalancer = type === 'LoadBalancer' ? loadBalancerFacts(service, input.settings) : undefined;
  const externalTrafficPolicy = externallyAccessible ? service.externalTrafficPolicy || 'Cluster' : undefined;

  const workloadRefs = selectionIndex(input.workspace).selectedBy(service, uri);
  const workloads = workloadRefs.map(({ uri: wUri, object, chunk: wChunk }) => ({
    kind: object.kind,
    name: object.name,
    namespace: object.namespace,
    replicas: object.replicas,
    source: link(wUri, offsetSpan(wChunk, nameSpan(object))),
  }));

  const lanes: TrafficLane[] = service.ports.map((port) => ({
    index: port.index,
    name: port.name,
    port: port.port,
    protocol: port.protocol,
    appProtocol: stringValue(port.fields.appProtocol?.node, doc),
    targetPort: port.targetPort,
    nodePort: port.nodePort,
    hasNodePort: type === 'NodePort' || (type === 'LoadBalancer' && (loadBalancer?.allocateNodePorts === true || port.nodePort !== undefined)),
    targets: workloadRefs.map(({ object }, workload) => {
      const resolution = resolveTargetPort(port, object);
      const container = resolution?.matches[0]?.container.name;
      return { workload, ...(resolution?.podPort !== undefined ? { containerPort: resolution.podPort } : {}), ...(container ? { container } : {}) };
    }),
    source: link(uri, rel(port.span)),
  }));

  const workloadAreas: WorkloadArea[] = [];
  workloadRefs.forEach((ref, workloadIndex) => {
    const span = spanOf(ref.object.root);
    if (ref.uri === uri && span) workloadAreas.push({ workloadIndex, span: offsetSpan(ref.chunk, span) });
  });
  const serviceSpan = rel(spanOf(service.root) ?? service.anchorSpan);

  const healthCheck = numberValue(fieldOf(spec, 'healthCheckNodePort')?.node, doc);
  const affinity = stringValue(fieldOf(spec, 'sessionAffinity')?.node, doc);
  const timeout = numberValue(fieldOf(asMap(fieldOf(asMap(fieldOf(spec, 'sessionAffinityConfig')?.node), 'clientIP')?.node), 'timeoutSeconds')?.node, doc);
  const internalPolicy = stringValue(fieldOf(spec, 'internalTrafficPolicy')?.node, doc);

  return {
    id,
    name: service.name,
    namespace: service.namespace,
    type,
    validType: (SERVICE_TYPES as readonly string[]).includes(type),
    headless,
    ...(clusterIP && clusterIP !== 'None' ? { clusterIP } : {}),
    ...(type === 'ExternalName' ? { externalName: stringValue(fieldOf(spec, 'externalName')?.node, doc) } : {}),
    source: link(uri, rel(nameSpan(service))),
    lanes,
    externalIPs,
    ...(loadBalancer ? { loadBalancer } : {}),
    ...(externalTrafficPolicy ? { externalTrafficPolicy } : {}),
    ...(type !== 'ExternalName' ? { internalTrafficPolicy: internalPolicy || 'Cluster' } : {}),
    ...(type === 'LoadBalancer' && externalTrafficPolicy === 'Local' ? { healthCheckNodePort: healthCheck ? healthCheck : 'allocated' } : {}),
    // Headless Services ignore sessionAffinity (kube-apiserver warns so): nothing proxies them.
    ...(affinity === 'ClientIP' && !headless ? { sessionAffinity: { timeoutSeconds: timeout ?? DEFAULT_AFFINITY_TIMEOUT } } : {}),
    ...(service.selector ? { selector: service.selector } : {}),
    ...(misindentedSelector(service) ? { selectorMisindented: true as const } : {}),
    workloads,
    upstream: upstreamRefs(service, input.workspace, lanes, link),
    diagnostics: pathDiagnostics(input.findings, service, chunk.start, serviceSpan, workloadAreas, (span) => link(uri, span)),
    nodePortRange: formatPortRange(input.settings.nodePortRange),
  };
}

function loadBalancerFacts(service: ServiceModel, settings: AnalysisSettings): LoadBalancerFacts {
  const { doc, spec } = service;
  const status = asMap(fieldOf(asMap(fieldOf(service.root, 'status')?.node), 'loadBalancer')?.node);
  const ingress: string[] = [];
  for (const item of asSeq(fieldOf(status, 'ingress')?.node)?.items ?? []) {
    const entry = asMap(item);
    const address = stringValue(fieldOf(entry, 'ip')?.node, doc) ?? stringValue(fieldOf(entry, 'hostname')?.node, doc);
    if (address) ingress.push(address);
  }
  const fieldRanges = strings(fieldOf(spec, 'loadBalancerSourceRanges')?.node ?? null, doc).map((r) => r.trim());
  // The annotation is only consulted when the field is empty (ValidateService, GetLoadBalancerSourceRanges).
  const annotation = stringMap(asMap(fieldOf(service.metadata, 'annotations')?.node), doc)[SOURCE_RANGES_ANNOTATION];
  const annotationRanges =
    annotation
      ?.split(',')
      .map((r) => r.trim())
      .filter((r) => r !== '') ?? [];
  const sourceRanges = fieldRanges.length > 0 ? fieldRanges : annotationRanges;
  const allocate = scalarValue(fieldOf(spec, 'allocateLoadBalancerNodePorts')?.node, doc);
  const requestedIP = stringValue(fieldOf(spec, 'loadBalancerIP')?.node, doc);
  const loadBalancerClass = stringValue(fieldOf(spec, 'loadBalancerClass')?.node, doc);
  return {
    ingress,
    ...(requestedIP ? { requestedIP } : {}),
    sourceRanges,
    ...(sourceRanges.length > 0 ? { sourceRangesFrom: fieldRanges.length > 0 ? ('field' as const) : ('annotation' as const) } : {}),
    ...(loadBalancerClass ? { loadBalancerClass } : {}),
    allocateNodePorts: allocate !== false,
    clusterProfile: settings.clusterProfile,
  };
}

function upstreamRefs(service: ServiceModel, workspace: WorkspaceIndex, lanes: TrafficLane[], link: (uri: string, span: Span) => SourceLink): UpstreamRef[] {
  const refs: UpstreamRef[] = [];
  for (const uri of workspace.uris().sort()) {
    for (const { object, chunk } of workspace.get(uri)?.objects ?? []) {
      const byPort = new Map<string, { port?: number | string; detail: string[] }>();
      for (const use of backendUses(object, service)) {
        const key = String(use.port);
        const entry = byPort.get(key) ?? { port: use.port, detail: [] };
        if (!entry.detail.includes(use.detail)) entry.detail.push(use.detail);
        byPort.set(key, entry);
      }
      for (const { port, detail } of byPort.values()) {
        const lane = lanes.find((l) => (typeof port === 'number' ? l.port === port : port !== undefined && l.name === port));
        refs.push({
          kind: object.kind,
          name: object.name,
          namespace: object.namespace,
          ...(port !== undefined ? { port } : {}),
          ...(lane ? { laneIndex: lane.index } : {}),
          detail,
          source: link(uri, offsetSpan(chunk, nameSpan(object))),
        });
      }
    }
  }
  return refs;
}

/** The span to reveal for an object: its name when written, else its `kind` value. */
function nameSpan(object: K8sObject): Span {
  return fieldOf(object.metadata, 'name')?.valueSpan ?? object.anchorSpan;
}

function offsetSpan(chunk: PlacedChunk, span: Span): Span {
  return { start: chunk.start + span.start, end: chunk.start + span.end };
}

function strings(node: Node | null, doc: ServiceModel['doc']): string[] {
  return (asSeq(node)?.items ?? []).map((item) => stringValue(item as Node, doc)).filter((s): s is string => s !== undefined);
}
