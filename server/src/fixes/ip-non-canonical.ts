import type { FixProvider } from '../analysis/fix';
import { fixOf, replaceAtFinding } from './helpers';

/**
 * One suggestion is the same address in the spelling Kubernetes prints (leading zeros dropped the way Kubernetes reads
 * them, RFC 5952 IPv6): safe. Two suggestions mean a CIDR with host bits set: the network Kubernetes uses now, or the
 * single address the user may have meant; that choice is offered, not made.
 */
export const fixIpNonCanonical: FixProvider = (ctx) => {
  const suggestions = ctx.finding.data?.suggestions;
  if (!Array.isArray(suggestions)) return [];
  const texts = suggestions.filter((s): s is string => typeof s === 'string');
  if (texts.length === 1) return fixOf(`Change to ${texts[0]}`, [replaceAtFinding(ctx, texts[0])], { safe: true, preferred: true });
  return texts.flatMap((text, i) =>
    fixOf(i === 0 ? `Change to ${text} (the network Kubernetes uses)` : `Change to ${text} (only this address)`, [replaceAtFinding(ctx, text)], {
      safe: false,
      preferred: i === 0,
    }),
  );
};
