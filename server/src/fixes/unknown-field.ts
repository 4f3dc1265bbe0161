import { isScalar } from 'yaml';
import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, locatedAt, removeEntryAtFinding, sameIgnoringCase } from './helpers';
import { renameKey } from '../document/edits';
import { fieldOf } from '../document/yamlNodes';

/**
 * - A field the API removed: it does nothing any more, so removing it is safe.
 * - A near miss of a real field: rename it (`targetport` → `targetPort`); safe when only the case differs, since no
 *   other field can have been meant. Never onto a key the mapping already has.
 * - Anything else can only be removed, which may drop what the user meant: offered, not applied unseen.
 */
export const fixUnknownField: FixProvider = (ctx) => {
  const key = dataString(ctx, 'key');
  const located = locatedAt(ctx);
  if (!key || !located || located.kind !== 'key') return [];
  if (dataString(ctx, 'removedIn')) {
    return fixOf(`Remove ${key} (removed from the Kubernetes API in ${dataString(ctx, 'removedIn')})`, [removeEntryAtFinding(ctx)], { safe: true, preferred: true });
  }
  const fixes = [];
  const suggestion = dataString(ctx, 'suggestion');
  // A YAML 1.1 key conversion (`on:` read as "true") is not a spelling to correct.
  const writtenAsIs = isScalar(located.pair.key) && String(located.pair.key.value) === key;
  if (suggestion && writtenAsIs && !fieldOf(located.map, suggestion)) {
    fixes.push(...fixOf(`Rename to ${suggestion}`, [renameKey(ctx.chunk, located.pair, suggestion)], { safe: sameIgnoringCase(key, suggestion), preferred: true }));
  }
  fixes.push(...fixOf(`Remove ${key}`, [removeEntryAtFinding(ctx)], { safe: false, preferred: fixes.length === 0 }));
  return fixes;
};
