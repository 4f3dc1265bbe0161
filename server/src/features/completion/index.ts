/**
 * Completion entry point of the pure core: offset in, suggestions with absolute replace ranges out. Works on the
 * document as typed (see outline.ts), and only inside Services: `spec` keys, `spec.ports[]` keys, enum values,
 * selector labels, targetPort and nodePort values, plus whole-Service snippets in an empty document.
 */
import { indentUnit } from '../../document/edits';
import { chunkAt, type PathSegment } from '../../kubernetes/locate';
import { cursorAt, type Cursor } from './cursor';
import { IP_FAMILIES, enumValues, type EnumValue } from './enums';
import { keyCompletions } from './fields';
import { selectorKeyCompletions, selectorLabelValueCompletions, selectorValueCompletions } from './labels';
import { nodePortCompletions, targetPortCompletions } from './ports';
import { snippetCompletions } from './snippets';
import { sortKey, type CompletionEntry, type CompletionEnv, type CompletionResult } from './types';

export type { CompletionEntry, CompletionEnv, CompletionResult } from './types';

const NONE: CompletionResult = { items: [], isIncomplete: false };

export function completeAt(env: CompletionEnv, offset: number): CompletionResult {
  if (notAService(env, offset)) return NONE;
  const cursor = cursorAt(env.file, offset);
  if (!cursor) return NONE;
  if (cursor.kind === undefined) return { items: snippetCompletions(cursor, indentUnit(env.file.text)), isIncomplete: false };
  if (cursor.kind !== 'Service' || (cursor.apiVersion !== undefined && cursor.apiVersion !== 'v1')) return NONE;
  return serviceCompletions(asKeyOfNewItem(cursor), env);
}

/**
 * Documents that certainly hold no Service are left before the line outline is built: a CRD can be thousands of
 * lines. A document being typed into keeps its `kind` line, so its parse still yields the Service; only when the
 * parse yields no object at all does the outline decide.
 */
function notAService(env: CompletionEnv, offset: number): boolean {
  const parsed = chunkAt(env.file.chunks, offset)?.parsed;
  if (!parsed) return true;
  if (parsed.skippedKind !== undefined) return true;
  return parsed.objects.length > 0 && !parsed.objects.some((object) => object.kind === 'Service');
}

/** `- |` or `- po|` in `ports` is the first key of a new port mapping, not a scalar item. */
function asKeyOfNewItem(cursor: Cursor): Cursor {
  if (cursor.position !== 'item' || !isPath(cursor.path, ['spec', 'ports']) || cursor.index === undefined) return cursor;
  return { ...cursor, position: 'key', path: [...cursor.path, cursor.index], written: false };
}

function isPath(path: readonly PathSegment[], expected: readonly PathSegment[]): boolean {
  return path.length === expected.length && path.every((segment, i) => expected[i] === '*' || segment === expected[i]);
}

function serviceCompletions(cursor: Cursor, env: CompletionEnv): CompletionResult {
  const { path, position } = cursor;
  if (position === 'key') {
    if (isPath(path, ['spec', 'selector'])) return selectorKeyCompletions(cursor, env);
    return { items: keyCompletions(cursor, env.file.text) ?? [], isIncomplete: false };
  }
  if (position === 'item') {
    return { items: isPath(path, ['spec', 'ipFamilies']) ? enumItems(cursor, IP_FAMILIES) : [], isIncomplete: false };
  }
  if (isPath(path, ['spec', 'selector'])) return selectorValueCompletions(cursor, env, env.file.text);
  if (isPath(path, ['spec', 'selector', '*'])) return selectorLabelValueCompletions(cursor, env);
  if (isPath(path, ['spec', 'ports', '*', 'targetPort'])) return { items: targetPortCompletions(cursor, env), isIncomplete: false };
  if (isPath(path, ['spec', 'ports', '*', 'nodePort'])) return { items: nodePortCompletions(cursor, env), isIncomplete: true };
  if (isPath(path, ['spec', 'ports', '*', 'protocol']))
    return { items: enumItems(cursor, enumValues('protocol', env.settings.nodePortRange) ?? []), isIncomplete: false };
  if (path.length === 2 && path[0] === 'spec') {
    const values = enumValues(String(path[1]), env.settings.nodePortRange);
    if (values) return { items: enumItems(cursor, values), isIncomplete: false };
  }
  return NONE;
}

function enumItems(cursor: Cursor, values: readonly EnumValue[]): CompletionEntry[] {
  return values.map((value, i) => ({
    label: value.value,
    kind: 'enum',
    detail: value.deprecated ? 'deprecated' : value.isDefault ? 'default' : undefined,
    documentation: value.doc,
    insertText: `${cursor.needsSpace ? ' ' : ''}${value.value}`,
    snippet: false,
    filterText: value.value,
    start: cursor.start,
    end: cursor.end,
    sortText: sortKey(value.deprecated ? 1 : 0, i),
  }));
}
