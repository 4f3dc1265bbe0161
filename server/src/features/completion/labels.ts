/**
 * `spec.selector` completion from the pod templates of the workspace's workloads. A Service selects pods of its
 * own namespace only (EndpointSlice controller), so labels of workloads in that namespace come first; labels of
 * other namespaces are still offered, last, saying they cannot match from here. Whole selectors reuse a workload's
 * `spec.selector.matchLabels` when it has one: those are the labels its controller keys on.
 */
import { indentUnit } from '../../document/edits';
import type { WorkloadModel } from '../../kubernetes/model';
import { selectionIndex } from '../../kubernetes/selectionIndex';
import { isTemplated } from '../../kubernetes/selection';
import type { ObjectRef } from '../../kubernetes/workspace';
import { asMap, fieldOf, stringMap } from '../../document/yamlNodes';
import type { Cursor } from './cursor';
import { fuzzyIncludes, sortKey, type CompletionEntry, type CompletionEnv } from './types';

type WorkloadRef = ObjectRef<WorkloadModel>;

/** Suggestions per list are capped; typing narrows them (the result is then marked incomplete). */
const LIMIT = 100;

export const describeWorkload = (ref: WorkloadRef) => `${ref.object.kind}/${ref.object.name ?? '(unnamed)'}`;

function workloadList(refs: readonly WorkloadRef[], total = refs.length): string {
  const shown = refs.slice(0, 3).map(describeWorkload).join(', ');
  return total > 3 ? `${shown} and ${total - 3} more` : shown;
}

/** The pairs already written under `selector`, except the one at the cursor. */
function writtenPairs(cursor: Cursor): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const entry of cursor.outline.keys([...cursor.objectPath, 'spec', 'selector'])) {
    if (entry === cursor.entry || !entry.key) continue;
    pairs[entry.key.text] = entry.value?.text ?? '';
  }
  return pairs;
}

function serviceNamespace(cursor: Cursor): string {
  return cursor.outline.valueAt([...cursor.objectPath, 'metadata', 'namespace']) || 'default';
}

/** Namespaces to draw labels from: the Service's own first, then the others. */
function namespacesInOrder(env: CompletionEnv, own: string): string[] {
  return [
    own,
    ...selectionIndex(env.workspace)
      .namespaces()
      .filter((ns) => ns !== own)
      .sort(),
  ];
}

function otherNamespaceNote(ns: string, own: string): string {
  return `Only workloads in namespace \`${ns}\` carry this label. A Service selects pods of its own namespace (\`${own}\` here), so it matches nothing unless the Service moves to \`${ns}\`.`;
}

type Result = { items: CompletionEntry[]; isIncomplete: boolean };

/** Keys (and whole selectors when none is written yet) at the cursor inside `selector`. */
export function selectorKeyCompletions(cursor: Cursor, env: CompletionEnv): Result {
  const index = selectionIndex(env.workspace);
  const written = writtenPairs(cursor);
  const own = serviceNamespace(cursor);
  const items: CompletionEntry[] = [];
  const seen = new Set<string>();
  namespacesInOrder(env, own).forEach((ns, group) => {
    let keys: Array<{ key: string; count: number; examples: WorkloadRef[] }>;
    if (Object.keys(written).length === 0) {
      keys = index.labelKeys(ns);
    } else {
      const byKey = new Map<string, WorkloadRef[]>();
      for (const ref of index.workloadsMatching(written, ns, env.uri)) {
        for (const key of Object.keys(ref.object.podLabels)) if (!(key in written)) (byKey.get(key) ?? byKey.set(key, []).get(key))?.push(ref);
      }
      keys = [...byKey].map(([key, refs]) => ({ key, count: refs.length, examples: refs.slice(0, 3) }));
    }
    keys.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    for (const { key, count, examples } of keys) {
      if (seen.has(key) || key in written || isTemplated(key)) continue;
      seen.add(key);
      items.push({
        label: key,
        kind: 'label',
        detail: ns === own ? `pod label of ${workloadList(examples, count)}` : `pod label in namespace ${ns}`,
        documentation: ns === own ? undefined : otherNamespaceNote(ns, own),
        insertText: cursor.written ? key : `${key}: `,
        snippet: false,
        retrigger: !cursor.written,
        start: cursor.start,
        end: cursor.end,
        sortText: sortKey(group === 0 ? 1 : 3, items.length),
      });
    }
  });
  if (Object.keys(written).length > 0 || cursor.written) return { items, isIncomplete: false };
  const whole = wholeSelectors(cursor, env, own);
  return { items: [...whole.items, ...items], isIncomplete: whole.isIncomplete };
}

const selectorCache = new WeakMap<WorkloadModel, Record<string, string>>();

/** The labels a Service should use to select this workload's pods: its matchLabels, else its pod template's. */
function selectorFor(workload: WorkloadModel): Record<string, string> {
  let cached = selectorCache.get(workload);
  if (!cached) {
    const spec = asMap(fieldOf(workload.root, 'spec')?.node);
    const matchLabels = stringMap(asMap(fieldOf(asMap(fieldOf(spec, 'selector')?.node), 'matchLabels')?.node), workload.doc);
    const template = workload.podLabels;
    const usable = Object.keys(matchLabels).length > 0 && Object.entries(matchLabels).every(([k, v]) => template[k] === v);
    const labels = Object.entries(usable ? matchLabels : template).filter(([k, v]) => !isTemplated(k) && !isTemplated(v));
    selectorCache.set(workload, (cached = Object.fromEntries(labels)));
  }
  return cached;
}

/** One suggestion per distinct selector of the namespace's workloads, inserted as indented lines. */
function wholeSelectors(cursor: Cursor, env: CompletionEnv, own: string): Result {
  const index = selectionIndex(env.workspace);
  const items: CompletionEntry[] = [];
  const seen = new Set<string>();
  for (const ref of index.workloadsMatching({}, own)) {
    const entries = Object.entries(selectorFor(ref.object));
    const text = entries.map(([k, v]) => `${k}: ${v}`).join(', ');
    if (entries.length === 0 || seen.has(text)) continue;
    if (!fuzzyIncludes(`${text} ${ref.object.name ?? ''}`, cursor.prefix)) continue;
    if (items.length >= LIMIT) return { items, isIncomplete: true };
    seen.add(text);
    const selected = index.workloadsMatching(Object.fromEntries(entries), own, env.uri);
    const indent = ' '.repeat(cursor.column);
    items.push({
      label: text,
      kind: 'snippet',
      detail: `selects ${workloadList(selected)}`,
      documentation: `Selects the pods of ${selected
        .slice(0, 10)
        .map((r) => `${r.object.kind} \`${r.object.name ?? '(unnamed)'}\``)
        .join(', ')}${selected.length > 10 ? ` and ${selected.length - 10} more` : ''} in namespace \`${own}\`.`,
      insertText: entries.map(([k, v], i) => `${i === 0 ? '' : `\n${indent}`}${k}: ${v}`).join(''),
      snippet: false,
      filterText: `${text} ${ref.object.name ?? ''}`,
      start: cursor.start,
      end: cursor.end,
      sortText: sortKey(0, items.length),
    });
  }
  return { items, isIncomplete: false };
}

/** `selector: |`: a whole selector on the following lines. */
export function selectorValueCompletions(cursor: Cursor, env: CompletionEnv, fileText: string): Result {
  const nested: Cursor = { ...cursor, column: cursor.column + indentUnit(fileText), written: false };
  const whole = wholeSelectors(nested, env, serviceNamespace(cursor));
  // Replace from just after the colon, so the selector starts on its own line below the key.
  const colon = cursor.start - (cursor.needsSpace ? 0 : 1);
  const items = whole.items.map((item) => ({ ...item, insertText: `\n${' '.repeat(nested.column)}${item.insertText}`, start: colon }));
  return { items, isIncomplete: whole.isIncomplete };
}

/** Values of the key at the cursor (`app: |`), from workloads that also carry the other labels written. */
export function selectorLabelValueCompletions(cursor: Cursor, env: CompletionEnv): Result {
  const key = String(cursor.path[cursor.path.length - 1]);
  const index = selectionIndex(env.workspace);
  const written = writtenPairs(cursor);
  const own = serviceNamespace(cursor);
  const items: CompletionEntry[] = [];
  const seen = new Set<string>();
  let isIncomplete = false;
  const accept = (value: string) => !seen.has(value) && !isTemplated(value) && fuzzyIncludes(value, cursor.prefix);
  for (const [group, ns] of namespacesInOrder(env, own).entries()) {
    let values: Array<{ value: string; workloads: WorkloadRef[] }>;
    if (Object.keys(written).length === 0) {
      const found = index.labelValues(ns, key, accept, LIMIT - items.length);
      values = found.values;
      isIncomplete ||= found.truncated;
    } else {
      const byValue = new Map<string, WorkloadRef[]>();
      for (const ref of index.workloadsMatching(written, ns, env.uri)) {
        const value = ref.object.podLabels[key];
        if (value !== undefined && accept(value)) (byValue.get(value) ?? byValue.set(value, []).get(value))?.push(ref);
      }
      values = [...byValue].map(([value, workloads]) => ({ value, workloads }));
    }
    for (const { value, workloads } of values) {
      if (items.length >= LIMIT) return { items, isIncomplete: true };
      seen.add(value);
      items.push({
        label: value,
        kind: 'value',
        detail: ns === own ? workloadList(workloads) : `pod label in namespace ${ns}`,
        documentation: ns === own ? undefined : otherNamespaceNote(ns, own),
        insertText: `${cursor.needsSpace ? ' ' : ''}${value}`,
        snippet: false,
        filterText: value,
        start: cursor.start,
        end: cursor.end,
        sortText: sortKey(group === 0 ? 1 : 3, items.length),
      });
    }
  }
  return { items, isIncomplete };
}
