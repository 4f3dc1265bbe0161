import { isScalar } from 'yaml';
import type { FixProvider } from '../analysis/fix';
import { fixOf, locatedAt, removeItemAtFinding, suggestionFixes } from './helpers';

/**
 * `ipv4` → `IPv4`; a family listed a second time is removed (not applied unseen: the user may have meant the other
 * family for a dual-stack Service).
 */
export const fixIpFamiliesInvalid: FixProvider = (ctx) => {
  const suggested = suggestionFixes(ctx, { what: 'the IP family' });
  if (suggested.length > 0) return suggested;
  const located = locatedAt(ctx);
  if (!located || located.kind !== 'item' || !isScalar(located.node)) return [];
  const value = located.node.value;
  const earlier = located.seq.items.slice(0, located.index).some((item) => isScalar(item) && item.value === value);
  if (!earlier) return [];
  return fixOf(`Remove the second ${String(value)}`, [removeItemAtFinding(ctx)], { safe: false, preferred: true });
};
