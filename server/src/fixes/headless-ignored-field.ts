import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, removeEntryAtFinding } from './helpers';

/** A field a headless Service ignores anyway: removing it changes nothing in the cluster, so fix-all may do it. */
export const fixHeadlessIgnoredField: FixProvider = (ctx) => {
  const field = dataString(ctx, 'field');
  if (!field) return [];
  return fixOf(`Remove ${field} (ignored by a headless Service)`, [removeEntryAtFinding(ctx)], { safe: true, preferred: true });
};
