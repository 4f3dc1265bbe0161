/**
 * Finding a field in a Helm template's text. A template is not YAML until rendered (`{{ }}` actions, `range` loops,
 * `include ... | nindent`), so it is read line by line: a line made only of actions or comments is skipped, and every
 * other line gives its `- ` list items and its `key:` with their columns. Indentation then says what nests in what,
 * as it will once Helm has rendered the text.
 */
import type { PathSegment } from '../../kubernetes/locate';
import type { Span } from '../../document/yamlNodes';

/** One structural mark of a line: a list item's dash, a `key:`, or other text (a scalar continuation). */
interface Entry {
  kind: 'item' | 'key' | 'text';
  /** Column of the dash, the key or the text. */
  indent: number;
  key?: string;
  /** Offsets in the template text: the key (or dash, or text), and the rest of the line after `key:` without comment. */
  span: Span;
  value?: Span;
  /** Index of the `---`-separated document of the template the entry is in. */
  doc: number;
}

const ACTION = /\{\{.*?\}\}/g;
// A plain key ends on a non-blank, so the blanks before `:` are matched one way only: linear in the line.
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#{'"\-?:,[\]](?:[^#]*?[^\s#])?|-[^\s#]*?)[ \t]*:(?=[ \t]|$)/;

/** Template text as entries, in order. Lines with an action anywhere but after the key keep only what lies before it. */
function entriesOf(text: string): Entry[] {
  const entries: Entry[] = [];
  let doc = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (/^---(?:\s|$)/.test(line)) doc++;
    else readLine(line, lineStart, doc, entries);
    lineStart = lineEnd + 1;
  }
  return entries;
}

/** Longer lines are data (an embedded certificate, a minified blob), never a key worth finding. */
const MAX_KEY_LINE = 4096;

function readLine(line: string, lineStart: number, doc: number, entries: Entry[]): void {
  if (line.length > MAX_KEY_LINE) {
    const indent = line.length - line.trimStart().length;
    entries.push({ kind: 'text', indent, span: { start: lineStart + indent, end: lineStart + line.length }, doc });
    return;
  }
  const bare = line.replace(ACTION, (action) => ' '.repeat(action.length));
  if (bare.trim() === '' || bare.trimStart().startsWith('#')) return;
  let column = bare.length - bare.trimStart().length;
  while (bare[column] === '-' && (column + 1 === bare.length || bare[column + 1] === ' ' || bare[column + 1] === '\t')) {
    entries.push({ kind: 'item', indent: column, span: { start: lineStart + column, end: lineStart + column + 1 }, doc });
    column++;
    while (bare[column] === ' ' || bare[column] === '\t') column++;
  }
  if (column >= bare.length) return;
  const match = KEY.exec(bare.slice(column));
  if (!match) {
    entries.push({ kind: 'text', indent: column, span: { start: lineStart + column, end: lineStart + line.trimEnd().length }, doc });
    return;
  }
  const written = match[1].trimEnd();
  const key = /^["']/.test(written) ? written.slice(1, -1) : written;
  const keySpan = { start: lineStart + column, end: lineStart + column + written.length };
  const afterColon = column + match[0].length;
  const rest = line.slice(afterColon);
  const comment = rest.replace(ACTION, (action) => ' '.repeat(action.length)).search(/(^|\s)#/);
  const valueText = (comment < 0 ? rest : rest.slice(0, comment)).trimEnd();
  const lead = valueText.length - valueText.trimStart().length;
  const value = valueText.trim() === '' ? undefined : { start: lineStart + afterColon + lead, end: lineStart + afterColon + valueText.length };
  entries.push({ kind: 'key', indent: column, key, span: keySpan, ...(value ? { value } : {}), doc });
}

/** The entries nested under `entries[at]`: deeper ones, and for a key the list items written at its own column. */
function blockOf(entries: readonly Entry[], at: number): [number, number] {
  const owner = entries[at];
  let end = at + 1;
  while (end < entries.length) {
    const entry = entries[end];
    if (entry.doc !== owner.doc) break;
    if (entry.indent > owner.indent || (owner.kind === 'key' && entry.kind === 'item' && entry.indent === owner.indent)) end++;
    else break;
  }
  return [at + 1, end];
}

export interface TemplateMatch {
  /** How many leading segments of the path were found. */
  depth: number;
  /** The deepest entry found: its key, and its value when it has one on the same line. */
  key: Span;
  value?: Span;
}

/**
 * Where the template writes the field at `path` of an object of `kind`: the deepest prefix of the path found by
 * indentation. A list index beyond the items written is taken as the last one (a `range` loop writes one item for
 * many). Undefined when not even the path's first key is in the template (a helper wrote it all).
 */
export function findField(text: string, path: readonly PathSegment[], kind?: string): TemplateMatch | undefined {
  const entries = entriesOf(text);
  let best: TemplateMatch | undefined;
  let bestScore = -1;
  const docs = new Set(entries.map((entry) => entry.doc));
  for (const doc of docs) {
    const first = entries.findIndex((entry) => entry.doc === doc);
    let last = first;
    while (last < entries.length && entries[last].doc === doc) last++;
    const match = walk(entries, first, last, path);
    if (!match) continue;
    const kindEntry = entries.slice(first, last).find((entry) => entry.kind === 'key' && entry.key === 'kind' && entry.indent === entries[first].indent);
    const sameKind =
      kind !== undefined && kindEntry?.value !== undefined && text.slice(kindEntry.value.start, kindEntry.value.end).replace(/["']/g, '') === kind;
    // A document of the right kind wins over a deeper match in another one.
    const score = match.depth + (sameKind ? 1000 : 0);
    if (score > bestScore) {
      best = match;
      bestScore = score;
    }
  }
  return best;
}

function walk(entries: readonly Entry[], from: number, to: number, path: readonly PathSegment[]): TemplateMatch | undefined {
  let range: [number, number] = [from, to];
  let found: TemplateMatch | undefined;
  for (const segment of path) {
    const at = childAt(entries, range, segment);
    if (at === undefined) break;
    const entry = entries[at];
    found = { depth: (found?.depth ?? 0) + 1, key: entry.span, ...(entry.value ? { value: entry.value } : {}) };
    range = blockOf(entries, at);
    // The first key of a list item sits on the item's own line, one entry after its dash.
    if (entry.kind === 'item') range = [at + 1, range[1]];
  }
  return found;
}

function childAt(entries: readonly Entry[], [from, to]: [number, number], segment: PathSegment): number | undefined {
  const kind = typeof segment === 'number' ? 'item' : 'key';
  let indent = Infinity;
  for (let i = from; i < to; i++) if (entries[i].kind === kind) indent = Math.min(indent, entries[i].indent);
  const children: number[] = [];
  for (let i = from; i < to; i++) if (entries[i].kind === kind && entries[i].indent === indent) children.push(i);
  if (typeof segment === 'number') return children[Math.min(segment, children.length - 1)];
  let match: number | undefined;
  // The last of a key written twice is the one that reaches the cluster, as kubectl keeps it.
  for (const i of children) if (entries[i].key === segment) match = i;
  return match;
}

/** The field path at an offset of a template, as far as its indentation tells, and the key there. */
export function fieldPathAt(text: string, offset: number): { path: PathSegment[]; key: Span; value?: Span } | undefined {
  const entries = entriesOf(text);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  const onLine = entries
    .map((entry, i) => [entry, i] as const)
    .filter(([entry]) => entry.kind === 'key' && entry.span.start >= lineStart && entry.span.start <= lineEnd);
  const hit = onLine.at(-1);
  if (!hit) return undefined;
  const [entry, index] = hit;
  return { path: ancestry(entries, index), key: entry.span, ...(entry.value ? { value: entry.value } : {}) };
}

/** The path from the document's root to the entry at `index`, each parent being the nearest shallower entry before. */
function ancestry(entries: readonly Entry[], index: number): PathSegment[] {
  const path: PathSegment[] = [];
  let current = index;
  let indent = entries[index].indent;
  const doc = entries[index].doc;
  path.unshift(entries[index].key ?? '');
  for (let i = index - 1; i >= 0 && entries[i].doc === doc; i--) {
    const entry = entries[i];
    const isParentItem = entry.kind === 'item' && entry.indent < indent;
    const isParentKey = entry.kind === 'key' && (entry.indent < indent || (entries[current].kind === 'item' && entry.indent === indent));
    if (isParentItem) {
      path.unshift(siblingIndex(entries, i));
      indent = entry.indent;
      current = i;
    } else if (isParentKey) {
      path.unshift(entry.key ?? '');
      indent = entry.indent;
      current = i;
    }
  }
  return path;
}

/** How many items at the same column precede this one under the same parent. */
function siblingIndex(entries: readonly Entry[], at: number): number {
  const { indent, doc } = entries[at];
  let count = 0;
  for (let i = at - 1; i >= 0 && entries[i].doc === doc; i--) {
    const entry = entries[i];
    if (entry.indent < indent || (entry.kind === 'key' && entry.indent === indent)) break;
    if (entry.kind === 'item' && entry.indent === indent) count++;
  }
  return count;
}

/** `.Values.server.service.nodePort` and `$.Values.x` references in a span of template text, as values paths. */
export function valuesReferences(text: string): string[][] {
  const references: string[][] = [];
  for (const match of text.matchAll(/\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) references.push(match[1].slice(1).split('.'));
  return references;
}

/** The text of the line around an offset. */
export function lineAround(text: string, offset: number): Span {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  return { start, end: text[end - 1] === '\r' ? end - 1 : end };
}
