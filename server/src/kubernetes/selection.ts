import { isMap, type YAMLMap } from 'yaml';
import type { ContainerModel, ContainerPortModel, K8sObject, ServiceModel, ServicePortModel, WorkloadModel } from './model';
import { LineIndex, type Range } from '../document/text';
import { parseChunk, type FileModel, type ParsedChunk } from './manifest';
import type { RelatedLocation } from './workspace';
import { oneDefinitionEach, type ObjectRef, type WorkspaceIndex } from './workspace';
import { nearestApplication } from './applications';
import { asMap, asSeq, fieldOf, numberValue, stringValue, type Span } from '../document/yamlNodes';

/**
 * Which pods a Service selects and which container port each Service port reaches, the way the EndpointSlice
 * controller decides it (staging/src/k8s.io/endpointslice: pods matched by `spec.selector` in the Service's
 * namespace, ports resolved per pod by FindPort). Pure: used by rules, hovers and the traffic preview alike.
 */

/** The namespace an object lands in. Unset means "wherever it is applied", which is `default` unless told otherwise. */
export function namespaceOf(object: K8sObject): string {
  return object.namespace || 'default';
}

export const sameNamespace = (a: K8sObject, b: K8sObject): boolean => namespaceOf(a) === namespaceOf(b);

/** Helm/Go template text has no value yet; anything containing it is unknown rather than wrong. */
export const isTemplated = (text: string): boolean => text.includes('{{');

/** A value check for a label that controllers add to pods at runtime. */
type GeneratedLabel = (value: string) => boolean;
const ANY: GeneratedLabel = () => true;

/**
 * The labels a workload's pods carry: the template's labels, plus the ones controllers add when they create pods
 * (pkg/controller/statefulset updateIdentity; pkg/registry/batch/job/strategy.go generateSelector; the Deployment,
 * DaemonSet and StatefulSet revision hashes). Hash and UID values are unknowable, so they match anything.
 */
export interface PodLabels {
  template: Record<string, string>;
  generated: Record<string, GeneratedLabel>;
}

// Workload models are immutable per parse, so derived facts are computed once per object.
function memo<T>(cache: WeakMap<WorkloadModel, T>, workload: WorkloadModel, compute: (w: WorkloadModel) => T): T {
  if (!cache.has(workload)) cache.set(workload, compute(workload));
  return cache.get(workload) as T;
}
const podLabelCache = new WeakMap<WorkloadModel, PodLabels>();
const servingPortCache = new WeakMap<WorkloadModel, ServingPort[]>();

export function podLabelsOf(workload: WorkloadModel): PodLabels {
  return memo(podLabelCache, workload, (w) => ({ template: w.podLabels, generated: generatedLabels(w) }));
}

function generatedLabels(workload: WorkloadModel): Record<string, GeneratedLabel> {
  const generated: Record<string, GeneratedLabel> = {};
  switch (workload.kind) {
    case 'Deployment':
      generated['pod-template-hash'] = ANY;
      break;
    case 'DaemonSet':
      generated['controller-revision-hash'] = generated['pod-template-generation'] = ANY;
      break;
    case 'StatefulSet': {
      generated['controller-revision-hash'] = ANY;
      const ordinal = statefulSetOrdinal(workload);
      generated['apps.kubernetes.io/pod-index'] = (value) => ordinal(value);
      generated['statefulset.kubernetes.io/pod-name'] = (value) =>
        workload.name === undefined || (value.startsWith(`${workload.name}-`) && ordinal(value.slice(workload.name.length + 1)));
      break;
    }
    case 'Job':
    case 'CronJob': {
      // A CronJob's Jobs are named after the schedule time, so only a plain Job's name is known.
      const jobName: GeneratedLabel = workload.kind === 'Job' && workload.name !== undefined ? (value) => value === workload.name : ANY;
      generated['job-name'] = generated['batch.kubernetes.io/job-name'] = jobName;
      generated['controller-uid'] = generated['batch.kubernetes.io/controller-uid'] = generated['batch.kubernetes.io/job-completion-index'] = ANY;
      break;
    }
  }
  return generated;
}

/** Ordinals run from `spec.ordinals.start` (default 0) for `replicas` pods. */
function statefulSetOrdinal(workload: WorkloadModel): (text: string) => boolean {
  const start = numberValue(fieldOf(asMap(fieldOf(asMap(fieldOf(workload.root, 'spec')?.node), 'ordinals')?.node), 'start')?.node, workload.doc) ?? 0;
  const replicas = workload.replicas;
  return (text) => {
    if (!/^\d+$/.test(text)) return false;
    const n = Number(text);
    return n >= start && (replicas === undefined || n < start + replicas);
  };
}

/** Whether pods with these labels carry `key=value`; a templated pod label may render to anything. */
export function podHasLabel(labels: PodLabels, key: string, value: string): boolean {
  const own = labels.template[key];
  if (own !== undefined) return own === value || isTemplated(own);
  return labels.generated[key]?.(value) ?? false;
}

/** Equality-based selection, as for Service selectors (every selector pair must be present on the pod). */
export function selectorMatchesPods(selector: Record<string, string>, labels: PodLabels): boolean {
  return Object.entries(selector).every(([key, value]) => podHasLabel(labels, key, value));
}

/** A Service selects pods when it has a usable selector; ExternalName Services never do. */
export function usableSelector(service: ServiceModel): Record<string, string> | undefined {
  if (service.type === 'ExternalName' || !service.selector) return undefined;
  const entries = Object.entries(service.selector);
  if (entries.length === 0 || entries.some(([key, value]) => isTemplated(key) || isTemplated(value))) return undefined;
  return service.selector;
}

/** Whether the Service selects the workload's pods: same namespace, every selector label present. */
export function selects(service: ServiceModel, workload: WorkloadModel): boolean {
  const selector = usableSelector(service);
  return selector !== undefined && sameNamespace(service, workload) && selectorMatchesPods(selector, podLabelsOf(workload));
}

/**
 * The workloads whose pods a Service (of file `service.uri`) selects: of those whose pods match, the ones in the
 * Service's nearest folder tree holding any (applications.ts), one per object however many files there define it.
 * This is the definition; across a whole workspace use selectionIndex.ts, which gives the same answer from a label
 * index instead of a scan.
 */
export function selectedWorkloads(service: ObjectRef<ServiceModel>, workspace: WorkspaceIndex): ObjectRef<WorkloadModel>[] {
  if (!usableSelector(service.object)) return [];
  return oneDefinitionEach(
    nearestApplication(
      service.uri,
      workspace.workloads().filter((ref) => selects(service.object, ref.object)),
      workspace,
    ),
  );
}

/** The reverse, for hovers on a workload: the Services whose pods, as selectedWorkloads chooses them, include this definition's. */
export function servicesSelecting(workload: WorkloadModel, workspace: WorkspaceIndex): ObjectRef<ServiceModel>[] {
  const inApplication = (service: ObjectRef<ServiceModel>) =>
    nearestApplication(
      service.uri,
      workspace.workloads().filter((ref) => selects(service.object, ref.object)),
      workspace,
    ).some((ref) => ref.object === workload);
  return oneDefinitionEach(workspace.services().filter((ref) => selects(ref.object, workload) && inApplication(ref)));
}

export interface ServingPort {
  container: ContainerModel;
  port: ContainerPortModel;
}

/**
 * Ports a Service can reach by name: those of regular containers, then of sidecars (init containers with
 * `restartPolicy: Always`), in FindPort's order. Plain init containers have exited before the pod is ready.
 */
export function servingPorts(workload: WorkloadModel): ServingPort[] {
  return memo(servingPortCache, workload, computeServingPorts);
}

function computeServingPorts(workload: WorkloadModel): ServingPort[] {
  const sidecars = sidecarFlags(workload);
  const inits = workload.containers.filter((c) => c.init);
  const regular = workload.containers.filter((c) => !c.init);
  const serving = [...regular, ...inits.filter((_, i) => sidecars[i])];
  return serving.flatMap((container) => container.ports.map((port) => ({ container, port })));
}

/** The model has no restartPolicy per container, so it is read from the pod template's `initContainers` items. */
function sidecarFlags(workload: WorkloadModel): boolean[] {
  const spec = asMap(fieldOf(workload.root, 'spec')?.node);
  let podSpec: YAMLMap | undefined;
  if (workload.kind === 'Pod') podSpec = spec;
  else {
    const holder = workload.kind === 'CronJob' ? asMap(fieldOf(asMap(fieldOf(spec, 'jobTemplate')?.node), 'spec')?.node) : spec;
    podSpec = asMap(fieldOf(asMap(fieldOf(holder, 'template')?.node), 'spec')?.node);
  }
  const items = asSeq(fieldOf(podSpec, 'initContainers')?.node)?.items ?? [];
  return items.filter(isMap).map((item) => stringValue(fieldOf(item as YAMLMap, 'restartPolicy')?.node, workload.doc) === 'Always');
}

/** `http-metrics` style: what the API accepts as a named targetPort (IANA_SVC_NAME); anything else is not looked up. */
export function isPortName(value: string): boolean {
  return value.length <= 15 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(value) && /[a-z]/.test(value) && !value.includes('--');
}

/** Where one Service port's traffic goes in the pods of one workload. */
export interface PortResolution {
  /** The targetPort after defaulting: a number, or a port name. */
  targetPort: number | string;
  /** For a name: whether FindPort finds it (same name AND protocol). For a number: always true. */
  resolved: boolean;
  /** The pod port traffic is sent to, when known. */
  podPort?: number;
  /** Declared ports with that name/number and the Service port's protocol; the first is the one used. */
  matches: ServingPort[];
  /** Declared ports with that name/number but another protocol. */
  otherProtocol: ServingPort[];
  /** Whether the pods declare any container port at all (containerPort is informational). */
  declaresPorts: boolean;
}

/** Undefined when the targetPort cannot be looked up (missing port, invalid or templated name). */
export function resolveTargetPort(servicePort: ServicePortModel, workload: WorkloadModel): PortResolution | undefined {
  const target = servicePort.targetPort;
  const ports = servingPorts(workload);
  const declaresPorts = ports.length > 0;
  if (typeof target === 'number') {
    const same = ports.filter((p) => p.port.containerPort === target);
    const matches = same.filter((p) => p.port.protocol === servicePort.protocol);
    const otherProtocol = same.filter((p) => p.port.protocol !== servicePort.protocol);
    return { targetPort: target, resolved: true, podPort: target, matches, otherProtocol, declaresPorts };
  }
  if (typeof target !== 'string' || !isPortName(target)) return undefined;
  const named = ports.filter((p) => p.port.name === target);
  const matches = named.filter((p) => p.port.protocol === servicePort.protocol);
  const otherProtocol = named.filter((p) => p.port.protocol !== servicePort.protocol);
  return { targetPort: target, resolved: matches.length > 0, podPort: matches[0]?.port.containerPort, matches, otherProtocol, declaresPorts };
}

/** `8080/TCP "http"`-style summary of what a workload declares, for messages and quick-fix choices. */
export function describePort(port: ContainerPortModel): string {
  const number = port.containerPort ?? '?';
  return `${number}${port.protocol === 'TCP' ? '' : `/${port.protocol}`}${port.name ? ` \`${port.name}\`` : ''}`;
}

export interface ObjectLocation {
  uri: string;
  /** The file's path inside its workspace folder, as shown to users (WorkspaceIndex.displayPath). */
  file: string;
  /** 1-based line of the object's `kind`. */
  line: number;
  /** 0-based range of `span` (the object's `kind` value unless given), ready for relatedInformation. */
  range: Range;
}

const lineIndexes = new WeakMap<FileModel, LineIndex>();

/** Where an object is, for messages (`deploy.yaml:12`) and related-information links. */
export function locate(ref: ObjectRef, workspace: WorkspaceIndex, span = ref.object.anchorSpan): ObjectLocation {
  const [start, end] = [ref.chunk.start + span.start, ref.chunk.start + span.end];
  const file = workspace.get(ref.uri);
  let lines = file ? lineIndexes.get(file) : undefined;
  if (file && !lines) {
    lines = new LineIndex(file.text);
    lineIndexes.set(file, lines);
  }
  const range = lines ? lines.rangeOf(start, end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { uri: ref.uri, file: workspace.displayPath(ref.uri), line: range.start.line + 1, range };
}

/** A related-information link to a span of another object (its `kind` value unless given). */
export function relatedAt(ref: ObjectRef, message: string, span: Span = ref.object.anchorSpan): RelatedLocation {
  return { uri: ref.uri, start: ref.chunk.start + span.start, end: ref.chunk.start + span.end, message };
}

/** `Deployment \`web\` (deploy.yaml:12)` */
export function describeWorkload(ref: ObjectRef<WorkloadModel>, workspace: WorkspaceIndex): string {
  const where = locate(ref, workspace);
  return `${ref.object.kind} \`${ref.object.name ?? '(unnamed)'}\` (${where.file}:${where.line})`;
}

/** `app=web, tier=frontend` */
export function formatLabels(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}

/** `port 80`, `port 53/UDP` (protocol shown when not the default TCP); `spec.ports[2]` when the number is missing. */
export function describeServicePort(port: ServicePortModel): string {
  if (port.port === undefined) return `spec.ports[${port.index}]`;
  return `port ${port.port}${port.protocol === 'TCP' ? '' : `/${port.protocol}`}`;
}

/** A workload named in diagnostic data, so quick fixes and related information can point at it. */
export function workloadData(ref: ObjectRef<WorkloadModel>, workspace: WorkspaceIndex) {
  const where = locate(ref, workspace);
  return { kind: ref.object.kind, name: ref.object.name, namespace: namespaceOf(ref.object), uri: where.uri, line: where.line, range: where.range };
}

/** Joins `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const composedChunks = new WeakMap<ParsedChunk, ParsedChunk>();

/**
 * Every object in the workspace whose kind passes `wanted` (autoscalers, operator resources, MetalLB pools...).
 * parse.ts does not compose documents of kinds the core model ignores; those are composed here on demand, once per
 * chunk text, and only when their kind is wanted.
 */
export function workspaceObjects(workspace: WorkspaceIndex, wanted: (kind: string) => boolean, cacheKey?: string): ObjectRef[] {
  let cache = objectCaches.get(workspace);
  if (!cache || cache.version !== workspace.version) {
    cache = { version: workspace.version, results: new Map() };
    objectCaches.set(workspace, cache);
  }
  const cached = cacheKey === undefined ? undefined : cache.results.get(cacheKey);
  if (cached) return cached;
  const found: ObjectRef[] = [];
  for (const uri of workspace.uris()) {
    for (const chunk of workspace.get(uri)?.chunks ?? []) {
      let parsed = chunk.parsed;
      if (parsed.skippedKind !== undefined) {
        if (!wanted(parsed.skippedKind)) continue;
        let full = composedChunks.get(parsed);
        if (!full) {
          full = parseChunk(parsed.text, true);
          composedChunks.set(parsed, full);
        }
        parsed = full;
      }
      for (const object of parsed.objects) if (wanted(object.kind)) found.push({ uri, object, chunk });
    }
  }
  if (cacheKey !== undefined) cache.results.set(cacheKey, found);
  return found;
}

// Rules ask the same question for every Service of a file; the answer only changes when a file does.
const objectCaches = new WeakMap<WorkspaceIndex, { version: number; results: Map<string, ObjectRef[]> }>();
