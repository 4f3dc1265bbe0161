import { isMap, isScalar, isSeq, isAlias, visit, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

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

/** The entries of a mapping whose keys are plain scalars; complex keys are skipped. */
export function fieldsOf(map: YAMLMap): Field[] {
  const fields: Field[] = [];
  for (const pair of map.items) {
    const field = fieldFromPair(pair);
    if (field) fields.push(field);
  }
  return fields;
}

export function fieldOf(map: YAMLMap | undefined, key: string): Field | undefined {
  if (!map) return undefined;
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return fieldFromPair(pair);
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

const aliasTargets = new WeakMap<Document, WeakMap<Alias, Node | undefined>>();

/**
 * The node an alias stands for. yaml's `Alias.resolve(doc)` searches the whole document on every call, so N aliases
 * cost N² (3,000 aliases took seconds on every keystroke); one pass per document records every alias's target,
 * with the same rule: the last node with that anchor before the alias, in document order.
 */
export function resolveAlias(alias: Alias, doc: Document): Node | undefined {
  let targets = aliasTargets.get(doc);
  if (!targets) {
    const table = new WeakMap<Alias, Node | undefined>();
    const anchors = new Map<string, Node>();
    visit(doc, {
      Node(_key, node) {
        if (isAlias(node)) table.set(node, anchors.get(node.source));
        else if (node.anchor) anchors.set(node.anchor, node);
      },
    });
    aliasTargets.set(doc, (targets = table));
  }
  return targets.has(alias) ? targets.get(alias) : (alias.resolve(doc) as Node | undefined);
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
