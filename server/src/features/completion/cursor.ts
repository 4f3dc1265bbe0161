import type { PathSegment } from '../../kubernetes/locate';
import { chunkAt } from '../../kubernetes/locate';
import type { FileModel, PlacedChunk } from '../../kubernetes/manifest';
import { Outline, type OutlineEntry } from './outline';

/**
 * Where the cursor is, read from the text rather than the parse (see outline.ts): what is being typed, into which
 * collection, and which text a completion replaces. Paths are relative to the object, so a Service inside a
 * `kind: List` reads like a top-level one.
 */
export interface Cursor {
  chunk: PlacedChunk;
  outline: Outline;
  /** Path of the object's root inside the document: [] or ['items', i]. */
  objectPath: PathSegment[];
  /** The object's `kind` and `apiVersion` as written, if any. */
  kind?: string;
  apiVersion?: string;
  /**
   * - `key`: a mapping key is being typed into the mapping at `path` (`written` says whether its `:` exists);
   * - `value`: the value of the key at `path` (its last segment);
   * - `item`: a scalar item of the sequence at `path`, at `index`.
   */
  position: 'key' | 'value' | 'item';
  path: PathSegment[];
  index?: number;
  written: boolean;
  /** The word under the cursor, and the absolute range a completion replaces. */
  text: string;
  /** The part of `text` before the cursor: what the editor filters suggestions by. */
  prefix: string;
  start: number;
  end: number;
  /** Column of the key whose value is typed, or of the word typed: where inserted lines are indented from. */
  column: number;
  /** True right after `key:` with no space yet, so an inserted value needs one. */
  needsSpace: boolean;
  /** The whole entry at the cursor (the key with its value, the item). */
  entry: OutlineEntry;
}

export function cursorAt(file: FileModel, offset: number): Cursor | undefined {
  const chunk = chunkAt(file.chunks, offset);
  if (!chunk) return undefined;
  const relative = offset - chunk.start;
  const outline = new Outline(chunk.parsed.text, relative);
  const lineStart = chunk.parsed.text.lastIndexOf('\n', relative - 1) + 1;
  const line = lineOf(chunk.parsed.text, lineStart);
  const nodes = outline.onLine(line);
  const found = classify(nodes, relative);
  if (!found) return undefined;
  const { entry } = found;
  const fullPath = found.position === 'value' ? [...entry.parent, entry.key?.text ?? ''] : entry.parent;
  const objectPath = listItemPath(outline, fullPath);
  const kind = outline.valueAt([...objectPath, 'kind']);
  const apiVersion = outline.valueAt([...objectPath, 'apiVersion']);
  return {
    chunk,
    outline,
    objectPath,
    kind,
    apiVersion,
    position: found.position,
    path: fullPath.slice(objectPath.length),
    index: found.position === 'item' ? entry.index : undefined,
    written: found.written,
    text: found.token.text,
    prefix: chunk.parsed.text.slice(found.token.start, Math.max(found.token.start, relative)).replace(/^["']/, ''),
    start: chunk.start + found.token.start,
    end: chunk.start + found.token.end,
    column: found.position === 'value' ? entry.column : found.token.start - lineStart,
    needsSpace: found.position === 'value' && found.token.text === '' && chunk.parsed.text[relative - 1] === ':',
    entry,
  };
}

function lineOf(text: string, lineStart: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

interface Found {
  position: Cursor['position'];
  entry: OutlineEntry;
  token: { text: string; start: number; end: number };
  written: boolean;
}

/** What the cursor (relative offset) touches among the nodes that start on its line. */
function classify(nodes: OutlineEntry[], cursor: number): Found | undefined {
  const last = [...nodes].reverse().find((node) => node.start <= cursor);
  if (!last) return undefined;
  const empty = { text: '', start: cursor, end: cursor };
  if (last.kind === 'key' && last.key) {
    if (cursor <= last.key.end) return { position: 'key', entry: last, token: last.key, written: true };
    // After `key:` the value is being typed; past the end of a written value there is nothing to complete.
    if (!last.value) return { position: 'value', entry: last, token: empty, written: true };
    return cursor >= last.value.start && cursor <= last.value.end ? { position: 'value', entry: last, token: last.value, written: true } : undefined;
  }
  if (last.kind === 'scalar') {
    const word = last.key ?? empty;
    return cursor >= word.start && cursor <= word.end ? { position: 'key', entry: last, token: word, written: false } : undefined;
  }
  // A `- ` item: its scalar, or the empty spot after the dash where a scalar or a first key goes.
  if (last.value)
    return cursor >= last.value.start && cursor <= last.value.end ? { position: 'item', entry: last, token: last.value, written: false } : undefined;
  return cursor >= last.start + 2 ? { position: 'item', entry: last, token: empty, written: false } : undefined;
}

/** Inside `kind: List`, objects are the entries of `items`. */
function listItemPath(outline: Outline, path: PathSegment[]): PathSegment[] {
  const rootKind = outline.valueAt(['kind']);
  if (rootKind?.endsWith('List') && path[0] === 'items' && typeof path[1] === 'number') return ['items', path[1]];
  return [];
}
