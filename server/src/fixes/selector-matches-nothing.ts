import { isScalar } from 'yaml';
import type { FixProvider } from '../analysis/fix';
import { fixOf, serviceSpec } from './helpers';
import { indentOf, lineContentEnd, lineEnding, removePairs, renameKey, replaceNode, replaceScalar, scalarText, type TextEdit } from '../document/edits';
import { formatLabels } from '../kubernetes/selection';
import { asMap, fieldsOf, stringValue } from '../document/yamlNodes';

interface Closest {
  kind: string;
  name?: string;
  podLabels: Record<string, string>;
  namespaceDiffers: boolean;
}

/**
 * Makes the selector match the pods of the closest workload with the fewest edits: labels the pods carry stay, a
 * value or the case of a key is corrected, labels the pods lack go; if nothing would be left, the pods' labels are
 * copied. A workload in another namespace cannot be selected, so nothing is offered then. Changes which pods get
 * traffic, so never applied unseen.
 */
export const fixSelectorMatchesNothing: FixProvider = (ctx) => {
  const target = serviceSpec(ctx);
  const closest = ctx.finding.data?.closest as Closest | undefined;
  const selectorField = target?.service.fields.selector;
  const selector = asMap(selectorField?.node);
  if (!target || !closest || closest.namespaceDiffers || !selector || !selectorField) return [];
  const labels = closest.podLabels;
  const podKeys = Object.keys(labels);
  if (podKeys.length === 0) return [];
  const { text } = ctx.file;
  const doc = target.service.doc;
  const edits: TextEdit[] = [];
  const removed = [];
  const result: Record<string, string> = {};
  for (const field of fieldsOf(selector)) {
    const value = stringValue(field.node, doc);
    const key = labels[field.key] !== undefined ? field.key : podKeys.find((k) => k.toLowerCase() === field.key.toLowerCase() && !fieldsOf(selector).some((f) => f.key === k));
    if (key === undefined) {
      removed.push(field.pair);
      continue;
    }
    result[key] = labels[key];
    if (key !== field.key) edits.push(renameKey(ctx.chunk, field.pair, key));
    if (value !== labels[key]) {
      edits.push(isScalar(field.node) && field.node.value !== null ? replaceScalar(ctx.chunk, field.node, labels[key]) : replaceNode(ctx.chunk, field.node, scalarText(labels[key])));
    }
  }
  edits.push(...removePairs(text, ctx.chunk, selector, removed));
  if (Object.keys(result).length === 0) {
    Object.assign(result, labels);
    const entries = podKeys.map((k) => [scalarText(k), scalarText(labels[k])] as const);
    if (selector.flow) {
      edits.length = 0;
      edits.push(replaceNode(ctx.chunk, selector, `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`));
    } else {
      // At the end of the `selector:` line, right where the removed labels stood, at their indentation.
      const at = lineContentEnd(text, ctx.chunk.start + selectorField.keySpan.end);
      const indent = ' '.repeat(indentOf(text, ctx.chunk, selector));
      edits.push({ start: at, end: at, newText: entries.map(([k, v]) => `${lineEnding(text)}${indent}${k}: ${v}`).join('') });
    }
  }
  const who = `${closest.kind} ${closest.name ?? '(unnamed)'}`;
  return fixOf(`Change the selector to ${formatLabels(result)} (the pods of ${who})`, edits, { safe: false, preferred: true });
};
