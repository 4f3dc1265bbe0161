import { isScalar } from 'yaml';
import type { FixContext, FixProvider } from '../analysis/fix';
import { dataString, fixOf, locatedAt, replaceAtFinding } from './helpers';
import { relativeSpan } from '../document/nodeAtSpan';
import { asMap, fieldOf, fieldsOf } from '../document/yamlNodes';

/**
 * A plain IP where a CIDR belongs means that single address: /32 (or /128) says exactly that (safe). In the legacy
 * annotation the finding covers just the bad entry of the comma-separated list when the rule could locate it; those
 * characters are replaced in place, inside any quotes. A finding on a whole multi-entry value gets no fix.
 */
export const fixLbSourceRangesInvalid: FixProvider = (ctx) => {
  const suggestion = dataString(ctx, 'suggestion');
  if (!suggestion) return [];
  const title = `Change to ${suggestion} (that single address)`;
  const located = locatedAt(ctx);
  if (located && located.kind !== 'key') {
    if (located.kind === 'value' && isScalar(located.node) && String(located.node.value).includes(',')) return [];
    return fixOf(title, [replaceAtFinding(ctx, suggestion)], { safe: true, preferred: true });
  }
  const inner = ctx.file.text.slice(ctx.finding.start, ctx.finding.end);
  if (inner === '' || /["'\\,\s]/.test(inner) || !withinAnnotationValue(ctx)) return [];
  return fixOf(title, [{ start: ctx.finding.start, end: ctx.finding.end, newText: suggestion }], { safe: true, preferred: true });
};

/** Whether the finding lies strictly inside a one-line plain or quoted annotation value (never in a block scalar). */
function withinAnnotationValue(ctx: FixContext): boolean {
  const span = relativeSpan(ctx.chunk.start, ctx.finding);
  const annotations = asMap(fieldOf(ctx.object.metadata, 'annotations')?.node);
  return !!annotations && fieldsOf(annotations).some(({ node }) => {
    const range = node?.range;
    return isScalar(node) && ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(node.type ?? '') && !!range && range[0] <= span.start && span.end <= range[1];
  });
}
