import { documentLineIndex, LineIndex, type DocumentLines, type LinePositions } from './text';

export type PositionMapper = LinePositions;

/** A parsed version of a file: the same object for as long as its text is unchanged. */
export interface TextSource {
  readonly text: string;
}

const lineIndexes = new WeakMap<TextSource, LineIndex>();

/**
 * Offsets ↔ positions for a file, the same for every feature (diagnostics, quick fixes, navigation): through the open
 * document when there is one (its line table already exists and follows edits), else through a line table built once
 * per parsed version of the file. Either way the mapping is LineIndex's, so a quick fix finds the finding behind a
 * diagnostic by comparing ranges even in CRLF corners.
 */
export function positionMapper(file: TextSource, document?: DocumentLines): PositionMapper {
  if (document) return documentLineIndex(file.text, document);
  let lines = lineIndexes.get(file);
  if (!lines) lineIndexes.set(file, (lines = new LineIndex(file.text)));
  return lines;
}
