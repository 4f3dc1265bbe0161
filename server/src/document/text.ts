import type { Position, Range } from '../protocol/basics';

export type { Position, Range } from '../protocol/basics';

/** Maps offsets to line/character positions with a binary search over line starts. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // The common case, and several times faster on multi-megabyte files than looking at every character.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, position.character), next);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** The line table an open document keeps (vscode-languageserver-textdocument's TextDocument has this shape). */
export interface DocumentLines {
  readonly lineCount: number;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/** What every feature maps offsets with: LineIndex, or the same mapping through an open document's line table. */
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

/** Go's strings.TrimSpace: Unicode White_Space, which differs from String.prototype.trim (U+0085 yes, U+FEFF no). */
export function goTrimSpace(s: string): string {
  const space = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  let start = 0;
  let end = s.length;
  while (start < end && space.test(s[start])) start++;
  while (end > start && space.test(s[end - 1])) end--;
  return s.slice(start, end);
}
