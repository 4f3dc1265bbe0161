/** Shapes every layer and the client share; they match LSP's so a position crosses the wire unchanged. */

/** Offsets are JS string indices, i.e. UTF-16 code units, which is exactly what LSP positions count. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
