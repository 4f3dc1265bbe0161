import type { FileModel } from '../parse';
import { LineIndex, type Position } from '../text';

export interface PositionMapper {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

const lineIndexes = new WeakMap<FileModel, LineIndex>();

/**
 * Offsets ↔ positions for a file: through the open document when there is one (its line table already exists),
 * else through a line table built once per parsed version of the file.
 */
export function positionMapper(file: FileModel, document?: PositionMapper): PositionMapper {
  if (document) return document;
  let lines = lineIndexes.get(file);
  if (!lines) lineIndexes.set(file, (lines = new LineIndex(file.text)));
  return lines;
}
