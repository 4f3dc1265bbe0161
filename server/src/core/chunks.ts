/**
 * Splits a multi-document YAML text at `---` marker lines with a cheap line scan, so each chunk can be
 * parsed and cached on its own. A `---` at column 0 always starts a document in YAML 1.2 (it is a
 * forbidden line start inside any scalar), so this never cuts through a node.
 */
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
  // Comments and directives before a marker belong to the document that marker starts.
  let preambleOnly = true;
  let lineStart = 0;
  for (;;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const isMarker = text.charCodeAt(lineStart) === 45 /* - */ || text.charCodeAt(lineStart) === 0xfeff;
    const line = text.slice(lineStart, lineEnd);
    if (isMarker && DOCUMENT_START.test(line)) {
      if (!preambleOnly) {
        chunks.push({ start: chunkStart, text: text.slice(chunkStart, lineStart) });
        chunkStart = lineStart;
      }
      preambleOnly = false;
    } else if (preambleOnly && !PREAMBLE_LINE.test(line)) {
      preambleOnly = false;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  chunks.push({ start: chunkStart, text: text.slice(chunkStart) });
  return chunks;
}
