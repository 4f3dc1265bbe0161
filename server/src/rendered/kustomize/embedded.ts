import { isScalar, Scalar } from 'yaml';

/**
 * YAML written inside a string of another YAML file: an inline patch (`patches: - patch: |-`). Its own parse has
 * offsets into the string's value; `toSource` maps them back to the kustomization so an origin lands on the line the
 * user wrote.
 */
export interface EmbeddedText {
  text: string;
  /** The kustomization offset of the character at `offset` in `text`; undefined when it cannot be told. */
  toSource: (offset: number) => number | undefined;
}

/**
 * The text of a scalar with a way back to its source characters. Only literal block scalars (`|`, `|-`, `|+`) keep
 * every character on its own line and column, so only they map; a folded or quoted patch maps to nothing and its
 * origin falls back to the patch entry.
 */
export function blockScalarText(node: Scalar | undefined, source: string): EmbeddedText | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const text = node.value;
  const unmapped = { text, toSource: () => undefined };
  if (node.type !== Scalar.BLOCK_LITERAL || !node.range) return unmapped;
  const lines = linesOf(source, node.range[0], node.range[1]).slice(1);
  const written = lines.filter((line) => line.text.trim() !== '');
  if (written.length === 0) return unmapped;
  const indent = Math.min(...written.map((line) => /^ */.exec(line.text)![0].length));
  const decoded = lines.map((line) => line.text.slice(indent)).join('\n');
  if (decoded.replace(/\n+$/, '') !== text.replace(/\n+$/, '')) return unmapped;
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += Math.max(0, line.text.length - indent) + 1;
  }
  return {
    text,
    toSource(offset) {
      if (offset < 0 || offset > text.length) return undefined;
      let index = starts.length - 1;
      while (index > 0 && starts[index] > offset) index--;
      return lines[index].start + indent + (offset - starts[index]);
    },
  };
}

/** The lines of `source` between two offsets, each with its start offset, without line terminators. */
function linesOf(source: string, from: number, to: number): Array<{ start: number; text: string }> {
  const lines: Array<{ start: number; text: string }> = [];
  const pattern = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  pattern.lastIndex = from;
  while (pattern.lastIndex < to) {
    const start = pattern.lastIndex;
    const match = pattern.exec(source);
    if (!match || match[0] === '') break;
    lines.push({ start, text: match[1].slice(0, Math.max(0, to - start)) });
  }
  return lines;
}
