import { LineIndex } from '../../server/src/document/text';

/** A marked stretch of fixture text, as absolute offsets into the text without its markers. */
export interface MarkedSpan {
  start: number;
  end: number;
  text: string;
}

export interface Marked {
  /** The fixture text with every marker removed: what the test parses. */
  text: string;
  /** Where the cursor marker was; undefined when there was none. */
  cursor: number | undefined;
  /** Every `[[...]]` span, in the order they open. */
  spans: MarkedSpan[];
}

export interface MarkerOptions {
  /** The cursor marker; `<|>` by default. Completion fixtures use `|`, which YAML block scalars also use. */
  cursor?: string;
}

const SPAN_OPEN = '[[';
const SPAN_CLOSE = ']]';

/**
 * Reads markers out of fixture text: one cursor (`<|>`, or `options.cursor`) and any number of `[[spans]]`, which may
 * nest. Tests then assert offsets and ranges that move with the fixture instead of hard-coded numbers. Throws on
 * two cursors or unbalanced brackets, so a broken fixture fails loudly (YAML's own `[[` cannot be marked up).
 */
export function marked(source: string, options: MarkerOptions = {}): Marked {
  const cursorMarker = options.cursor ?? '<|>';
  let text = '';
  let cursor: number | undefined;
  const spans: MarkedSpan[] = [];
  const open: MarkedSpan[] = [];
  for (let i = 0; i < source.length;) {
    if (source.startsWith(cursorMarker, i)) {
      if (cursor !== undefined) throw new Error(`two cursor markers ${JSON.stringify(cursorMarker)} in the fixture`);
      cursor = text.length;
      i += cursorMarker.length;
    } else if (source.startsWith(SPAN_OPEN, i)) {
      const span = { start: text.length, end: -1, text: '' };
      spans.push(span);
      open.push(span);
      i += SPAN_OPEN.length;
    } else if (source.startsWith(SPAN_CLOSE, i)) {
      const span = open.pop();
      if (!span) throw new Error(`${SPAN_CLOSE} without ${SPAN_OPEN} in the fixture`);
      span.end = text.length;
      i += SPAN_CLOSE.length;
    } else {
      text += source[i];
      i++;
    }
  }
  if (open.length > 0) throw new Error(`${open.length} unclosed ${SPAN_OPEN} in the fixture`);
  for (const span of spans) span.text = text.slice(span.start, span.end);
  return { text, cursor, spans };
}

/** The cursor offset of marked text; throws when the fixture has no cursor marker. */
export function cursorOf(result: Marked): number {
  if (result.cursor === undefined) throw new Error('no cursor marker in the fixture');
  return result.cursor;
}

/** The 0-based line and UTF-16 character of an offset, as LSP positions count. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  return new LineIndex(text).positionAt(offset);
}

/** The offset of the `occurrence`-th `needle` in `text` (0-based); throws when missing, so a typo fails loudly. */
export function offsetOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`needle ${JSON.stringify(needle)} #${occurrence} not in text`);
  }
  return at;
}

/** The 0-based line of the `occurrence`-th `needle`, for asserting links and positions without counting lines. */
export function lineOf(text: string, needle: string, occurrence = 0): number {
  return positionOf(text, offsetOf(text, needle, occurrence)).line;
}
