import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ContainerModel, ContainerPortModel, K8sObject, WorkloadModel } from './model';
import { chunkIndexAt, type FileModel, type PlacedChunk } from './manifest';
import { asMap, asSeq, duplicateKey, fieldFromPair, fieldOf, spanOf, type Span } from '../document/yamlNodes';

export type PathSegment = string | number;

/** What the cursor is on: the object, the field path inside it, and whether the key or the value is hovered. */
export interface Located {
  chunk: PlacedChunk;
  object: K8sObject;
  /** Field path relative to the object, e.g. ['spec', 'ports', 0, 'nodePort']. */
  path: PathSegment[];
  /** True on a mapping key, false on a value (scalar, or a collection item such as a `- ` entry). */
  onKey: boolean;
  /** The hovered key or scalar value, relative to the chunk. */
  span: Span;
  /**
   * Set when the cursor is in a pair whose key is written again later in the same mapping (the outermost such
   * pair): kubectl keeps only the last, so nothing under the cursor reaches the cluster.
   */
  dropped?: { path: PathSegment[] };
}

/**
 * Finds the node under an absolute offset. The chunk is found by binary search and only that chunk's parse is
 * walked, so the cost grows with the hovered document, not with the file.
 */
export function locate(file: FileModel, offset: number): Located | undefined {
  const chunk = chunkAt(file.chunks, offset);
  if (!chunk) return undefined;
  const relative = offset - chunk.start;
  const object = chunk.parsed.objects.find((candidate) => contains(spanOf(candidate.root), relative));
  if (!object) return undefined;
  const found = walk(object.root, relative, []);
  return found ? { chunk, object, ...found } : undefined;
}

export function chunkAt(chunks: readonly PlacedChunk[], offset: number): PlacedChunk | undefined {
  const index = chunkIndexAt(chunks, offset);
  return index < 0 ? undefined : chunks[index];
}

/** `spec.ports[0].nodePort`, the way the API server prints field paths. */
export function formatPath(path: readonly PathSegment[]): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

type Found = Omit<Located, 'chunk' | 'object'>;

function walk(node: Node, offset: number, path: PathSegment[]): Found | undefined {
  if (isMap(node)) {
    for (const pair of node.items as Pair[]) {
      const found = inPair(pair, offset, path);
      if (found) return isOverridden(node, pair) ? { ...found, dropped: { path: [...path, String((pair.key as { value: unknown }).value)] } } : found;
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node;
      const span = spanOf(item);
      if (!span || !contains(span, offset)) continue;
      if (isMap(item) || isSeq(item)) return walk(item, offset, [...path, i]) ?? { path: [...path, i], onKey: false, span };
      return { path: [...path, i], onKey: false, span };
    }
  }
  return undefined;
}

function inPair(pair: Pair, offset: number, path: PathSegment[]): Found | undefined {
  const key = pair.key;
  if (!isScalar(key) || key.value === null || typeof key.value === 'object') return undefined;
  const keyPath = [...path, String(key.value)];
  const keySpan = spanOf(key);
  if (keySpan && contains(keySpan, offset)) return { path: keyPath, onKey: true, span: keySpan };
  const value = pair.value as Node | null;
  const valueSpan = spanOf(value);
  if (!value || !valueSpan || !contains(valueSpan, offset)) return undefined;
  if (isMap(value) || isSeq(value)) return walk(value, offset, keyPath);
  if (isScalar(value) || isAlias(value)) return { path: keyPath, onKey: false, span: valueSpan };
  return undefined;
}

/** Inclusive end, so a cursor just after the last character of a token still hovers it. */
function contains(span: Span | undefined, offset: number): boolean {
  return !!span && span.start <= offset && offset <= span.end;
}

/** The container port whose `containerPort` or `name` is at `path`, found by the identity of its mapping node. */
export function containerPortAt(workload: WorkloadModel, path: PathSegment[]): { container: ContainerModel; port: ContainerPortModel } | undefined {
  const last = path[path.length - 1];
  if ((last !== 'containerPort' && last !== 'name') || path[path.length - 3] !== 'ports') return undefined;
  const map = nodeAtPath(workload.root, path.slice(0, -1));
  for (const container of workload.containers) {
    const port = container.ports.find((p) => p.map === map);
    if (port) return { container, port };
  }
  return undefined;
}

/** The node at a path, reading the entry kubectl keeps where a key is written twice (yaml's getIn reads the first). */
function nodeAtPath(root: Node, path: PathSegment[]): Node | undefined {
  let node: Node | null | undefined = root;
  for (const segment of path) {
    node = typeof segment === 'number' ? (asSeq(node)?.items[segment] as Node | undefined) : fieldOf(asMap(node), segment)?.node;
    if (!node) return undefined;
  }
  return node;
}

/** Whether a later pair of the mapping has the same key, so that kubectl drops this one (see yamlNodes.fieldsOf). */
function isOverridden(map: YAMLMap, pair: Pair): boolean {
  const field = fieldFromPair(pair);
  const key = field && duplicateKey(field);
  return key !== undefined && fieldOf(map, key)?.pair !== pair;
}
