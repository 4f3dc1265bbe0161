import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Span } from './yamlNodes';

/** The node a finding's span covers, with the collection holding it, so a fix can edit that very place. */
export type Located =
  | { kind: 'key'; pair: Pair; map: YAMLMap }
  | { kind: 'value'; node: Node; pair: Pair; map: YAMLMap }
  | { kind: 'item'; node: Node; seq: YAMLSeq; index: number };

type Ranged = { range?: [number, number, number] | null };

const covers = (node: unknown, span: Span) => {
  const range = (node as Ranged | null)?.range;
  return !!range && range[0] === span.start && range[1] === span.end;
};
const contains = (node: unknown, span: Span) => {
  const range = (node as Ranged | null)?.range;
  return !!range && range[0] <= span.start && span.end <= range[2];
};

/**
 * The one item of a collection that can hold `span`: the last whose start is at or before it. Items are in source
 * order, so a binary search keeps a lookup logarithmic even in a list of thousands of ports.
 */
function candidate<T>(items: readonly T[], span: Span, start: (item: T) => number | undefined): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = start(items[mid]);
    // An item without a position (an empty list entry) breaks the order: look at every item instead.
    if (at === undefined) return items.findIndex((item) => (start(item) ?? Infinity) <= span.start && contains(item, span));
    if (at <= span.start) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

const rangeStart = (node: unknown) => (node as Ranged | null)?.range?.[0];

/** Finds the key, value or list item whose range is exactly `span` (chunk-relative), searching from `root`. */
export function locateSpan(root: Node, span: Span): Located | undefined {
  if (isMap(root)) {
    const pair = root.items[candidate(root.items, span, (p) => (isPair(p) ? rangeStart(p.key) : undefined))];
    if (!pair || !isPair(pair)) return undefined;
    if (covers(pair.key, span)) return { kind: 'key', pair, map: root };
    if (pair.value && covers(pair.value, span)) return { kind: 'value', node: pair.value as Node, pair, map: root };
    return pair.value && contains(pair.value, span) ? locateSpan(pair.value as Node, span) : undefined;
  }
  if (isSeq(root)) {
    const index = candidate(root.items, span, rangeStart);
    const item = root.items[index];
    if (!item) return undefined;
    if (covers(item, span) && !isMap(item) && !isSeq(item)) return { kind: 'item', node: item as Node, seq: root, index };
    const inner = contains(item, span) ? locateSpan(item as Node, span) : undefined;
    if (inner) return inner;
    if (covers(item, span)) return { kind: 'item', node: item as Node, seq: root, index };
  }
  return undefined;
}

/** The scalar a finding points at (a value or a list item), if it is one. */
export function scalarAt(root: Node, span: Span): Scalar | undefined {
  const located = locateSpan(root, span);
  if (!located || located.kind === 'key') return undefined;
  return isScalar(located.node) ? located.node : undefined;
}

/** The `key: value` entry a finding points at, by its key or its value. */
export function pairAt(root: Node, span: Span): { pair: Pair; map: YAMLMap } | undefined {
  const located = locateSpan(root, span);
  return located && located.kind !== 'item' ? { pair: located.pair, map: located.map } : undefined;
}

/** A chunk-relative span from a finding's absolute offsets. */
export function relativeSpan(chunkStart: number, finding: { start: number; end: number }): Span {
  return { start: finding.start - chunkStart, end: finding.end - chunkStart };
}
