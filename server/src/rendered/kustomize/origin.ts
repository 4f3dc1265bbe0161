/**
 * From a field of `kustomize build` output back to the characters a user wrote: the last step of the build that wrote
 * the field (a patch line, the inline patch's line in the kustomization, a transformer entry), else the base resource
 * line that has it. "Last" is checked against the rendered value: a writer whose value is not the one rendered was
 * overwritten by something later, so it is skipped (this also keeps a patch whose target this reader mis-judges from
 * taking the blame). Kustomize prints keys sorted and resources in its own order, so fields are found by path, never
 * by line; list items are matched by their merge key (`port` for Service ports, `name` for containers, ...), as a
 * strategic-merge patch matches them, else by position.
 *
 * Every origin's `via` is the build's label (`overlay overlays/prod`). The same base line is reached from each overlay
 * that includes the base, and the base file is also checked as a plain manifest (and, with its own kustomization, as
 * its own build). The integrator reports a finding once per (rule, origin uri, start, end) across the plain check and
 * all builds, keeping the plain check's when there is one: a base's own problem then appears once, on its line, and a
 * problem that only an overlay causes lands on that overlay's patch or kustomization line, which no other build
 * reaches, naming the overlay.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { asMap, asSeq, fieldOf, spanOf, type Span } from '../../document/yamlNodes';
import type { FileModel } from '../../kubernetes/manifest';
import { locate, type PathSegment } from '../../kubernetes/locate';
import type { K8sObject } from '../../kubernetes/model';
import type { Origin } from '../source';
import { fileUri, type Build, type SourceResource, type Step } from './tree';
import { identityAfter, selects, type Identity } from './targets';

/** One step of a rendered path; a list item carries the merge key and value it is matched by. */
type Segment = { key: string } | { index: number; last: number; mergeKey?: string; mergeValue?: string };

/** A place that wrote the field, with the value it wrote when that is a scalar. */
interface Writer {
  uri: string;
  start: number;
  end: number;
  /** Whether the rendered scalar can be what this writer wrote; undefined: it wrote a collection. */
  wrote?: (rendered: string) => boolean;
  base?: true;
}

export type OriginOf = (start: number, end: number) => Origin | undefined;

export function originMap(file: FileModel, build: Build, via: string): OriginOf {
  const sources = new Map<K8sObject, SourceResource | undefined>();
  const finals = new Map<SourceResource, Identity>();
  for (const resource of build.resources) finals.set(resource, identityAfter(resource, build.steps, build.steps.length));

  const sourceOf = (object: K8sObject): SourceResource | undefined => {
    if (!sources.has(object)) sources.set(object, matchSource(object, finals));
    return sources.get(object);
  };

  return (start) => {
    const located = locate(file, start);
    if (!located) return undefined;
    const resource = sourceOf(located.object);
    if (!resource) return undefined;
    const segments = segmentsOf(located.object, located.path);
    for (let length = segments.length; length >= 0; length--) {
      const path = segments.slice(0, length);
      const onKey = length < segments.length || located.onKey;
      const writer = lastWriter(writersOf(resource, path, onKey, build), renderedScalar(located.object.root, path));
      if (writer) return { uri: writer.uri, start: writer.start, end: writer.end, via };
    }
    return undefined;
  };
}

/** The source resource a rendered object came from: same kind, and the name and namespace the build gave it. */
function matchSource(object: K8sObject, finals: ReadonlyMap<SourceResource, Identity>): SourceResource | undefined {
  const candidates = [...finals].filter(([resource]) => resource.kind === object.kind);
  const exact = candidates.find(([, identity]) => identity.name === object.name && (identity.namespace ?? '') === (object.namespace ?? ''));
  return (exact ?? candidates.find(([, identity]) => identity.name === object.name))?.[0];
}

function segmentsOf(object: K8sObject, path: readonly PathSegment[]): Segment[] {
  const segments: Segment[] = [];
  let node: Node | null | undefined = object.root;
  const keys: string[] = [];
  for (const part of path) {
    if (typeof part === 'string') {
      segments.push({ key: part });
      keys.push(part);
      node = fieldOf(asMap(node), part)?.node;
      continue;
    }
    const seq = asSeq(node);
    const item = seq?.items[part] as Node | undefined;
    const mergeKey = mergeKeyOf(object.kind, keys);
    const mergeValue = mergeKey === undefined ? undefined : scalarText(fieldOf(asMap(item), mergeKey)?.node);
    segments.push({ index: part, last: (seq?.items.length ?? 0) - 1, ...(mergeValue !== undefined ? { mergeKey, mergeValue } : {}) });
    node = item;
  }
  return segments;
}

/**
 * The patch merge keys of the lists a Service or workload has (`patchMergeKey` in k8s.io/api/core/v1/types.go:
 * ServiceSpec.Ports by `port`, Container.Ports by `containerPort`, containers, env and volumes by `name`, volume mounts
 * by `mountPath`); other lists are matched by position.
 */
function mergeKeyOf(kind: string, keys: readonly string[]): string | undefined {
  const last = keys[keys.length - 1];
  if (last === 'ports') return kind === 'Service' && keys.length === 2 && keys[0] === 'spec' ? 'port' : 'containerPort';
  if (last === 'volumeMounts') return 'mountPath';
  if (last === 'volumeDevices') return 'devicePath';
  if (['containers', 'initContainers', 'ephemeralContainers', 'env', 'volumes', 'imagePullSecrets'].includes(last)) return 'name';
  return undefined;
}

function scalarText(node: Node | null | undefined): string | undefined {
  return isScalar(node) && node.value !== null && typeof node.value !== 'object' ? String(node.value) : undefined;
}

/** The rendered value at a path when it is a scalar; undefined for a collection. */
function renderedScalar(root: YAMLMap, path: readonly Segment[]): string | undefined {
  const found = navigate(root, path);
  return found ? scalarText(found.node) : undefined;
}

interface Found {
  node: Node | null | undefined;
  keySpan?: Span;
  valueSpan?: Span;
}

/** Follows a path in a YAML node, matching list items by merge key where there is one. */
function navigate(root: Node | null | undefined, path: readonly Segment[]): Found | undefined {
  let found: Found = { node: root, valueSpan: spanOf(root) };
  for (const segment of path) {
    if ('key' in segment) {
      const field = fieldOf(asMap(found.node), segment.key);
      if (!field) return undefined;
      found = { node: field.node, keySpan: field.keySpan, valueSpan: field.valueSpan };
      continue;
    }
    const items = (asSeq(found.node)?.items ?? []) as Node[];
    const item =
      segment.mergeKey !== undefined
        ? items.find((candidate) => scalarText(fieldOf(asMap(candidate), segment.mergeKey!)?.node) === segment.mergeValue)
        : items[segment.index];
    if (!item) return undefined;
    // A list item has no key: its first key (`- name: web`) stands for it.
    found = { node: item, keySpan: spanOf(asMap(item)?.items[0]?.key as Node | undefined), valueSpan: spanOf(item) };
  }
  return found;
}

/**
 * The writer to name: for a scalar, the last one whose value is the rendered one (else the last one); for a
 * collection, the base that has it, else the first step that created it.
 */
function lastWriter(writers: readonly Writer[], rendered: string | undefined): Writer | undefined {
  if (rendered === undefined) return writers.find((writer) => writer.base) ?? writers[0];
  for (let i = writers.length - 1; i >= 0; i--) {
    const wrote = writers[i].wrote;
    if (!wrote || wrote(rendered)) return writers[i];
  }
  return writers[writers.length - 1];
}

function writersOf(resource: SourceResource, path: readonly Segment[], onKey: boolean, build: Build): Writer[] {
  const writers: Writer[] = [];
  const inBase = navigate(resource.root, path);
  const base = inBase && place(resource.uri, inBase, onKey, (offset) => offset);
  if (base) writers.push({ ...base, base: true });
  build.steps.forEach((step, index) => {
    if (!step.scope.has(resource)) return;
    const before = identityAfter(resource, build.steps, index);
    writers.push(...stepWriters(step, resource, before, path, onKey));
  });
  return writers;
}

/** A found node as a writer in the file at `uri`; `toSource` maps the node's offsets into that file. */
function place(uri: string, found: Found, onKey: boolean, toSource: (offset: number) => number | undefined, fallback?: Span): Writer | undefined {
  const span = (onKey ? found.keySpan : undefined) ?? found.valueSpan ?? found.keySpan;
  if (!span) return undefined;
  const start = toSource(span.start);
  const end = toSource(span.end);
  const placed = start !== undefined && end !== undefined ? { start, end } : fallback;
  if (!placed) return undefined;
  const value = scalarText(found.node);
  return { uri, ...placed, wrote: isMap(found.node) || isSeq(found.node) ? undefined : (rendered) => rendered === value };
}

function stepWriters(step: Step, resource: SourceResource, identity: Identity, path: readonly Segment[], onKey: boolean): Writer[] {
  const uri = fileUri(step.kustomization.path);
  const keys = path.map((segment) => ('key' in segment ? segment.key : undefined));
  const at = (span: Span, wrote: (rendered: string) => boolean): Writer[] => [{ uri, start: span.start, end: span.end, wrote }];
  switch (step.kind) {
    case 'patch':
      return patchWriters(step, resource, identity, path, onKey);
    case 'namespace':
      return sameKeys(keys, ['metadata', 'namespace']) ? at(step.entry.span, (rendered) => rendered === step.entry.value) : [];
    case 'prefixSuffix': {
      const entry = step.prefix ?? step.suffix;
      if (!entry || !sameKeys(keys, ['metadata', 'name'])) return [];
      return at(entry.span, (rendered) => rendered.startsWith(step.prefix?.value ?? '') && rendered.endsWith(step.suffix?.value ?? ''));
    }
    case 'labels': {
      const parent = keys[keys.length - 2];
      const inTemplate = keys.includes('template');
      const allowed =
        sameKeys(keys.slice(0, -1), ['metadata', 'labels']) ||
        (parent === 'labels' && inTemplate && (step.set.selectors || step.set.templates)) ||
        ((parent === 'selector' || parent === 'matchLabels') && step.set.selectors);
      const pair = allowed ? step.set.pairs.find((candidate) => candidate.key === keys[keys.length - 1]) : undefined;
      return pair ? at(onKey ? pair.keySpan : pair.span, (rendered) => rendered === pair.value) : [];
    }
    case 'annotations': {
      if (keys[keys.length - 2] !== 'annotations') return [];
      const pair = step.pairs.find((candidate) => candidate.key === keys[keys.length - 1]);
      return pair ? at(onKey ? pair.keySpan : pair.span, (rendered) => rendered === pair.value) : [];
    }
    case 'replicas': {
      const named = step.entry.name === resource.name || step.entry.name === identity.name;
      return named && sameKeys(keys, ['spec', 'replicas']) ? at(step.entry.count.span, (rendered) => rendered === step.entry.count.value) : [];
    }
    case 'image': {
      if (keys[keys.length - 1] !== 'image') return [];
      const { name, newName, newTag, digest } = step.entry;
      const image = newName ?? name;
      return at(step.entry.span, (rendered) => {
        if (!rendered.startsWith(image)) return false;
        const rest = rendered.slice(image.length);
        return (newTag === undefined || rest.startsWith(`:${newTag}`)) && (digest === undefined || rest.endsWith(`@${digest}`));
      });
    }
  }
}

function sameKeys(keys: ReadonlyArray<string | undefined>, expected: readonly string[]): boolean {
  return keys.length === expected.length && expected.every((key, i) => keys[i] === key);
}

function patchWriters(
  step: Extract<Step, { kind: 'patch' }>,
  resource: SourceResource,
  identity: Identity,
  path: readonly Segment[],
  onKey: boolean,
): Writer[] {
  const { patch, entry } = step;
  const writers: Writer[] = [];
  if (entry.target && !selects(entry.target, identity, resource)) return writers;
  for (const root of patch.roots) {
    if (isMap(root)) {
      if (!entry.target && !patchNames(root, resource, identity)) continue;
      if (identifiesTarget(path)) continue;
      const found = navigate(root, path);
      const writer = found && place(patch.uri, found, onKey, patch.toSource, patch.fallback);
      if (writer) writers.push(writer);
    } else if (isSeq(root)) {
      for (const operation of root.items) {
        const writer = operationWriter(asMap(operation), path, onKey, patch);
        if (writer) writers.push(writer);
      }
    }
  }
  return writers;
}

/** A strategic-merge patch's kind, apiVersion, name and namespace say which object it patches; they write nothing. */
function identifiesTarget(path: readonly Segment[]): boolean {
  const keys = path.map((segment) => ('key' in segment ? segment.key : ''));
  return sameKeys(keys, ['kind']) || sameKeys(keys, ['apiVersion']) || sameKeys(keys, ['metadata', 'name']) || sameKeys(keys, ['metadata', 'namespace']);
}

/** Whether a strategic-merge patch without a target names this resource: by kind and by its current or original name. */
function patchNames(root: YAMLMap, resource: SourceResource, identity: Identity): boolean {
  const kind = scalarText(fieldOf(root, 'kind')?.node);
  const metadata = asMap(fieldOf(root, 'metadata')?.node);
  const name = scalarText(fieldOf(metadata, 'name')?.node);
  const namespace = scalarText(fieldOf(metadata, 'namespace')?.node);
  if (kind !== resource.kind) return false;
  if (name !== identity.name && name !== resource.name) return false;
  return namespace === undefined || namespace === identity.namespace || namespace === resource.namespace;
}

/**
 * A JSON 6902 operation that sets the path or one of its ancestors (RFC 6902: `add`, `replace`, `copy`, `move` write
 * their `path`); the writer is the line inside its `value` that holds the field, else the operation's `path`.
 */
function operationWriter(
  operation: YAMLMap | undefined,
  path: readonly Segment[],
  onKey: boolean,
  patch: Extract<Step, { kind: 'patch' }>['patch'],
): Writer | undefined {
  const op = scalarText(fieldOf(operation, 'op')?.node);
  const pointerField = fieldOf(operation, 'path');
  const pointer = scalarText(pointerField?.node);
  if (!operation || !pointerField || pointer === undefined || !['add', 'replace', 'copy', 'move'].includes(op ?? '')) return undefined;
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (tokens.length > path.length) return undefined;
  const matches = tokens.every((token, i) => {
    const segment = path[i];
    if ('key' in segment) return token === segment.key;
    return token === String(segment.index) || (token === '-' && segment.index === segment.last);
  });
  if (!matches) return undefined;
  const valueField = fieldOf(operation, 'value');
  if (valueField && (op === 'add' || op === 'replace')) {
    const rest = path.slice(tokens.length);
    const found = rest.length === 0 ? { node: valueField.node, keySpan: valueField.keySpan, valueSpan: valueField.valueSpan } : navigate(valueField.node, rest);
    return found ? place(patch.uri, found, onKey, patch.toSource, patch.fallback) : undefined;
  }
  // `copy` and `move` take their value from elsewhere in the object: this reader cannot check it, so it is not checked.
  const moved = place(patch.uri, { node: undefined, keySpan: pointerField.keySpan, valueSpan: pointerField.valueSpan }, false, patch.toSource, patch.fallback);
  return moved && { ...moved, wrote: undefined };
}
