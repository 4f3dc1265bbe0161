import { isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { Placed } from './chunks';
import { fieldOf } from './yamlNodes';
import {
  entryEnd,
  indentOf,
  indentUnit,
  insertPairBefore,
  insertPair,
  isJsonStyle,
  jsonStyled,
  keyStart,
  lineEnding,
  lineStartOf,
  removePairs,
  replaceNode,
  replaceScalar,
  scalarText,
  valueEnd,
  type TextEdit,
} from './edits';

/** Whether a value is missing in the sense of `key:` with nothing (or only a comment) after it. */
function isEmptyValue(pair: Pair): boolean {
  return pair.value === null || pair.value === undefined || (isScalar(pair.value) && pair.value.value === null && pair.value.source === '');
}

/** Just after the `:` that follows a key, where a value written on the key's line starts. */
function afterColon(text: string, chunk: Placed, pair: Pair): number {
  const keyEnd = chunk.start + (pair.key as { range: [number, number, number] }).range[1];
  return text.indexOf(':', keyEnd) + 1;
}

function keyColumn(text: string, chunk: Placed, pair: Pair): number {
  const start = keyStart(chunk, pair);
  return start - lineStartOf(text, start);
}

/**
 * Sets a scalar field: replaces the value (a string in its quoting style, a number plain), fills in `key:` with
 * nothing after it, or adds the entry (last, or before a given entry: `{}` means before the first).
 */
export function setScalarField(
  text: string,
  chunk: Placed,
  map: YAMLMap,
  key: string,
  value: string | number,
  where: 'last' | { before?: Pair } = 'last',
): TextEdit {
  const written = typeof value === 'number' ? String(value) : scalarText(value);
  const field = fieldOf(map, key);
  if (!field) {
    return where === 'last' ? insertPair(text, chunk, map, key, written) : insertPairBefore(text, chunk, map, where.before, key, written);
  }
  if (isScalar(field.node) && !isEmptyValue(field.pair)) {
    return typeof value === 'number' ? replaceNode(chunk, field.node, written) : replaceScalar(chunk, field.node, value);
  }
  if (isEmptyValue(field.pair)) {
    const at = afterColon(text, chunk, field.pair);
    return { start: at, end: at, newText: ` ${written}` };
  }
  // A mapping or list where a scalar belongs: replace it whole.
  return { start: chunk.start + field.node!.range![0], end: valueEnd(chunk, field.pair), newText: written };
}

/** `k: v` lines or flow entries for `entries`, in the JSON style of `like` when it uses one. */
function renderEntries(entries: ReadonlyArray<readonly [string, string]>, like: YAMLMap, separator: string): string {
  const json = isJsonStyle(like);
  return entries.map(([k, v]) => `${separator}${json ? JSON.stringify(k) : k}: ${json ? jsonStyled(v) : v}`).join('');
}

/**
 * Adds entries to the mapping under `key` in `parent`: after its last entry, under a `key:` that has no value yet,
 * or as a new `key:` block when the key is missing. One edit, so several entries never compete for one place.
 */
export function addEntries(text: string, chunk: Placed, parent: YAMLMap, key: string, entries: ReadonlyArray<readonly [string, string]>): TextEdit | undefined {
  const field = fieldOf(parent, key);
  if (!field) return insertPair(text, chunk, parent, key, entries);
  if (isMap(field.node)) {
    const map = field.node;
    if (map.flow || map.items.length === 0) {
      const close = chunk.start + map.range![1] - 1;
      const body = renderEntries(entries, map.items.length > 0 ? map : parent, ', ').slice(2);
      return { start: close, end: close, newText: `${map.items.length > 0 ? ', ' : ''}${body}` };
    }
    const at = entryEnd(text, chunk, map.items[map.items.length - 1]);
    return { start: at, end: at, newText: renderEntries(entries, map, `${lineEnding(text)}${' '.repeat(indentOf(text, chunk, map))}`) };
  }
  if (!isEmptyValue(field.pair)) return undefined;
  const at = parent.flow ? afterColon(text, chunk, field.pair) : entryEnd(text, chunk, field.pair);
  if (parent.flow) return { start: at, end: at, newText: ` {${renderEntries(entries, parent, ', ').slice(2)}}` };
  const indent = ' '.repeat(keyColumn(text, chunk, field.pair) + indentUnit(text));
  return { start: at, end: at, newText: renderEntries(entries, parent, `${lineEnding(text)}${indent}`) };
}

/** Where entries are moved to: an existing mapping, a `key:` without value, or a key to create in `parent`. */
export type Destination = { kind: 'map'; map: YAMLMap } | { kind: 'empty'; pair: Pair; parent: YAMLMap } | { kind: 'missing'; parent: YAMLMap; key: string };

/** The destination `parent[key]`, or undefined when it holds something that is no mapping. */
export function destinationOf(parent: YAMLMap | undefined, key: string): Destination | undefined {
  if (!parent) return undefined;
  const field = fieldOf(parent, key);
  if (!field) return { kind: 'missing', parent, key };
  if (isMap(field.node)) return { kind: 'map', map: field.node };
  return isEmptyValue(field.pair) ? { kind: 'empty', pair: field.pair, parent } : undefined;
}

/** Shifts the continuation lines of a block entry from one column to another; the first line is placed by the caller. */
function reindent(raw: string, from: number, to: number): string {
  return raw
    .split('\n')
    .map((line, i) => {
      if (i === 0 || /^\r?$/.test(line)) return line;
      const leading = /^ */.exec(line)![0].length;
      return ' '.repeat(to) + line.slice(Math.min(leading, from));
    })
    .join('\n');
}

function contains(chunk: Placed, map: YAMLMap, offset: number): boolean {
  const range = map.range!;
  return chunk.start + range[0] <= offset && offset < chunk.start + range[2];
}

/**
 * Moves `key: value` entries of one mapping (with their comments and nested lines, re-indented) into another mapping
 * and removes them where they were. Undefined when the move cannot be written without restyling: a multi-line entry
 * into flow style, or several entries out of a flow mapping.
 */
export function moveEntries(text: string, chunk: Placed, from: { map: YAMLMap; pairs: readonly Pair[] }, to: Destination): TextEdit[] | undefined {
  const { pairs } = from;
  if (pairs.length === 0 || (pairs.length > 1 && from.map.flow)) return undefined;
  const targetFlow = to.kind === 'map' ? !!to.map.flow : !!to.parent.flow;
  const unit = indentUnit(text);
  const eol = lineEnding(text);
  const pieces = pairs.map((pair) => {
    const start = keyStart(chunk, pair);
    const flatEnd = valueEnd(chunk, pair);
    const blockEnd = from.map.flow ? flatEnd : entryEnd(text, chunk, pair);
    return { start, column: start - lineStartOf(text, start), flat: text.slice(start, flatEnd), block: text.slice(start, blockEnd), blockEnd, flatEnd };
  });
  if (targetFlow && pieces.some((piece) => piece.flat.includes('\n'))) return undefined;
  const moved = (column: number) =>
    targetFlow
      ? pieces.map((piece) => piece.flat).join(', ')
      : pieces.map((piece) => reindent(piece.block, piece.column, column)).join(`${eol}${' '.repeat(column)}`);
  const keyText = (parent: YAMLMap, key: string) => (isJsonStyle(parent) ? JSON.stringify(key) : key);
  const [first] = pieces;

  if (to.kind === 'missing' && to.parent === from.map) {
    // Wrap in place: `app: web` becomes `selector:\n  app: web` where the first entry stands.
    const key = keyText(to.parent, to.key);
    const wrapped = targetFlow ? `${key}: {${first.flat}}` : `${key}:${eol}${' '.repeat(first.column + unit)}${moved(first.column + unit)}`;
    return [{ start: first.start, end: targetFlow ? first.flatEnd : first.blockEnd, newText: wrapped }, ...removePairs(text, chunk, from.map, pairs.slice(1))];
  }
  let insert: TextEdit;
  const atEnd = (map: YAMLMap, newText: (column: number) => string): TextEdit => {
    const column = indentOf(text, chunk, map);
    if (contains(chunk, map, first.start)) {
      // The entries come from inside this mapping: insert before its first entry, clear of the removed lines.
      const at = keyStart(chunk, map.items[0]);
      return { start: at, end: at, newText: `${newText(column)}${eol}${' '.repeat(column)}` };
    }
    const at = entryEnd(text, chunk, map.items[map.items.length - 1]);
    return { start: at, end: at, newText: `${eol}${' '.repeat(column)}${newText(column)}` };
  };
  if (to.kind === 'map') {
    const { map } = to;
    if (map.flow || map.items.length === 0) {
      const close = chunk.start + map.range![1] - 1;
      insert = { start: close, end: close, newText: `${map.items.length > 0 ? ', ' : ''}${moved(0)}` };
    } else {
      insert = atEnd(map, (column) => moved(column));
    }
  } else if (to.kind === 'empty') {
    if (targetFlow) {
      const at = afterColon(text, chunk, to.pair);
      insert = { start: at, end: at, newText: ` {${moved(0)}}` };
    } else {
      const column = keyColumn(text, chunk, to.pair) + unit;
      const at = entryEnd(text, chunk, to.pair);
      insert = { start: at, end: at, newText: `${eol}${' '.repeat(column)}${moved(column)}` };
    }
  } else {
    const { parent, key } = to;
    if (targetFlow || parent.items.length === 0) {
      const close = chunk.start + parent.range![1] - 1;
      insert = { start: close, end: close, newText: `${parent.items.length > 0 ? ', ' : ''}${keyText(parent, key)}: {${moved(0)}}` };
    } else {
      insert = atEnd(parent, (column) => `${keyText(parent, key)}:${eol}${' '.repeat(column + unit)}${moved(column + unit)}`);
    }
  }
  const removals = removePairs(text, chunk, from.map, pairs);
  if (removals.some((removal) => removal.start < insert.start && insert.start < removal.end)) return undefined;
  return [insert, ...removals];
}
