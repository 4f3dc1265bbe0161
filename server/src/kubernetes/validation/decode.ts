import { isScalar, isSeq, type Document, type Node } from 'yaml';
import { decodedString } from './names';
import { spanOf, type Field, type Span } from '../../document/yamlNodes';

/** One entry of a list of strings, with where it is written. */
export interface StringEntry {
  index: number;
  value: string;
  span: Span;
}

/**
 * The entries of a `[]string` field. `null` entries read as "" like Go's decoder; a missing or null field is an
 * empty list. Undefined when the field or an entry has another type: that is the valueType rule's finding.
 */
export function stringEntries(field: Field | undefined, doc: Document): StringEntry[] | undefined {
  if (!field || field.node === null || (isScalar(field.node) && field.node.value === null)) return [];
  if (!isSeq(field.node)) return undefined;
  const entries: StringEntry[] = [];
  for (const [index, item] of field.node.items.entries()) {
    const value = decodedString(item as Node, doc);
    const span = spanOf(item as Node);
    if (!span || value === undefined) return undefined;
    entries.push({ index, value: value ?? '', span });
  }
  return entries;
}

/** A scalar field's string: null when absent or null (Go's nil pointer or zero value), undefined for another type. */
export function stringOrNull(field: Field | undefined, doc: Document): string | null | undefined {
  return decodedString(field?.node, doc);
}

/** A string field where Go cannot tell absent from empty: '' when absent or null, undefined for another type. */
export function optionalString(field: Field | undefined, doc: Document): string | undefined {
  const value = stringOrNull(field, doc);
  return value === null ? '' : value;
}
