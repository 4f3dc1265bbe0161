import type { FixProvider } from '../core/fixes/fix';
import { dataString, fixOf, removeEntryAtFinding } from '../core/fixes/helpers';

/** A field a headless Service ignores anyway: removing it changes nothing in the cluster, so fix-all may do it. */
export const fixHeadlessIgnoredField: FixProvider = (ctx) => {
  const field = dataString(ctx, 'field');
  if (!field) return [];
  return fixOf(`Remove ${field} (ignored by a headless Service)`, [removeEntryAtFinding(ctx)], { safe: true, preferred: true });
};
