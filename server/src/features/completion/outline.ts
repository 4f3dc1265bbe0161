import type { PathSegment } from '../../kubernetes/locate';

/**
 * A line-by-line reading of the block structure of one YAML document, for completion. While the user types, the
 * document is often not valid YAML (`  ty` with no colon yet turns `ty selector` into one key; `selector:\n    ap`
 * turns the selector into the string "ap"), so the parsed model cannot say where the cursor is. Indentation can:
 * each line's keys and `- ` items are placed with a stack of open collections, the way a YAML reader nests blocks.
 * Flow collections (`{...}`, `[...]`) stay opaque values; block scalar and multi-line scalar bodies are skipped.
 */

export interface Token {
  text: string;
  /** Offsets relative to the text the outline was built from (a chunk). */
  start: number;
  end: number;
}

export interface OutlineEntry {
  line: number;
  /**
   * - `key`: `key:` with its inline `value` if any;
   * - `item`: a `- ` sequence entry, with `value` when a plain scalar follows on the same line;
   * - `scalar`: a bare word where a key could start (a key being typed) or a continuation of it.
   */
  kind: 'key' | 'item' | 'scalar';
  /** Path of the collection the entry belongs to, from the document root (e.g. ['spec', 'ports', 0]). */
  parent: PathSegment[];
  column: number;
  /** Offset of the entry's first character (the key, the dash, the word). */
  start: number;
  key?: Token;
  value?: Token;
  /** For items: the position in the sequence. */
  index?: number;
}

interface Frame {
  column: number;
  kind: 'map' | 'seq';
  path: PathSegment[];
  lastKey?: string;
  count: number;
}

export function pathKey(path: readonly PathSegment[]): string {
  return path.map((segment) => (typeof segment === 'number' ? `#${segment}` : `.${segment}`)).join('');
}

const DOCUMENT_MARKER = /^(---|\.\.\.)(?:[ \t]|$)/;
// A plain or quoted key followed by `:` and a space or the end of the line (a colon inside a word is not a separator).
const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|((?:[^\s#'"{}[\],:]|:(?=[^\s]))(?:[^:#]|:(?=[^\s])|(?<=[^\s])#)*?))[ \t]*:(?=[ \t]|$)/;
// Anchors and tags alone: the value they introduce starts on the next lines. Any other inline value (a scalar, a
// `|`/`>` block scalar header) makes deeper lines that value's content.
const NODE_PROPERTIES = /^(?:[&!][^\s]*[ \t]*)+$/;

/** The scalar text of a value token as written: quotes removed, a trailing comment cut off. */
function valueToken(line: string, from: number, lineStart: number): Token | undefined {
  let start = from;
  while (line[start] === ' ' || line[start] === '\t') start++;
  if (start >= line.length || line[start] === '#') return undefined;
  const quote = line[start];
  if (quote === '"' || quote === "'") {
    let end = start + 1;
    while (end < line.length && line[end] !== quote) end += line[end] === '\\' && quote === '"' ? 2 : 1;
    const close = Math.min(end, line.length);
    return { text: line.slice(start + 1, close), start: lineStart + start, end: lineStart + Math.min(close + 1, line.length) };
  }
  const comment = line.slice(start).search(/[ \t]#/);
  const raw = comment === -1 ? line.slice(start) : line.slice(start, start + comment);
  const text = raw.replace(/[ \t]+$/, '');
  return { text, start: lineStart + start, end: lineStart + start + text.length };
}

export class Outline {
  readonly entries: OutlineEntry[] = [];
  private readonly byParent = new Map<string, OutlineEntry[]>();

  /**
   * `text` is one document's text (a chunk); `cursor`, relative to it, makes a blank cursor line count as an empty
   * word at the cursor's column, which is where the user is about to type.
   */
  constructor(
    readonly text: string,
    cursor?: number,
  ) {
    let stack: Frame[] = [];
    let skipDeeperThan = -1;
    let lineStart = 0;
    for (let line = 0; lineStart <= text.length; line++) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      const content = text.slice(lineStart, lineEnd).replace(/\r$/, '');
      const onCursor = cursor !== undefined && cursor >= lineStart && cursor <= lineStart + content.length;
      const indent = content.search(/[^ ]/);
      const blank = indent === -1 || content[indent] === '#' || content[indent] === '\t';
      if (DOCUMENT_MARKER.test(content)) {
        stack = [];
        skipDeeperThan = -1;
      } else if (blank && onCursor && /^[ ]*$/.test(content)) {
        skipDeeperThan = -1;
        this.place(stack, { line, kind: 'scalar', parent: [], column: cursor - lineStart, start: cursor, key: { text: '', start: cursor, end: cursor } });
      } else if (!blank && content[indent] !== '%' && !(skipDeeperThan >= 0 && indent > skipDeeperThan)) {
        skipDeeperThan = this.readLine(stack, line, content, lineStart, indent);
      }
      if (lineEnd >= text.length) break;
      lineStart = lineEnd + 1;
    }
  }

  /** Places the nodes of one line; returns the column below which following deeper lines are scalar content. */
  private readLine(stack: Frame[], line: number, content: string, lineStart: number, indent: number): number {
    let column = indent;
    while (content[column] === '-' && (column + 1 === content.length || content[column + 1] === ' ')) {
      const entry: OutlineEntry = { line, kind: 'item', parent: [], column, start: lineStart + column };
      this.place(stack, entry);
      column++;
      while (content[column] === ' ') column++;
      if (column >= content.length || content[column] === '#') return -1;
      if (!KEY.test(content.slice(column)) && content[column] !== '-') {
        entry.value = valueToken(content, column, lineStart);
        return entry.value && !NODE_PROPERTIES.test(entry.value.text) ? entry.column : -1;
      }
    }
    const match = KEY.exec(content.slice(column));
    if (!match) {
      const word = valueToken(content, column, lineStart);
      this.place(stack, { line, kind: 'scalar', parent: [], column, start: lineStart + column, key: word });
      return column;
    }
    const keyText = match[1] ?? (match[2] !== undefined ? match[2].replace(/''/g, "'") : match[3].replace(/[ \t]+$/, ''));
    const keyEnd = lineStart + column + match[0].replace(/[ \t]*:$/, '').length;
    const value = valueToken(content, column + match[0].length, lineStart);
    this.place(stack, {
      line,
      kind: 'key',
      parent: [],
      column,
      start: lineStart + column,
      key: { text: keyText, start: lineStart + column, end: keyEnd },
      value,
    });
    if (!value || NODE_PROPERTIES.test(value.text)) return -1;
    return column;
  }

  /** Finds the entry's collection on the stack, opening or closing collections by column. */
  private place(stack: Frame[], entry: OutlineEntry): void {
    const column = entry.column;
    const top = () => stack[stack.length - 1] as Frame | undefined;
    const childPath = (frame: Frame): PathSegment[] => (frame.kind === 'map' ? [...frame.path, frame.lastKey ?? ''] : [...frame.path, frame.count - 1]);
    if (entry.kind === 'item') {
      while (top() && (top() as Frame).column > column) stack.pop();
      const frame = top();
      if (frame && frame.column === column && frame.kind === 'seq') frame.count++;
      // `key:` followed by `- ` at the key's own column: an indentless sequence, the value of that key.
      else if (frame && frame.column === column) stack.push({ column, kind: 'seq', path: [...frame.path, frame.lastKey ?? ''], count: 1 });
      else stack.push({ column, kind: 'seq', path: frame ? childPath(frame) : [], count: 1 });
      const seq = top() as Frame;
      entry.parent = seq.path;
      entry.index = seq.count - 1;
    } else {
      while (top() && ((top() as Frame).column > column || ((top() as Frame).column === column && (top() as Frame).kind === 'seq'))) stack.pop();
      const frame = top();
      if (!frame || frame.column !== column) stack.push({ column, kind: 'map', path: frame ? childPath(frame) : [], count: 0 });
      const map = top() as Frame;
      entry.parent = map.path;
      map.lastKey = entry.kind === 'key' ? entry.key?.text : undefined;
    }
    this.entries.push(entry);
    const key = pathKey(entry.parent);
    const list = this.byParent.get(key);
    if (list) list.push(entry);
    else this.byParent.set(key, [entry]);
  }

  /** The entries of the collection at `path`, in order. */
  children(path: readonly PathSegment[]): OutlineEntry[] {
    return this.byParent.get(pathKey(path)) ?? [];
  }

  /** The `key:` entries of the mapping at `path`. */
  keys(path: readonly PathSegment[]): OutlineEntry[] {
    return this.children(path).filter((entry) => entry.kind === 'key');
  }

  /** The inline scalar value of the key at `path` (e.g. ['spec', 'type']), as written without quotes. */
  valueAt(path: readonly PathSegment[]): string | undefined {
    const parent = path.slice(0, -1);
    const key = path[path.length - 1];
    return this.keys(parent).find((entry) => entry.key?.text === key)?.value?.text;
  }

  has(path: readonly PathSegment[]): boolean {
    const parent = path.slice(0, -1);
    const key = path[path.length - 1];
    return this.keys(parent).some((entry) => entry.key?.text === key);
  }

  /** The nodes that start on a line, in column order. */
  onLine(line: number): OutlineEntry[] {
    return this.entries.filter((entry) => entry.line === line);
  }
}
