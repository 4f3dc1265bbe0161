import { isMap, isScalar, isSeq, isAlias, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { resolveAlias } from './aliases';
import { jsonKey } from './jsonView';

export { resolveAlias };

/** A character span, relative to the start of the chunk the node was parsed from. */
export interface Span {
  start: number;
  end: number;
}

/** One `key: value` entry of a mapping, with the source spans of both sides. */
export interface Field {
  key: string;
  pair: Pair;
  keyNode: Scalar;
  /** The value node; null for `key:` with nothing after it. */
  node: Node | null;
  keySpan: Span;
  /** The value's span, or an empty span just after the key when there is no value. */
  valueSpan: Span;
}

export function spanOf(node: { range?: [number, number, number] | null } | null | undefined): Span | undefined {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

/**
 * The entries of a mapping as kubectl sends them, complex keys skipped. A key written twice keeps only its last
 * value: kubectl reads files with cli-runtime's StreamVisitor, whose YAMLOrJSONDecoder converts each document with
 * sigs.k8s.io/yaml YAMLToJSON, i.e. go-yaml v2 `Unmarshal` (not `UnmarshalStrict`) into a map, where each later pair
 * overwrites the earlier one. The API server gets the JSON, so it never sees the dropped pair. Every reader goes
 * through here or fieldOf so that all of them see the same (winning) pair; duplicate-field alone wants allFieldsOf.
 */
export function fieldsOf(map: YAMLMap): Field[] {
  const fields = allFieldsOf(map);
  const last = new Map<string, Field>();
  for (const field of fields) {
    const key = duplicateKey(field);
    if (key !== undefined) last.set(key, field);
  }
  if (last.size === fields.length) return fields;
  return fields.filter((field) => {
    const key = duplicateKey(field);
    return key === undefined || last.get(key) === field;
  });
}

/** Every entry as written, including those a later entry with the same key overrides. */
export function allFieldsOf(map: YAMLMap): Field[] {
  const fields: Field[] = [];
  for (const pair of map.items) {
    const field = fieldFromPair(pair);
    if (field) fields.push(field);
  }
  return fields;
}

/**
 * The key two entries collide on: the JSON key sigs.k8s.io/yaml makes of it (`80:` and `"80":` are one key).
 * Undefined for YAML 1.1 merge keys (`<<: *base`), which go-yaml merges rather than keeps, so several may coexist.
 */
export function duplicateKey(field: Field): string | undefined {
  if (field.key === '<<' && field.keyNode.type === 'PLAIN') return undefined;
  return jsonKey(field.keyNode);
}

/** The entry kubectl keeps for `key`: the last one written (see fieldsOf). */
export function fieldOf(map: YAMLMap | undefined, key: string): Field | undefined {
  if (!map) return undefined;
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i];
    if (!isScalar(pair.key) || jsonKey(pair.key) !== key) continue;
    const field = fieldFromPair(pair);
    if (field) return field;
  }
  return undefined;
}

/** The pair as a Field, or undefined when its key is not a scalar (or has no source range). */
export function fieldFromPair(pair: Pair): Field | undefined {
  const keyNode = pair.key;
  if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') return undefined;
  const keySpan = spanOf(keyNode);
  if (!keySpan) return undefined;
  const node = (pair.value ?? null) as Node | null;
  const valueSpan = spanOf(node) ?? { start: keySpan.end, end: keySpan.end };
  return { key: String(keyNode.value), pair, keyNode, node, keySpan, valueSpan };
}

/** The scalar value of a node, following an alias; undefined for collections and missing nodes. */
export function scalarValue(node: Node | null | undefined, doc?: Document): unknown {
  let target: unknown = node;
  if (isAlias(target) && doc) target = resolveAlias(target, doc);
  return isScalar(target) ? target.value : undefined;
}

export function stringValue(node: Node | null | undefined, doc?: Document): string | undefined {
  const value = scalarValue(node, doc);
  return typeof value === 'string' ? value : undefined;
}

export function numberValue(node: Node | null | undefined, doc?: Document): number | undefined {
  const value = scalarValue(node, doc);
  return typeof value === 'number' ? value : undefined;
}

/** Whether the scalar was written in quotes (`"80"`), as opposed to plain or block style. */
export function isQuoted(node: Node | null | undefined): boolean {
  return isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
}

/** A mapping of plain string keys to scalar values (labels, selectors); non-scalar values are skipped. */
export function stringMap(map: YAMLMap | undefined, doc?: Document): Record<string, string> {
  const result: Record<string, string> = {};
  if (!map) return result;
  for (const field of fieldsOf(map)) {
    const value = scalarValue(field.node, doc);
    if (value !== undefined && value !== null && typeof value !== 'object') result[field.key] = String(value);
  }
  return result;
}
