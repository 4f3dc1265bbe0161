import { levenshtein } from '../kubernetes/schema/nearMiss';
import { isScalar } from 'yaml';
import { selectionIndex } from '../kubernetes/selectionIndex';
import { sameFolderTree, sharedFolderDepth, workspaceFloor } from '../kubernetes/applications';
import type { K8sObject, ServiceModel, WorkloadModel } from '../kubernetes/model';
import { defineServiceRule } from '../analysis/rule';
import type { Fix, FixContext } from '../analysis/fix';
import { fixOf, serviceSpec } from '../analysis/fixHelpers';
import { indentOf, lineContentEnd, lineEnding, removePairs, renameKey, replaceNode, replaceScalar, scalarText, type TextEdit } from '../document/edits';
import {
  formatLabels,
  isTemplated,
  locate,
  namespaceOf,
  podHasLabel,
  podLabelsOf,
  relatedAt,
  usableSelector,
  workspaceObjects,
  type ObjectLocation,
} from '../kubernetes/selection';
import type { ObjectRef, WorkspaceIndex } from '../kubernetes/workspace';
import { asMap, fieldOf, fieldsOf, spanOf, stringMap, stringValue } from '../document/yamlNodes';

/** One selector label as the closest workload's pods have it. */
interface LabelDifference {
  key: string;
  expected: string;
  /** The pod label that comes closest: same key with another value, or the key in another case. */
  actualKey?: string;
  actual?: string;
}

interface Candidate {
  ref: ObjectRef<WorkloadModel>;
  score: number;
  differences: LabelDifference[];
  namespaceDiffers: boolean;
  /** The workload's own metadata.labels match, but its pod template's don't. */
  onlyObjectLabelsMatch: boolean;
}

/** The workload whose pods come closest to the selector, where it is, and how its pod labels differ. */
interface Closest {
  kind: string;
  name?: string;
  namespace: string;
  uri: string;
  line: number;
  range: ObjectLocation['range'];
  podLabels: Record<string, string>;
  differences: LabelDifference[];
  namespaceDiffers: boolean;
  onlyObjectLabelsMatch: boolean;
}

type Data = { selector: Record<string, string>; namespace: string; closest: Closest | undefined };

/**
 * The EndpointSlice controller lists pods by `spec.selector` in the Service's namespace
 * (pkg/controller/endpointslice, ServiceSelectorCache + pod lister). A selector that matches no pod is accepted by the
 * API server, but the Service then has no endpoints and every connection to it fails.
 */
export const selectorMatchesNothing = defineServiceRule<Data>({
  id: 'selector-matches-nothing',
  defaultSeverity: 'warning',
  description: 'The Service selector matches no pod template of any workload in its namespace, so the Service has no endpoints.',
  crossResource: true,
  partialSafe: false,
  check(service, ctx) {
    const selector = usableSelector(service);
    const selectorField = service.fields.selector;
    if (!selector || !selectorField) return;
    const workloads = ctx.workspace.workloads();
    // No workload anywhere: the pods are defined outside this workspace (another repo, a chart), so say nothing.
    if (workloads.length === 0 || selectionIndex(ctx.workspace).selectedBy(service, ctx.uri).length > 0) return;
    if (operatorOwned(service, selector, ctx.workspace)) return;
    // A workload of the Service's own folder tree whose document does not parse right now (being typed), and whose
    // pod labels the break took away, may be the one it selects: wait until it parses rather than raise an alarm that
    // the next keystroke takes back. A broken file elsewhere does not silence the rule.
    if (
      workloads.some(
        (ref) =>
          ref.chunk.parsed.recovered &&
          Object.keys(ref.object.podLabels).length === 0 &&
          sameNamespace(ref.object, service) &&
          sameFolderTree(ctx.uri, ref.uri),
      )
    )
      return;

    const closest = closestWorkload(service, selector, workloads, (ref) => sharedFolderDepth(ctx.uri, ref.uri, workspaceFloor(ctx.uri, ctx.workspace)));
    const where = service.namespace ? `in namespace \`${service.namespace}\`` : 'in the same namespace';
    let message =
      `Service \`${service.name ?? '(unnamed)'}\` selects pods with \`${formatLabels(selector)}\`, but no workload ${where} in this workspace ` +
      '(Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or Pod) has pods with all of those labels.';
    let location: ObjectLocation | undefined;
    if (closest) {
      location = locate(closest.ref, ctx.workspace, labelsSpan(closest.ref.object) ?? closest.ref.object.anchorSpan);
      message += ` The closest is ${closest.ref.object.kind} \`${closest.ref.object.name ?? '(unnamed)'}\` (${location.file}:${location.line})${explain(closest, service)}.`;
    }
    message +=
      '\nA Service whose selector matches no pod has no endpoints, so connections to it fail; make the selector and the pod labels (spec.template.metadata.labels, or metadata.labels of a Pod) agree.';
    const labelsAt = closest ? (labelsSpan(closest.ref.object) ?? closest.ref.object.anchorSpan) : undefined;
    ctx.report({
      span: selectorField.keySpan,
      message,
      related:
        closest && labelsAt
          ? [
              relatedAt(
                closest.ref,
                `Closest: ${closest.ref.object.kind} ${closest.ref.object.name ?? '(unnamed)'}, pods labelled ${formatLabels(closest.ref.object.podLabels) || '(none)'}`,
                labelsAt,
              ),
            ]
          : undefined,
      data: {
        selector,
        namespace: namespaceOf(service),
        closest:
          closest && location
            ? {
                kind: closest.ref.object.kind,
                name: closest.ref.object.name,
                namespace: namespaceOf(closest.ref.object),
                uri: location.uri,
                line: location.line,
                range: location.range,
                podLabels: closest.ref.object.podLabels,
                differences: closest.differences,
                namespaceDiffers: closest.namespaceDiffers,
                onlyObjectLabelsMatch: closest.onlyObjectLabelsMatch,
              }
            : undefined,
      },
    });
  },
  fixes: fixSelector,
});

function explain(candidate: Candidate, service: ServiceModel): string {
  const parts: string[] = [];
  if (candidate.onlyObjectLabelsMatch) {
    parts.push(', whose own metadata.labels match but whose pod template labels do not: a Service selects pods, not the workload object');
  }
  const diffs = candidate.differences.map((d) =>
    d.actual === undefined ? `no \`${d.key}\` label` : `\`${d.actualKey ?? d.key}=${d.actual}\` instead of \`${d.key}=${d.expected}\``,
  );
  if (diffs.length > 0 && !candidate.onlyObjectLabelsMatch) parts.push(`: its pods have ${diffs.join(', ')}`);
  if (candidate.namespaceDiffers) {
    const joint = parts.length > 0 ? ', and it' : ', but it';
    const ns = candidate.ref.object.namespace
      ? `is in namespace \`${candidate.ref.object.namespace}\``
      : 'has no namespace (so it lands in `default` unless applied elsewhere)';
    const own = service.namespace ? `\`${service.namespace}\`` : 'the default namespace';
    parts.push(`${joint} ${ns} while the Service is in ${own}; a Service only selects pods in its own namespace`);
  }
  return parts.join('');
}

/**
 * A workload "close" to the selector, so the message can name the likely typo. Each selector label scores 0
 * (present), 0.2 (differs only in case), 0.2-1 (same key, value by edit distance) or 1 (missing); another namespace
 * adds 0.5; lowest wins. A workload qualifies only when it shares a selector label, or every difference is a near
 * miss (case, or a value at least half similar), or only its namespace or object-vs-template labels differ, so an
 * unrelated workload is never named. Among those, the Service's own folder tree comes first (`nearness`, the depth of
 * the folder they share), as it does for selection (applications.ts): one example's typo is not fixed with another
 * example's labels.
 */
function closestWorkload(
  service: ServiceModel,
  selector: Record<string, string>,
  workloads: readonly ObjectRef<WorkloadModel>[],
  nearness: (ref: ObjectRef<WorkloadModel>) => number,
): Candidate | undefined {
  let best: Candidate | undefined;
  let bestNearness = -1;
  for (const ref of workloads) {
    const labels = podLabelsOf(ref.object);
    let score = 0;
    let shared = 0;
    let nearMisses = true;
    const differences: LabelDifference[] = [];
    for (const [key, expected] of Object.entries(selector)) {
      if (podHasLabel(labels, key, expected)) {
        shared++;
        continue;
      }
      const sameKey = labels.template[key] !== undefined ? key : Object.keys(labels.template).find((k) => k.toLowerCase() === key.toLowerCase());
      const actual = sameKey === undefined ? undefined : labels.template[sameKey];
      differences.push({ key, expected, actual, actualKey: sameKey !== key ? sameKey : undefined });
      if (actual === undefined || sameKey === undefined) {
        score += 1;
        nearMisses = false;
      } else if (actual.toLowerCase() === expected.toLowerCase()) {
        score += 0.2;
      } else if (sameKey === key) {
        const sim = similarity(actual, expected);
        score += 1 - 0.8 * sim;
        if (sim < 0.5) nearMisses = false;
      } else {
        score += 1;
        nearMisses = false;
      }
    }
    const objectLabelsMatch = differences.length > 0 && Object.entries(selector).every(([k, v]) => ref.object.labels[k] === v);
    if (objectLabelsMatch) score = Math.min(score, 0.3);
    const namespaceDiffers = namespaceOf(ref.object) !== namespaceOf(service);
    if (namespaceDiffers) score += 0.5;
    if (!(shared > 0 || nearMisses || objectLabelsMatch)) continue;
    const near = nearness(ref);
    if (!best || near > bestNearness || (near === bestNearness && score < best.score)) {
      best = { ref, score, differences, namespaceDiffers, onlyObjectLabelsMatch: objectLabelsMatch };
      bestNearness = near;
    }
  }
  return best;
}

/**
 * 1 for equal strings, 0 for nothing in common (Levenshtein distance over the longer length); a value contained in
 * the other (`web` in `web-v2`, `api` in `api-server`) counts as at least 0.6.
 */
function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const distance = 1 - levenshtein(a, b) / longer;
  const contained = Math.min(a.length, b.length) > 0 && (a.includes(b) || b.includes(a));
  return contained ? Math.max(distance, 0.6) : distance;
}

function labelsSpan(workload: WorkloadModel) {
  return spanOf(workload.podLabelsMap);
}

const BUILT_IN_GROUPS = new Set(['', 'apps', 'batch', 'autoscaling', 'policy', 'extensions']);
/** Built-in kinds (often large: CRDs, ConfigMaps) that are never composed just to look for operator resources. */
const NOT_POD_OWNERS = new Set([
  'CustomResourceDefinition',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'Namespace',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
  'NetworkPolicy',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'Ingress',
  'IngressClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
  'PriorityClass',
  'ResourceQuota',
  'LimitRange',
  'Endpoints',
  'EndpointSlice',
  'Service',
]);

/**
 * Operators create pods from custom resources (a prometheus-operator `Prometheus`, an Argo `Rollout`); those pods
 * exist in the cluster but not in any manifest. When a custom resource in the Service's namespace carries the
 * selector labels (on itself, spec.template.metadata or spec.podMetadata), the pods are presumably its own.
 */
function operatorOwned(service: ServiceModel, selector: Record<string, string>, workspace: WorkspaceIndex): boolean {
  for (const { object } of workspaceObjects(workspace, (kind) => !NOT_POD_OWNERS.has(kind), 'possible-pod-owners')) {
    if (!isCustomResource(object) || namespaceOf(object) !== namespaceOf(service)) continue;
    const spec = asMap(fieldOf(object.root, 'spec')?.node);
    const templateMeta = asMap(fieldOf(asMap(fieldOf(spec, 'template')?.node), 'metadata')?.node);
    const podMeta = asMap(fieldOf(spec, 'podMetadata')?.node);
    const candidates = [object.labels, ...[templateMeta, podMeta].map((meta) => stringMap(asMap(fieldOf(meta, 'labels')?.node), object.doc))];
    if (candidates.some((labels) => Object.entries(selector).every(([k, v]) => labels[k] === v || isTemplated(labels[k] ?? '')))) return true;
  }
  return false;
}

function isCustomResource(object: K8sObject): boolean {
  const slash = object.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : object.apiVersion.slice(0, slash);
  return !BUILT_IN_GROUPS.has(group) && !group.endsWith('.k8s.io');
}

/**
 * Makes the selector match the pods of the closest workload with the fewest edits: labels the pods carry stay, a
 * value or the case of a key is corrected, labels the pods lack go; if nothing would be left, the pods' labels are
 * copied. A workload in another namespace cannot be selected, so nothing is offered then. Changes which pods get
 * traffic, so never applied unseen.
 */
function fixSelector(ctx: FixContext<Data>): Fix[] {
  const target = serviceSpec(ctx);
  const { closest } = ctx.data;
  const selectorField = target?.service.fields.selector;
  const selector = asMap(selectorField?.node);
  if (!target || !closest || closest.namespaceDiffers || !selector || !selectorField) return [];
  const labels = closest.podLabels;
  const podKeys = Object.keys(labels);
  if (podKeys.length === 0) return [];
  const { text } = ctx.file;
  const doc = target.service.doc;
  const edits: TextEdit[] = [];
  const removed = [];
  const result: Record<string, string> = {};
  for (const field of fieldsOf(selector)) {
    const value = stringValue(field.node, doc);
    const key =
      labels[field.key] !== undefined
        ? field.key
        : podKeys.find((k) => k.toLowerCase() === field.key.toLowerCase() && !fieldsOf(selector).some((f) => f.key === k));
    if (key === undefined) {
      removed.push(field.pair);
      continue;
    }
    result[key] = labels[key];
    if (key !== field.key) edits.push(renameKey(ctx.chunk, field.pair, key));
    if (value !== labels[key]) {
      edits.push(
        isScalar(field.node) && field.node.value !== null
          ? replaceScalar(ctx.chunk, field.node, labels[key])
          : replaceNode(ctx.chunk, field.node, scalarText(labels[key])),
      );
    }
  }
  edits.push(...removePairs(text, ctx.chunk, selector, removed));
  if (Object.keys(result).length === 0) {
    Object.assign(result, labels);
    const entries = podKeys.map((k) => [scalarText(k), scalarText(labels[k])] as const);
    if (selector.flow) {
      edits.length = 0;
      edits.push(replaceNode(ctx.chunk, selector, `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`));
    } else {
      // At the end of the `selector:` line, right where the removed labels stood, at their indentation.
      const at = lineContentEnd(text, ctx.chunk.start + selectorField.keySpan.end);
      const indent = ' '.repeat(indentOf(text, ctx.chunk, selector));
      edits.push({ start: at, end: at, newText: entries.map(([k, v]) => `${lineEnding(text)}${indent}${k}: ${v}`).join('') });
    }
  }
  const who = `${closest.kind} ${closest.name ?? '(unnamed)'}`;
  return fixOf(`Change the selector to ${formatLabels(result)} (the pods of ${who})`, edits, { safe: false, preferred: true });
}

function sameNamespace(a: { namespace?: string }, b: { namespace?: string }): boolean {
  return (a.namespace || 'default') === (b.namespace || 'default');
}
