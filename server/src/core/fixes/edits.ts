import { isMap, type Pair, type YAMLMap } from 'yaml';
import type { PlacedChunk } from '../parse';

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

export function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

type Ranged = { range?: [number, number, number] | null };

function abs(chunk: PlacedChunk, offset: number): number {
  return chunk.start + offset;
}

/** Replaces the value of a node (not its trailing comment). */
export function replaceNode(chunk: PlacedChunk, node: Ranged, newText: string): TextEdit {
  const range = node.range as [number, number, number];
  return { start: abs(chunk, range[0]), end: abs(chunk, range[1]), newText };
}

export function renameKey(chunk: PlacedChunk, pair: Pair, newKey: string): TextEdit {
  return replaceNode(chunk, pair.key as Ranged, newKey);
}

/** End of the pair's text, including a trailing comment on its last line. */
function pairEnd(chunk: PlacedChunk, pair: Pair): number {
  const value = pair.value as Ranged | null;
  const key = pair.key as Ranged;
  return abs(chunk, (value?.range ?? key.range as [number, number, number])[2]);
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just past the end of the line containing `offset - 1` (its newline included). */
function pastLineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** Removes one `key: value` entry with its comment and line, in block or flow style. */
export function removePair(text: string, chunk: PlacedChunk, map: YAMLMap, pair: Pair): TextEdit {
  const index = map.items.indexOf(pair);
  const keyStart = abs(chunk, (pair.key as Ranged).range![0]);
  const end = pairEnd(chunk, pair);
  const next = map.items[index + 1];
  if (map.flow) {
    if (next) return { start: keyStart, end: abs(chunk, (next.key as Ranged).range![0]), newText: '' };
    const previous = map.items[index - 1];
    if (previous) return { start: pairEnd(chunk, previous), end: abs(chunk, (pair.value as Ranged | null)?.range?.[1] ?? (pair.key as Ranged).range![1]), newText: '' };
    return { start: keyStart, end: abs(chunk, (pair.value as Ranged | null)?.range?.[1] ?? (pair.key as Ranged).range![1]), newText: '' };
  }
  const lineStart = lineStartOf(text, keyStart);
  const prefix = text.slice(lineStart, keyStart);
  if (/^[ \t]*$/.test(prefix)) return { start: lineStart, end: pastLineEnd(text, end), newText: '' };
  // The entry opens a sequence item (`- nodePort: 1`): pull the next entry up behind the dash.
  if (next) return { start: keyStart, end: abs(chunk, (next.key as Ranged).range![0]), newText: '' };
  return { start: keyStart, end: abs(chunk, ((pair.value as Ranged | null)?.range ?? (pair.key as Ranged).range!)[1]), newText: '{}' };
}

/** The column at which the entries of a block mapping start. */
export function indentOf(text: string, chunk: PlacedChunk, map: YAMLMap): number {
  const first = map.items[0];
  const keyStart = abs(chunk, (first.key as Ranged).range![0]);
  return keyStart - lineStartOf(text, keyStart);
}

/** The indentation unit the file uses (2 unless the file shows otherwise). */
export function indentUnit(text: string): number {
  const match = /\n( +)\S/.exec(text);
  return match ? Math.min(match[1].length, 8) : 2;
}

/**
 * Adds `key: value` to a mapping: after its last entry in block style (same indentation, the file's line
 * ending), or before the closing brace in flow style. `valueText` may hold nested lines already indented
 * relative to the key.
 */
export function insertPair(text: string, chunk: PlacedChunk, map: YAMLMap, key: string, valueText: string): TextEdit {
  const last = map.items[map.items.length - 1];
  if (map.flow || !last) {
    const range = (map as Ranged).range!;
    const close = abs(chunk, range[1]) - 1;
    const separator = map.items.length > 0 ? ', ' : '';
    return { start: close, end: close, newText: `${separator}${key}: ${valueText}` };
  }
  const eol = lineEnding(text);
  const end = pairEnd(chunk, last);
  const at = text[end - 1] === '\n' ? end - (text[end - 2] === '\r' ? 2 : 1) : end;
  const indent = ' '.repeat(indentOf(text, chunk, map));
  const body = valueText.split('\n').join(`${eol}${indent}`);
  return { start: at, end: at, newText: `${eol}${indent}${key}: ${body}` };
}

export function isBlockMap(node: unknown): node is YAMLMap {
  return isMap(node) && !node.flow;
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
