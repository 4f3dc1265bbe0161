import type { Position, Range } from '../text';

/** The line table an open document keeps (vscode-languageserver-textdocument's TextDocument has this shape). */
export interface DocumentLines {
  readonly lineCount: number;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/** The part of LineIndex (core/text.ts) code actions use. */
export interface LinePositions {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  rangeOf(start: number, end: number): Range;
}

/**
 * Exactly LineIndex's mapping, computed on the line table the open document already keeps up to date as it is edited:
 * a new LineIndex of a 5 MB text costs several milliseconds, on every cursor move. The document's own mapping differs
 * in CRLF corners (it never puts a position between `\r` and `\n`, and clamps a character past the end of a line to
 * before the line break), and diagnostics are placed with LineIndex: a quick fix finds its finding by comparing
 * ranges, so they must be computed the same way.
 */
export function documentLineIndex(text: string, document: DocumentLines): LinePositions {
  const positionAt = (offset: number): Position => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const position = document.positionAt(clamped);
    // The one place the document steps back (to before the `\r`); LineIndex counts the `\r` as on the line.
    const insideCrLf = clamped > 0 && text.charCodeAt(clamped - 1) === 13 && text.charCodeAt(clamped) === 10;
    return insideCrLf ? { line: position.line, character: position.character + 1 } : position;
  };
  const offsetAt = (position: Position): number => {
    if (position.line < 0) return 0;
    if (position.line >= document.lineCount) return text.length;
    // Line starts are the same in both; only the clamp at the end of the line differs (LineIndex: the next line start).
    const start = document.offsetAt({ line: position.line, character: 0 });
    const next = position.line + 1 < document.lineCount ? document.offsetAt({ line: position.line + 1, character: 0 }) : text.length;
    return Math.min(start + Math.max(0, position.character), next);
  };
  return { positionAt, offsetAt, rangeOf: (start, end) => ({ start: positionAt(start), end: positionAt(end) }) };
}
