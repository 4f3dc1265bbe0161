import { isScalar, isSeq } from 'yaml';
import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, locatedAt, replaceAtFinding, serviceSpec } from './helpers';
import { removeItem, removePair, replaceScalar } from '../document/edits';
import { setScalarField } from '../document/structure';
import { fieldOf } from '../document/yamlNodes';

/**
 * - clusterIPs without clusterIP: add clusterIP with clusterIPs' first value, which is what the API requires and
 *   what the user already wrote (safe);
 * - clusterIPs[0] differs from clusterIP: make one match the other (a choice);
 * - more than two cluster IPs: drop the extra entries (a choice);
 * - an invalid clusterIP: remove it so Kubernetes allocates one (a choice).
 */
export const fixClusterIPInvalid: FixProvider = (ctx) => {
  const target = serviceSpec(ctx);
  if (!target) return [];
  const { text } = ctx.file;
  const data = ctx.finding.data ?? {};
  const missing = dataString(ctx, 'clusterIP');
  if (missing !== undefined) {
    return fixOf(`Add clusterIP: ${missing} (the first of clusterIPs)`, [setScalarField(text, ctx.chunk, target.spec, 'clusterIP', missing)], { safe: true, preferred: true });
  }
  const expected = dataString(ctx, 'expected');
  if (expected !== undefined) {
    const clusterIP = fieldOf(target.spec, 'clusterIP')?.node;
    const located = locatedAt(ctx);
    const first = located && located.kind === 'item' && isScalar(located.node) ? String(located.node.value) : undefined;
    const fixes = fixOf(`Change clusterIPs[0] to ${expected}`, [replaceAtFinding(ctx, expected)], { safe: false, preferred: true });
    if (first && isScalar(clusterIP)) fixes.push(...fixOf(`Change clusterIP to ${first}`, [replaceScalar(ctx.chunk, clusterIP, first)], { safe: false }));
    return fixes;
  }
  if (data.max === 2) {
    const list = fieldOf(target.spec, 'clusterIPs')?.node;
    if (!isSeq(list)) return [];
    // In flow style one cut from the second value's end keeps the commas right; in block style each line goes.
    const end = (i: number) => ctx.chunk.start + (list.items[i] as { range: [number, number, number] }).range[1];
    const extra = list.flow
      ? [{ start: end(1), end: end(list.items.length - 1), newText: '' }]
      : list.items.slice(2).map((_, i) => removeItem(text, ctx.chunk, list, i + 2));
    return fixOf('Keep only the first two cluster IPs', extra, { safe: false, preferred: true });
  }
  const located = locatedAt(ctx);
  if (dataString(ctx, 'value') !== undefined && located?.kind === 'value' && fieldOf(target.spec, 'clusterIP')?.pair === located.pair) {
    return fixOf('Remove clusterIP (Kubernetes allocates one)', [removePair(text, ctx.chunk, target.spec, located.pair)], { safe: false, preferred: true });
  }
  return [];
};
