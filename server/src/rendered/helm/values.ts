/**
 * The values a chart is rendered with, layer by layer: values.yaml, then the variant's values file, then its `--set`.
 * Helm merges them the same way (pkg/chart/common/util/coalesce.go): maps merge key by key, anything else (lists
 * included) is replaced by the higher layer. Each leaf remembers the layer that set it and, for a file, where.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { fieldsOf, spanOf, type Span } from '../../document/yamlNodes';
import { parseValueSet, type ValuesPath } from './valueSets';

export interface ValuesLayer {
  /** `values.yaml`, `values-prod.yaml` (relative to the chart), or `--set <assignments>`. */
  label: string;
  /** File-system path of a values file; undefined for a value set. */
  path?: string;
  /** The layer's tree as plain data (maps, lists, scalars). */
  tree: Record<string, unknown>;
  /** Where each scalar leaf is written, by `pathKey`: the value's span in the file, or the assignment's text. */
  leaves: Map<string, { span?: Span; assignment?: string }>;
}

export interface Leaf {
  path: ValuesPath;
  value: string | number | boolean;
  /** The highest layer that defines this leaf: it is the one the user must change. */
  layer: ValuesLayer;
}

export const pathKey = (path: ValuesPath) => JSON.stringify(path);

/**
 * A values file's layer; undefined when it is not a YAML mapping (Helm itself refuses it then). `scope` places a
 * subchart's own values.yaml under its name (`['redis']`), where the parent's values see it.
 */
export function fileLayer(label: string, path: string, text: string, scope: ValuesPath = []): ValuesLayer | undefined {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  const contents = doc.contents as Node | null;
  if (contents !== null && !isMap(contents)) return undefined;
  const leaves = new Map<string, { span?: Span }>();
  let tree = (contents === null ? {} : readNode(contents, [...scope], leaves)) as Record<string, unknown>;
  for (const segment of [...scope].reverse()) tree = { [segment]: tree };
  return { label, path, tree, leaves };
}

function readNode(node: Node | null, path: Array<string | number>, leaves: Map<string, { span?: Span }>): unknown {
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const field of fieldsOf(node)) out[field.key] = readNode(field.node, [...path, field.key], leaves);
    return out;
  }
  if (isSeq(node)) return node.items.map((item, i) => readNode(item as Node, [...path, i], leaves));
  if (isScalar(node)) {
    leaves.set(pathKey(path), { span: spanOf(node) });
    return node.value;
  }
  return null;
}

/** The layer of one `--set` argument; undefined when it cannot be read the way Helm reads it. */
export function setLayer(valueSet: string): ValuesLayer | undefined {
  const assignments = parseValueSet(valueSet);
  if (!assignments) return undefined;
  const tree: Record<string, unknown> = {};
  const leaves = new Map<string, { assignment: string }>();
  for (const assignment of assignments) {
    assignAt(tree, assignment.path, assignment.value);
    const value = assignment.value;
    if (Array.isArray(value)) value.forEach((_, i) => leaves.set(pathKey([...assignment.path, i]), { assignment: assignment.text }));
    else leaves.set(pathKey(assignment.path), { assignment: assignment.text });
  }
  return { label: `--set ${valueSet}`, tree, leaves };
}

function assignAt(tree: Record<string, unknown> | unknown[], path: ValuesPath, value: unknown): void {
  let node: Record<string, unknown> | unknown[] = tree;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i];
    const nextIsIndex = typeof path[i + 1] === 'number';
    const current = (node as Record<string | number, unknown>)[segment];
    const fits = nextIsIndex ? Array.isArray(current) : isPlainMap(current);
    if (!fits) (node as Record<string | number, unknown>)[segment] = nextIsIndex ? [] : {};
    node = (node as Record<string | number, unknown>)[segment] as Record<string, unknown> | unknown[];
  }
  (node as Record<string | number, unknown>)[path[path.length - 1]] = value;
}

const isPlainMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The values a render sees: layers merged the way Helm coalesces them, lowest first. */
export function mergeLayers(layers: readonly ValuesLayer[]): Record<string, unknown> {
  let merged: Record<string, unknown> = {};
  for (const layer of layers) merged = mergeMaps(merged, layer.tree);
  return merged;
}

function mergeMaps(lower: Record<string, unknown>, higher: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...lower };
  for (const [key, value] of Object.entries(higher)) {
    // A null in a user's values deletes the chart's default (coalesce.go, "if value == nil ... delete").
    if (value === null) delete out[key];
    else out[key] = isPlainMap(value) && isPlainMap(out[key]) ? mergeMaps(out[key] as Record<string, unknown>, value) : value;
  }
  return out;
}

/** Every scalar leaf of the merged values with the layer that set it (a list belongs to the layer that wrote it whole). */
export function effectiveLeaves(layers: readonly ValuesLayer[], limit = 20_000): Leaf[] {
  const leaves: Leaf[] = [];
  const visit = (value: unknown, path: Array<string | number>) => {
    if (leaves.length >= limit) return;
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]));
    else if (isPlainMap(value)) for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      const layer = definingLayer(layers, path);
      if (layer) leaves.push({ path, value, layer });
    }
  };
  visit(mergeLayers(layers), []);
  return leaves;
}

/** The merged leaf at a path with the layer that set it; undefined for a path that holds no scalar. */
export function leafAt(layers: readonly ValuesLayer[], path: ValuesPath): Leaf | undefined {
  const value = valueAt(mergeLayers(layers), path);
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const layer = definingLayer(layers, path);
  return layer && { path, value, layer };
}

function definingLayer(layers: readonly ValuesLayer[], path: ValuesPath): ValuesLayer | undefined {
  for (let i = layers.length - 1; i >= 0; i--) if (layers[i].leaves.has(pathKey(path))) return layers[i];
  return undefined;
}

/** The value at a path of plain data, undefined when the path leads nowhere. */
export function valueAt(tree: unknown, path: ValuesPath): unknown {
  let node = tree;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
