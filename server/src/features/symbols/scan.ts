/**
 * `kind`, `metadata.name` and `metadata.namespace` of a document that parse.ts did not compose (a ConfigMap, a CRD:
 * see ParsedChunk.skippedKind), found with a line scan so the outline lists every object without the cost of
 * composing documents nothing else reads. The scan only trusts block style at the top level, which is what the
 * skipped-kind check itself requires (exactly one top-level `kind:` line).
 */
import type { Span } from '../../document/yamlNodes';

export interface ScannedObject {
  kind: string;
  kindSpan: Span;
  name?: string;
  nameSpan?: Span;
  namespace?: string;
  /** From the first to the last line of content (markers, comments and blank lines around it excluded). */
  span: Span;
}

const KIND_LINE = /^kind:[ \t]*(["']?)([A-Za-z0-9]+)\1[ \t]*(?:#.*)?$/;
const METADATA_LINE = /^metadata:[ \t]*(?:#.*)?$/;
const FIELD_LINE = /^([ ]+)(name|namespace):[ \t]*(["']?)([^"'#\s]+)\3[ \t]*(?:#.*)?$/;
const SKIP_LINE = /^(?:[ \t]*(?:#.*)?|---.*|\.\.\..*|%.*)$/;

export function scanObject(text: string): ScannedObject | undefined {
  let kind: ScannedObject['kind'] | undefined;
  let kindSpan: Span | undefined;
  const found: Partial<Record<'name' | 'namespace', { value: string; span: Span }>> = {};
  let inMetadata = false;
  let fieldIndent: number | undefined;
  let first: number | undefined;
  let last = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (!SKIP_LINE.test(line)) {
      first ??= lineStart;
      last = lineStart + line.length;
      const kindMatch = KIND_LINE.exec(line);
      if (kindMatch) {
        kind = kindMatch[2];
        const at = line.indexOf(kindMatch[2], 5);
        kindSpan = { start: lineStart + at, end: lineStart + at + kind.length };
      }
      if (!line.startsWith(' ')) {
        inMetadata = METADATA_LINE.test(line);
        fieldIndent = undefined;
      } else if (inMetadata) {
        const indent = line.length - line.trimStart().length;
        fieldIndent ??= indent;
        const field = FIELD_LINE.exec(line);
        if (field && indent === fieldIndent && !found[field[2] as 'name' | 'namespace']) {
          const at = line.indexOf(field[4], indent + field[2].length + 1);
          found[field[2] as 'name' | 'namespace'] = { value: field[4], span: { start: lineStart + at, end: lineStart + at + field[4].length } };
        }
      }
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  if (kind === undefined || kindSpan === undefined || first === undefined) return undefined;
  return {
    kind,
    kindSpan,
    name: found.name?.value,
    nameSpan: found.name?.span,
    namespace: found.namespace?.value,
    span: { start: first, end: last },
  };
}
