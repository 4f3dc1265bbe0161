import { markerLineAt, splitChunks, type TextChunk } from './chunks';

/** A chunk of an earlier split, with the text it was split from. */
export interface SplitChunk {
  readonly start: number;
  readonly parsed: { readonly text: string };
}

/**
 * splitChunks(text) for a text that differs from `previousText` (split as `previous`) by an edit somewhere in the
 * middle, without scanning all of it: the documents before the edit keep their place, those after it move by the
 * change in length, and only the stretch in between is split again. Unchanged pieces share the previous chunk's
 * text string, so matching them to their parse afterwards is a pointer comparison. Undefined when the first
 * document changed: where the first `---` falls decides whether leading comments belong to it, so that case takes
 * the full split.
 */
export function resplitChunks(previousText: string, previous: readonly SplitChunk[], text: string): TextChunk[] | undefined {
  const count = previous.length;
  const end = (chunk: SplitChunk) => chunk.start + chunk.parsed.text.length;
  // Equality of a slice compares memory at once; startsWith walks sliced strings a character at a time.
  const at = (chunk: SplitChunk, start: number) => text.slice(start, start + chunk.parsed.text.length) === chunk.parsed.text;
  let head = 0;
  while (head < count && at(previous[head], previous[head].start)) head++;
  // A matching document still ends where it did only if a marker line still follows it (or the text ends). A match
  // of a bare `---` at the end of the text can be the start of `---x`, so this may step back more than once.
  const boundaryHolds = (at: number) => at === text.length || (text.charCodeAt(at - 1) === 10 && markerLineAt(text, at));
  while (head > 0 && !boundaryHolds(end(previous[head - 1]))) head--;
  if (head === 0) return undefined;
  const headEnd = end(previous[head - 1]);

  const delta = text.length - previousText.length;
  let tail = 0;
  while (tail < count - head) {
    const chunk = previous[count - 1 - tail];
    const start = chunk.start + delta;
    // Every later document starts with its own marker line, so text equality at a line start keeps the boundary.
    if (start < headEnd || text.charCodeAt(start - 1) !== 10 || !at(chunk, start)) break;
    tail++;
  }
  const tailStart = tail > 0 ? previous[count - tail].start + delta : text.length;

  const pieces: TextChunk[] = [];
  for (let i = 0; i < head; i++) pieces.push({ start: previous[i].start, text: previous[i].parsed.text });
  if (tailStart > headEnd) {
    for (const piece of splitChunks(text.slice(headEnd, tailStart))) pieces.push({ start: headEnd + piece.start, text: piece.text });
  }
  for (let i = count - tail; i < count; i++) pieces.push({ start: previous[i].start + delta, text: previous[i].parsed.text });
  return pieces;
}
