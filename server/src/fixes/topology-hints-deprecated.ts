import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, locatedAt, removeEntryAtFinding } from './helpers';
import { renameKey } from '../document/edits';
import { fieldOf, stringValue } from '../document/yamlNodes';

/**
 * The EndpointSlice controller (hintsEnabled) reads both annotations the same way ("Auto"/"auto" enable hints), so
 * renaming the key keeps the behaviour (safe). When topology-mode is already there with the same value, the old key
 * is redundant (safe to remove); with another value the API server rejects the pair and the user must choose.
 */
export const fixTopologyHintsDeprecated: FixProvider = (ctx) => {
  const replacement = dataString(ctx, 'replacement');
  const located = locatedAt(ctx);
  if (!replacement || !located || located.kind !== 'key') return [];
  const existing = fieldOf(located.map, replacement);
  if (!existing) return fixOf(`Rename the annotation to ${replacement}`, [renameKey(ctx.chunk, located.pair, replacement)], { safe: true, preferred: true });
  const same = stringValue(existing.node, ctx.object.doc) === stringValue(located.pair.value as never, ctx.object.doc);
  return fixOf(`Remove the deprecated annotation (${replacement} is set)`, [removeEntryAtFinding(ctx)], { safe: same, preferred: true });
};
