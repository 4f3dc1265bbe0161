import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, locatedAt } from './helpers';
import { renameKey, replaceScalar } from '../document/edits';
import { fieldOf } from '../document/yamlNodes';
import { isScalar } from 'yaml';

/**
 * A label (or selector) key or value in the valid spelling the rule suggests. Labels are matched exactly, so a
 * changed selector or label selects different pods: offered, never applied unseen. No rename onto an existing key.
 */
export const labelSpellingFix: FixProvider = (ctx) => {
  const suggestion = dataString(ctx, 'suggestion');
  const part = dataString(ctx, 'part');
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
};
