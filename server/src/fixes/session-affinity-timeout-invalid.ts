import type { FixProvider } from '../analysis/fix';
import { dataNumber, fixOf, removeEntryAtFinding, replaceNumberAtFinding } from './helpers';

/** Remove timeoutSeconds to get the default (10800 s, 3 hours), or cap it at the maximum (86400 s, one day). */
export const fixSessionAffinityTimeoutInvalid: FixProvider = (ctx) => {
  const value = dataNumber(ctx, 'value');
  const max = dataNumber(ctx, 'max');
  const fallback = dataNumber(ctx, 'default');
  const fixes = fixOf(`Remove timeoutSeconds (default ${fallback ?? 10800} seconds)`, [removeEntryAtFinding(ctx)], { safe: false, preferred: true });
  if (value !== undefined && max !== undefined && value > max) {
    fixes.push(...fixOf(`Use timeoutSeconds: ${max} (the maximum, one day)`, [replaceNumberAtFinding(ctx, max)], { safe: false }));
  }
  return fixes;
};
