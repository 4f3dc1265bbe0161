import type { YAMLMap } from 'yaml';
import type { FixProvider } from '../analysis/fix';
import { dataNumber, dataString, fixOf, locatedAt } from './helpers';
import { destinationOf, moveEntries, type Destination } from '../document/structure';
import { isService } from '../kubernetes/model';
import { classifyUnknownKeys } from '../kubernetes/schema/classify';
import { asMap, fieldOf } from '../document/yamlNodes';

/** The mapping a `moveTo` path of the rule names, as a place to move an entry to. */
function destination(ctx: Parameters<FixProvider>[0], moveTo: string): Destination | undefined {
  const root = ctx.object.root;
  const child = (map: YAMLMap | undefined, key: string) => asMap(fieldOf(map, key)?.node);
  switch (moveTo) {
    case 'spec':
    case 'metadata':
      return destinationOf(root, moveTo);
    case 'spec.selector':
      return destinationOf(child(root, 'spec'), 'selector');
    case 'metadata.labels':
      return destinationOf(child(root, 'metadata'), 'labels');
    case 'metadata.annotations':
      return destinationOf(child(root, 'metadata'), 'annotations');
    default: {
      const index = dataNumber(ctx, 'portIndex');
      const port = isService(ctx.object) && index !== undefined && moveTo === `spec.ports[${index}]` ? ctx.object.ports[index] : undefined;
      return port ? { kind: 'map', map: port.map } : undefined;
    }
  }
}

/**
 * Moves the key (with its value, comment and nested lines, re-indented) to where the rule says it belongs, creating
 * `selector:`, `labels:` or `spec:` when missing and filling a `selector:` left empty. When several labels slipped
 * out of one mapping the same way (`app` and `tier` beside `selector:`), moving them all is offered first. Never onto
 * a key the destination already has. Moving changes what the Service does (a label becomes a selector), so it is
 * always the user's choice.
 */
export const fixMisindentedField: FixProvider = (ctx) => {
  const key = dataString(ctx, 'key');
  const moveTo = dataString(ctx, 'moveTo');
  const located = locatedAt(ctx);
  if (!key || !moveTo || !located || located.kind !== 'key') return [];
  const to = destination(ctx, moveTo);
  const free = (name: string) => !to || to.kind !== 'map' || !fieldOf(to.map, name);
  if (!to || !free(key)) return [];
  const title = (keys: string[]) =>
    moveTo.startsWith('spec.ports[') ? `Move ${keys.join(', ')} into the port entry ${moveTo.slice(5)}` : `Move ${keys.join(', ')} under ${moveTo.slice(moveTo.lastIndexOf('.') + 1)}:`;
  const fixes = [];
  const siblings = classifyUnknownKeys(ctx.object).filter((entry) => entry.map === located.map && entry.misplaced?.moveTo === moveTo && free(entry.key));
  if (siblings.length > 1 && siblings.some((entry) => entry.field.pair === located.pair)) {
    const all = moveEntries(ctx.file.text, ctx.chunk, { map: located.map, pairs: siblings.map((entry) => entry.field.pair) }, to);
    if (all) fixes.push(...fixOf(title(siblings.map((entry) => entry.key)), all, { safe: false, preferred: true }));
  }
  const one = moveEntries(ctx.file.text, ctx.chunk, { map: located.map, pairs: [located.pair] }, to);
  if (one) fixes.push(...fixOf(title([key]), one, { safe: false, preferred: fixes.length === 0 }));
  return fixes;
};
