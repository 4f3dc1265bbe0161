import { isMap, isScalar, type YAMLMap } from 'yaml';
import { isService, type ServiceModel } from '../kubernetes/model';
import type { LabelData } from '../kubernetes/validation/labels';
import { removeItem, removePair, renameKey, replaceNode, replaceScalar, type TextEdit } from '../document/edits';
import type { Fix, FixContext, FixTarget } from './fix';
import { locateSpan, relativeSpan, type Located } from '../document/nodeAtSpan';
import { fieldOf } from '../document/yamlNodes';

/** The key, value or list item the finding's range covers. */
export function locatedAt(ctx: FixTarget): Located | undefined {
  return locateSpan(ctx.object.root, relativeSpan(ctx.chunk.start, ctx.finding));
}

/** The finding's object as a Service with a `spec:` mapping, or undefined. */
export function serviceSpec(ctx: FixTarget): { service: ServiceModel; spec: YAMLMap } | undefined {
  const { object } = ctx;
  return isService(object) && isMap(object.spec) ? { service: object, spec: object.spec } : undefined;
}

/** Replaces the scalar the finding covers (a value or a list item) by `value`, keeping its quoting style. */
export function replaceAtFinding(ctx: FixTarget, value: string): TextEdit | undefined {
  const located = locatedAt(ctx);
  if (!located || located.kind === 'key' || !isScalar(located.node)) return undefined;
  return replaceScalar(ctx.chunk, located.node, value);
}

/** Writes a number over the scalar the finding covers (plain, whatever the old quoting: a quoted number is a string). */
export function replaceNumberAtFinding(ctx: FixTarget, value: number): TextEdit | undefined {
  const located = locatedAt(ctx);
  if (!located || located.kind === 'key' || !isScalar(located.node)) return undefined;
  return replaceNode(ctx.chunk, located.node, String(value));
}

/** Removes the `key: value` entry whose key or value the finding covers. */
export function removeEntryAtFinding(ctx: FixTarget): TextEdit | undefined {
  const located = locatedAt(ctx);
  if (!located || located.kind === 'item') return undefined;
  return removePair(ctx.file.text, ctx.chunk, located.map, located.pair);
}

/** Removes the list item the finding covers. */
export function removeItemAtFinding(ctx: FixTarget): TextEdit | undefined {
  const located = locatedAt(ctx);
  if (!located || located.kind !== 'item') return undefined;
  return removeItem(ctx.file.text, ctx.chunk, located.seq, located.index);
}

/** One fix, or none when an edit could not be computed (an unusual layout is left to the user, never guessed). */
export function fixOf(title: string, edits: ReadonlyArray<TextEdit | undefined>, options: { safe: boolean; preferred?: boolean }): Fix[] {
  if (edits.length === 0 || edits.some((edit) => edit === undefined)) return [];
  return [{ title, edits: edits as TextEdit[], safe: options.safe, preferred: options.preferred ?? false }];
}

/** Marks the first fix of a list preferred (the one the quick-fix shortcut and fix-all pick). */
export function preferFirst(fixes: Fix[]): Fix[] {
  return fixes.map((fix, i) => ({ ...fix, preferred: i === 0 }));
}

/** The valid spelling differs from what is written only in letter case (`tcp` → `TCP`): the meaning is certain. */
export function sameIgnoringCase(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** "Change <field> to <value>" for a value suggestion the rule computed (its `data.suggestion`); safe when only the case differs. */
export function suggestionFixes(ctx: FixTarget, suggestion: string | undefined, options: { safe?: boolean; what?: string } = {}): Fix[] {
  const located = locatedAt(ctx);
  if (!suggestion || !located || located.kind === 'key' || !isScalar(located.node)) return [];
  const current = String(located.node.value ?? '');
  const safe = options.safe ?? sameIgnoringCase(current, suggestion);
  const title = options.what ? `Change ${options.what} to ${suggestion}` : `Change to ${suggestion}`;
  return fixOf(title, [replaceScalar(ctx.chunk, located.node, suggestion)], { safe, preferred: true });
}

/**
 * A label (or selector) key or value in the valid spelling the rule suggests. Labels are matched exactly, so a
 * changed selector or label selects different pods: offered, never applied unseen. No rename onto an existing key.
 */
export function labelSpellingFix(ctx: FixContext<LabelData>): Fix[] {
  const { part, suggestion } = ctx.data;
  const located = locatedAt(ctx);
  if (!suggestion || !located) return [];
  if (part === 'key' && located.kind === 'key') {
    if (fieldOf(located.map, suggestion)) return [];
    return fixOf(`Rename the key to ${suggestion}`, [renameKey(ctx.chunk, located.pair, suggestion)], { safe: false, preferred: true });
  }
  if (part === 'value' && located.kind === 'value' && isScalar(located.node)) {
    return fixOf(`Change the value to ${suggestion}`, [replaceScalar(ctx.chunk, located.node, suggestion)], { safe: false, preferred: true });
  }
  return [];
}
