/**
 * Splits a multi-document YAML text at `---` marker lines with a cheap line scan, so each chunk can be
 * parsed and cached on its own. A `---` at column 0 always starts a document in YAML 1.2 (it is a
 * forbidden line start inside any scalar), so this never cuts through a node.
 */
/** Where a chunk sits in its file: every edit and span inside it is relative to `start`. */
export interface Placed {
  readonly start: number;
}

export interface TextChunk {
  /** Absolute offset of the chunk's first character in the file. */
  start: number;
  text: string;
}

const DOCUMENT_START = /^\uFEFF?---(?:[ \t]|\r?$)/;
const PREAMBLE_LINE = /^\uFEFF?(?:[ \t]*(?:#.*)?\r?$|%)/;

export function splitChunks(text: string): TextChunk[] {
  const chunks: TextChunk[] = [];
  let chunkStart = 0;
  // Only the first chunk can be mere preamble: every later one starts with its own marker line.
  let firstMarkerSeen = false;
  // indexOf jumps from candidate to candidate, so a 5 MB file costs a few hundred checks, not 100,000 line splits.
  for (let at = text.indexOf('---'); at !== -1; at = text.indexOf('---', at + 3)) {
    const lineStart = at === 1 && text.charCodeAt(0) === 0xfeff ? 0 : at;
    if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 /* \n */) continue;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) lineEnd = text.length;
    if (!DOCUMENT_START.test(text.slice(lineStart, lineEnd))) continue;
    // Comments and directives before the first marker belong to the document that marker starts.
    const split = firstMarkerSeen || !isPreamble(text.slice(chunkStart, lineStart));
    firstMarkerSeen = true;
    if (split && lineStart > chunkStart) {
      chunks.push({ start: chunkStart, text: text.slice(chunkStart, lineStart) });
      chunkStart = lineStart;
    }
  }
  chunks.push({ start: chunkStart, text: text.slice(chunkStart) });
  return chunks;
}

/** Whether a document-start marker line (`---`) begins at `offset`, which must be the start of a line. */
export function markerLineAt(text: string, offset: number): boolean {
  if (!text.startsWith('---', offset)) return false;
  const end = text.indexOf('\n', offset);
  return DOCUMENT_START.test(text.slice(offset, end === -1 ? text.length : end));
}

function isPreamble(head: string): boolean {
  return head.split('\n').every((line, i, lines) => (i === lines.length - 1 && line === '') || PREAMBLE_LINE.test(line));
}
