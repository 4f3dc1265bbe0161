/**
 * Indexed versions of kubernetes/selection.ts's selectedWorkloads and servicesSelecting. Those scan every workload for
 * every Service, which on a 10,000-document workspace (5,000 Services x 5,000 Deployments) is 25 million label
 * comparisons: a minute for the CodeLenses of one file. Here candidates come from a label index (labelIndex.ts,
 * patched as files change) and are then confirmed with the very same `selects`, and narrowed to the Service's own
 * folder tree by the very same applications.ts, so the answers are identical.
 */
import type { ServiceModel, WorkloadModel } from './model';
import { isTemplated, namespaceOf, podLabelsOf, selectorMatchesPods, selects, usableSelector } from './selection';
import { oneDefinitionEach, type ObjectRef, type WorkspaceIndex } from './workspace';
import { LabelIndex, type LabelEntry, type NamespaceBucket } from './labelIndex';
import { nearestApplication } from './applications';

type WorkloadRef = ObjectRef<WorkloadModel>;
type ServiceRef = ObjectRef<ServiceModel>;

/** A workload's pod labels; templated values and labels controllers add (pod-template-hash...) match any value. */
function workloadEntry(workload: WorkloadModel): LabelEntry {
  const { template, generated } = podLabelsOf(workload);
  const pairs: Array<[string, string]> = [];
  const anyValue: string[] = [];
  for (const [key, value] of Object.entries(template)) {
    if (isTemplated(value)) anyValue.push(key);
    else pairs.push([key, value]);
  }
  for (const key of Object.keys(generated)) if (!(key in template)) anyValue.push(key);
  return { namespace: namespaceOf(workload), pairs, anyValue };
}

/** A Service's selector, when it selects anything. */
function serviceEntry(service: ServiceModel): LabelEntry | undefined {
  const selector = usableSelector(service);
  return selector ? { namespace: namespaceOf(service), pairs: Object.entries(selector), anyValue: [] } : undefined;
}

/** Positions in `bucket` of objects that carry `key=value` or match `key` with any value. */
function withLabel(bucket: NamespaceBucket, key: string, value: string): number[] {
  const exact = bucket.values.get(key)?.get(value) ?? [];
  const open = bucket.anyValue.get(key) ?? [];
  return open.length === 0 ? exact : [...exact, ...open];
}

export class SelectionIndex {
  private readonly workloadLabels = new LabelIndex<WorkloadModel>(workloadEntry);
  private readonly serviceSelectors = new LabelIndex<ServiceModel>(serviceEntry);
  private workloadRefs: readonly WorkloadRef[] = [];
  private serviceRefs: readonly ServiceRef[] = [];

  constructor(private readonly workspace: WorkspaceIndex) {}

  /**
   * Workloads of `namespace` whose pods carry every label of `selector` (all of the namespace for `{}`), in workspace
   * order; a workload defined in two files is one workload (oneDefinitionEach). With `near`, a file's URI, only those
   * of its nearest folder tree that has any (applications.ts), as a Service in that file would select them.
   */
  workloadsMatching(selector: Record<string, string>, namespace: string, near?: string): WorkloadRef[] {
    const all = this.everyMatch(selector, namespace);
    return oneDefinitionEach(near === undefined ? all : nearestApplication(near, all, this.workspace));
  }

  /**
   * The backends of a Service of file `uri`: exactly `selectedWorkloads`. The same object defined twice counts once
   * within the Service's application, where `kubectl apply` of that folder would keep one.
   */
  selectedBy(service: ServiceModel, uri: string): WorkloadRef[] {
    const selector = usableSelector(service);
    return selector ? this.workloadsMatching(selector, namespaceOf(service), uri) : [];
  }

  /**
   * The file of a Service of the workspace, for callers that hold only its model (undefined when it is not indexed).
   * A scan by identity: microseconds for thousands of Services, where a map rebuilt after every edit cost milliseconds.
   */
  fileOf(service: ServiceModel): string | undefined {
    return this.workspace.services().find((ref) => ref.object === service)?.uri;
  }

  /**
   * Exactly `servicesSelecting(workload, workspace)`, in workspace order: the Services that select its pods and whose
   * nearest folder tree with a match holds this definition of it.
   */
  servicesSelecting(workload: WorkloadModel): ServiceRef[] {
    const refs = this.services();
    const bucket = this.serviceSelectors.bucket(namespaceOf(workload));
    if (!bucket) return [];
    const { template, generated } = podLabelsOf(workload);
    const candidates = new Set<number>();
    const addAll = (list: number[] | undefined) => list?.forEach((i) => candidates.add(i));
    // A selecting Service's labels are all on the pod, so each such Service is found through any one of them.
    for (const [key, value] of Object.entries(template)) {
      if (isTemplated(value)) bucket.values.get(key)?.forEach(addAll);
      else addAll(bucket.values.get(key)?.get(value));
    }
    for (const key of Object.keys(generated)) if (!(key in template)) bucket.values.get(key)?.forEach(addAll);
    return oneDefinitionEach(
      [...candidates]
        .sort((a, b) => a - b)
        .map((i) => refs[i])
        .filter((ref) => selects(ref.object, workload) && this.inApplicationOf(ref, workload)),
    );
  }

  /** Whether the workload is among the matches of the Service's nearest folder tree (before one definition each). */
  private inApplicationOf(service: ServiceRef, workload: WorkloadModel): boolean {
    const selector = usableSelector(service.object);
    if (!selector) return false;
    return nearestApplication(service.uri, this.everyMatch(selector, namespaceOf(service.object)), this.workspace).some((ref) => ref.object === workload);
  }

  /** Every definition in `namespace` whose pods carry the selector's labels, in workspace order. */
  private everyMatch(selector: Record<string, string>, namespace: string): WorkloadRef[] {
    const refs = this.workloads();
    const bucket = this.workloadLabels.bucket(namespace);
    if (!bucket) return [];
    const entries = Object.entries(selector);
    if (entries.length === 0) return bucket.all.map((i) => refs[i]);
    // Every match carries each selector label, so the candidates of the rarest label are enough.
    let candidates: number[] | undefined;
    for (const [key, value] of entries) {
      const found = withLabel(bucket, key, value);
      if (!candidates || found.length < candidates.length) candidates = found;
    }
    return [...new Set(candidates)]
      .sort((a, b) => a - b)
      .map((i) => refs[i])
      .filter((ref) => selectorMatchesPods(selector, podLabelsOf(ref.object)));
  }

  /** Pod label keys of the workloads in `namespace` (templated values aside), with how many carry each and a few of them. */
  labelKeys(namespace: string, examples = 3): Array<{ key: string; count: number; examples: WorkloadRef[] }> {
    const refs = this.workloads();
    const keys: Array<{ key: string; count: number; examples: WorkloadRef[] }> = [];
    for (const [key, values] of this.workloadLabels.bucket(namespace)?.values ?? []) {
      let count = 0;
      // The first workloads in workspace order, whatever order the values were indexed in.
      const first: number[] = [];
      for (const positions of values.values()) {
        count += positions.length;
        for (const i of positions.slice(0, examples)) {
          if (first.length < examples) first.push(i);
          else if (i < first[examples - 1]) first[examples - 1] = i;
          else continue;
          first.sort((a, b) => a - b);
        }
      }
      if (count > 0) keys.push({ key, count, examples: first.map((i) => refs[i]) });
    }
    return keys;
  }

  /** Values of pod label `key` in `namespace` that `accept` lets through, at most `limit`, with their workloads. */
  labelValues(
    namespace: string,
    key: string,
    accept: (value: string) => boolean,
    limit: number,
  ): { values: Array<{ value: string; workloads: WorkloadRef[] }>; truncated: boolean } {
    const refs = this.workloads();
    const values: Array<{ value: string; workloads: WorkloadRef[] }> = [];
    for (const [value, positions] of this.workloadLabels.bucket(namespace)?.values.get(key) ?? []) {
      if (positions.length === 0 || !accept(value)) continue;
      if (values.length >= limit) return { values, truncated: true };
      values.push({ value, workloads: positions.map((i) => refs[i]) });
    }
    return { values, truncated: false };
  }

  /** Namespaces that have workloads. */
  namespaces(): string[] {
    this.workloads();
    return this.workloadLabels.namespaces().filter((ns) => (this.workloadLabels.bucket(ns)?.all.length ?? 0) > 0);
  }

  private workloads(): readonly WorkloadRef[] {
    const refs = this.workspace.workloads();
    if (refs !== this.workloadRefs) {
      this.workloadRefs = refs;
      this.workloadLabels.sync(refs.map((ref) => ref.object));
    }
    return refs;
  }

  private services(): readonly ServiceRef[] {
    const refs = this.workspace.services();
    if (refs !== this.serviceRefs) {
      this.serviceRefs = refs;
      this.serviceSelectors.sync(refs.map((ref) => ref.object));
    }
    return refs;
  }
}

const indexes = new WeakMap<WorkspaceIndex, SelectionIndex>();

/** The selection index of a workspace; it follows the workspace's changes by itself. */
export function selectionIndex(workspace: WorkspaceIndex): SelectionIndex {
  let index = indexes.get(workspace);
  if (!index) indexes.set(workspace, (index = new SelectionIndex(workspace)));
  return index;
}
