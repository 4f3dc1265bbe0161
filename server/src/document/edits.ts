import { isMap, isScalar, parseDocument, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Placed } from './chunks';
import { resolvePlain } from './jsonView';

/**
 * Minimal text edits computed from node ranges, never by re-serialising YAML: comments, key order, quoting,
 * indentation and line endings outside the edited characters stay exactly as the user wrote them.
 */
export interface TextEdit {
  /** Absolute offsets into the file text. */
  start: number;
  end: number;
  newText: string;
}

/**
 * A value to write: scalar text exactly as it should appear (see `scalarText`), or a mapping of such scalars,
 * rendered as indented lines in block style and as `{k: v}` in flow style.
 */
export type FieldValue = string | ReadonlyArray<readonly [string, string]>;

type Range3 = [number, number, number];
type Ranged = { range?: Range3 | null };

// A code action builds several edits on the same text, and on a 5 MB file with no CRLF each answer costs a full scan.
let lastText: string | undefined;
let lastEnding = '\n';

export function lineEnding(text: string): string {
  if (text !== lastText) {
    lastEnding = text.includes('\r\n') ? '\r\n' : '\n';
    lastText = text;
  }
  return lastEnding;
}

/** The indentation unit the file uses (2 unless the file shows otherwise). */
export function indentUnit(text: string): number {
  const match = /\n( +)\S/.exec(text);
  return match ? Math.min(match[1].length, 8) : 2;
}

function rangeOf(node: unknown): Range3 {
  return (node as Ranged).range as Range3;
}

export function lineStartOf(text: string, offset: number): number {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  // A byte-order mark is no column: without this, entries moved to the top level were indented by one (fuzz-found).
  return start === 0 && offset > 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
}

/** Where the line holding the character before `offset` ends, before its line break. */
export function lineContentEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset - (text[offset - 2] === '\r' ? 2 : 1);
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** Just past the line break that ends the line containing `offset`. */
function pastLineBreak(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

export function keyStart(chunk: Placed, pair: Pair): number {
  return chunk.start + rangeOf(pair.key)[0];
}

/** End of the value as written (its last character), or of the key when the value is empty. */
export function valueEnd(chunk: Placed, pair: Pair): number {
  const value = pair.value as Ranged | null;
  const range = value?.range;
  return chunk.start + (range && range[1] > range[0] ? range[1] : rangeOf(pair.key)[1]);
}

/**
 * End of a block entry's text: the end of the line its value ends on, so a trailing comment goes with it. (The
 * `yaml` ranges' third offset runs into the next entry's indentation, which would take that entry along.)
 */
export function entryEnd(text: string, chunk: Placed, pair: Pair): number {
  return lineContentEnd(text, valueEnd(chunk, pair));
}

/** The column at which the entries of a block mapping start. */
export function indentOf(text: string, chunk: Placed, map: YAMLMap): number {
  const start = keyStart(chunk, map.items[0]);
  return start - lineStartOf(text, start);
}

export function isBlockMap(node: unknown): node is YAMLMap {
  return isMap(node) && !node.flow;
}

/** Replaces the value of a node (not its trailing comment). */
export function replaceNode(chunk: Placed, node: unknown, newText: string): TextEdit {
  const range = rangeOf(node);
  return { start: chunk.start + range[0], end: chunk.start + range[1], newText };
}

/** Whether `value` reads back as this very string when written plain, under YAML 1.2 and kubectl's YAML 1.1. */
function plainIsSafe(value: string): boolean {
  if (!/^[A-Za-z0-9_./][A-Za-z0-9_./:-]*$/.test(value) || value.endsWith(':')) return false;
  if (resolvePlain(value).kind !== 'string') return false;
  const parsed = parseDocument(value).contents;
  return isScalar(parsed) && parsed.value === value;
}

/** A string as YAML scalar text: plain when that is unambiguous, else double-quoted. */
export function scalarText(value: string): string {
  return plainIsSafe(value) ? value : JSON.stringify(value);
}

/** Replaces a scalar by another string, in the quoting style the user chose (plain stays plain when it can). */
export function replaceScalar(chunk: Placed, node: Scalar, value: string): TextEdit {
  let text: string;
  if (node.type === 'QUOTE_DOUBLE') text = JSON.stringify(value);
  else if (node.type === 'QUOTE_SINGLE') text = `'${value.replace(/'/g, "''")}'`;
  else text = scalarText(value);
  return replaceNode(chunk, node, text);
}

export function renameKey(chunk: Placed, pair: Pair, newKey: string): TextEdit {
  return isScalar(pair.key) ? replaceScalar(chunk, pair.key, newKey) : replaceNode(chunk, pair.key, newKey);
}

/** Runs of consecutive indices, so neighbouring removals become one edit instead of overlapping ones. */
function runs(indices: number[]): Array<[number, number]> {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const result: Array<[number, number]> = [];
  for (const index of sorted) {
    const last = result[result.length - 1];
    if (last && last[1] === index - 1) last[1] = index;
    else result.push([index, index]);
  }
  return result;
}

/** Removes `key: value` entries with their comments and lines, in block or flow style, as non-overlapping edits. */
export function removePairs(text: string, chunk: Placed, map: YAMLMap, pairs: readonly Pair[]): TextEdit[] {
  const items = map.items;
  const edits: TextEdit[] = [];
  for (const [first, last] of runs(pairs.map((pair) => items.indexOf(pair)).filter((i) => i >= 0))) {
    const start = keyStart(chunk, items[first]);
    const next = items[last + 1];
    if (map.flow) {
      const previous = items[first - 1];
      if (next) edits.push({ start, end: keyStart(chunk, next), newText: '' });
      else if (previous) edits.push({ start: valueEnd(chunk, previous), end: valueEnd(chunk, items[last]), newText: '' });
      else edits.push({ start, end: valueEnd(chunk, items[last]), newText: '' });
      continue;
    }
    const lineStart = lineStartOf(text, start);
    if (/^[ \t]*$/.test(text.slice(lineStart, start))) {
      edits.push({ start: lineStart, end: pastLineBreak(text, entryEnd(text, chunk, items[last])), newText: '' });
    } else if (next) {
      // The run opens a sequence item (`- nodePort: 1`): pull the next entry up behind the dash.
      edits.push({ start, end: keyStart(chunk, next), newText: '' });
    } else {
      edits.push({ start, end: valueEnd(chunk, items[last]), newText: '{}' });
    }
  }
  return edits;
}

export function removePair(text: string, chunk: Placed, map: YAMLMap, pair: Pair): TextEdit {
  return removePairs(text, chunk, map, [pair])[0];
}

/** Removes one item of a sequence with its line (block) or its comma (flow); undefined for unusual layouts. */
export function removeItem(text: string, chunk: Placed, seq: YAMLSeq, index: number): TextEdit | undefined {
  const item = seq.items[index];
  const range = (item as Ranged | null)?.range;
  if (!range) return undefined;
  const start = chunk.start + range[0];
  const end = chunk.start + range[1];
  const at = (i: number) => (seq.items[i] as Ranged | null)?.range;
  if (seq.flow) {
    const next = at(index + 1);
    const previous = at(index - 1);
    if (next) return { start, end: chunk.start + next[0], newText: '' };
    if (previous) return { start: chunk.start + previous[1], end, newText: '' };
    return { start, end, newText: '' };
  }
  const lineStart = lineStartOf(text, start);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, start))) return undefined;
  return { start: lineStart, end: pastLineBreak(text, lineContentEnd(text, end)), newText: '' };
}

/** Whether a mapping is written JSON-style (every key double-quoted): entries added to it then follow suit. */
export function isJsonStyle(map: YAMLMap): boolean {
  return map.items.length > 0 && map.items.every((pair) => isScalar(pair.key) && pair.key.type === 'QUOTE_DOUBLE');
}

/** Scalar text in JSON style: plain strings get double quotes; numbers, booleans and quoted text stay as they are. */
export function jsonStyled(scalar: string): string {
  return /^["'{[]/.test(scalar) || resolvePlain(scalar).kind !== 'string' ? scalar : JSON.stringify(scalar);
}

/** `key: value` as text for a block mapping at `indent`, or for a flow mapping; JSON-style when `json`. */
export function entryText(text: string, key: string, value: FieldValue, indent: number, flow: boolean, json = false): string {
  const k = (name: string) => (json ? JSON.stringify(name) : name);
  const v = (scalar: string) => (json ? jsonStyled(scalar) : scalar);
  if (typeof value === 'string') return `${k(key)}: ${v(value)}`;
  if (flow || value.length === 0) return `${k(key)}: {${value.map(([ek, ev]) => `${k(ek)}: ${v(ev)}`).join(', ')}}`;
  const eol = lineEnding(text);
  const inner = ' '.repeat(indent + indentUnit(text));
  return `${k(key)}:${value.map(([ek, ev]) => `${eol}${inner}${k(ek)}: ${v(ev)}`).join('')}`;
}

/** Adds `key: value` after the last entry of a mapping (block style: same indentation), or before a flow `}`. */
export function insertPair(text: string, chunk: Placed, map: YAMLMap, key: string, value: FieldValue): TextEdit {
  const last = map.items[map.items.length - 1];
  if (map.flow || !last) {
    const close = chunk.start + rangeOf(map)[1] - 1;
    const separator = map.items.length > 0 ? ', ' : '';
    return { start: close, end: close, newText: `${separator}${entryText(text, key, value, 0, true, isJsonStyle(map))}` };
  }
  const at = entryEnd(text, chunk, last);
  const indent = indentOf(text, chunk, map);
  return { start: at, end: at, newText: `${lineEnding(text)}${' '.repeat(indent)}${entryText(text, key, value, indent, false, isJsonStyle(map))}` };
}

/**
 * Adds `key: value` just before an entry of a mapping (right behind a sequence dash when that entry opens an item),
 * at the entry's indentation; before the first entry when `before` is undefined.
 */
export function insertPairBefore(text: string, chunk: Placed, map: YAMLMap, before: Pair | undefined, key: string, value: FieldValue): TextEdit {
  const anchor = before ?? map.items[0];
  if (!anchor) return insertPair(text, chunk, map, key, value);
  const start = keyStart(chunk, anchor);
  const json = isJsonStyle(map);
  if (map.flow) return { start, end: start, newText: `${entryText(text, key, value, 0, true, json)}, ` };
  const indent = indentOf(text, chunk, map);
  return { start, end: start, newText: `${entryText(text, key, value, indent, false, json)}${lineEnding(text)}${' '.repeat(indent)}` };
}

/** Applies non-overlapping edits to a text (for tests and fix-all previews). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.end > limit) throw new Error('overlapping edits');
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
}
