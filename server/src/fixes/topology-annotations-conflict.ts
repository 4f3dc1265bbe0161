import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, replaceAtFinding } from './helpers';
import { removePair } from '../document/edits';
import { asMap, fieldOf } from '../document/yamlNodes';

/** The API server rejects the two annotations with different values; which value was meant is the user's choice. */
export const fixTopologyAnnotationsConflict: FixProvider = (ctx) => {
  const deprecatedKey = dataString(ctx, 'deprecatedKey');
  const value = dataString(ctx, 'value');
  const deprecatedValue = dataString(ctx, 'deprecatedValue');
  const annotations = asMap(fieldOf(ctx.object.metadata, 'annotations')?.node);
  const deprecated = fieldOf(annotations, deprecatedKey ?? '');
  if (!deprecatedKey || value === undefined || deprecatedValue === undefined || !annotations || !deprecated) return [];
  return [
    ...fixOf(`Remove ${deprecatedKey} (keep topology-mode "${value}")`, [removePair(ctx.file.text, ctx.chunk, annotations, deprecated.pair)], { safe: false, preferred: true }),
    ...fixOf(`Set topology-mode to "${deprecatedValue}" as well`, [replaceAtFinding(ctx, deprecatedValue)], { safe: false }),
  ];
};
