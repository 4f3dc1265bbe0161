import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, removeEntryAtFinding } from './helpers';

/**
 * kubectl keeps only the last occurrence of a key and silently drops this one, so removing it changes nothing in the
 * cluster (safe) and makes the file acceptable to kustomize too.
 */
export const fixDuplicateField: FixProvider = (ctx) => {
  const key = dataString(ctx, 'key');
  if (!key) return [];
  return fixOf(`Remove this earlier \`${key}\` (kubectl ignores it; the later one wins)`, [removeEntryAtFinding(ctx)], { safe: true, preferred: true });
};
