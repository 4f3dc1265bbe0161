import type { YAMLMap } from 'yaml';
import { defineServiceRule } from '../analysis/rule';
import type { FixContext } from '../analysis/fix';
import { fixOf, locatedAt } from '../analysis/fixHelpers';
import { isService } from '../kubernetes/model';
import { classifyUnknownKeys, selectorMisplacements } from '../kubernetes/schema/classify';
import { jsonView } from '../document/jsonView';
import { destinationOf, moveEntries, type Destination } from '../document/structure';
import { asMap, fieldOf } from '../document/yamlNodes';

/** The key as written, where it is and where it belongs (`moveTo`, a path such as `spec.selector` or `spec.ports[0]`). */
type Data = { path: string; key: string; value?: string; from: string; moveTo: string; portIndex?: number };

/**
 * The most common real Service bug: a line indented one level too little or too much, e.g. `app: web` beside
 * `selector:` instead of under it. When the key lands where the Service type has no such field, strict decoding
 * rejects it (`strict decoding error: unknown field "spec.app"`, see unknownField); this rule reports it instead
 * of unknownField, with where the key belongs. A Service field that lands inside `selector:` is accepted by the
 * API server and silently becomes a label the Pods must carry, so that case is a warning.
 */
export const misindentedField = defineServiceRule<Data>({
  id: 'misindented-field',
  defaultSeverity: 'error',
  description: 'A field written at the wrong indentation level, e.g. a selector label at `spec` level or `ports:` outside `spec:`.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    for (const entry of classifyUnknownKeys(service)) {
      if (!entry.misplaced) continue;
      const path = entry.parentPath ? `${entry.parentPath}.${entry.key}` : entry.key;
      const value = jsonView(entry.field.node, service.doc).text;
      ctx.report({
        span: entry.field.keySpan,
        message: `strict decoding error: unknown field "${path}"\n${entry.misplaced.explanation}`,
        data: {
          path,
          key: entry.key,
          ...(value === undefined ? {} : { value }),
          from: entry.parentPath,
          moveTo: entry.misplaced.moveTo,
          ...(entry.misplaced.portIndex === undefined ? {} : { portIndex: entry.misplaced.portIndex }),
        },
      });
    }
    for (const misplaced of selectorMisplacements(service)) {
      ctx.report({
        span: misplaced.field.keySpan,
        message: misplaced.explanation,
        severity: 'warning',
        data: { path: `spec.selector.${misplaced.key}`, key: misplaced.key, value: misplaced.value, from: 'spec.selector', moveTo: 'spec' },
      });
    }
  },
  /**
   * Moves the key (with its value, comment and nested lines, re-indented) to where the rule says it belongs, creating
   * `selector:`, `labels:` or `spec:` when missing and filling a `selector:` left empty. When several labels slipped
   * out of one mapping the same way (`app` and `tier` beside `selector:`), moving them all is offered first. Never onto
   * a key the destination already has. Moving changes what the Service does (a label becomes a selector), so it is
   * always the user's choice.
   */
  fixes(ctx) {
    const { key, moveTo } = ctx.data;
    const located = locatedAt(ctx);
    if (!key || !moveTo || !located || located.kind !== 'key') return [];
    const to = destination(ctx, moveTo);
    const free = (name: string) => !to || to.kind !== 'map' || !fieldOf(to.map, name);
    if (!to || !free(key)) return [];
    const title = (keys: string[]) =>
      moveTo.startsWith('spec.ports[')
        ? `Move ${keys.join(', ')} into the port entry ${moveTo.slice(5)}`
        : `Move ${keys.join(', ')} under ${moveTo.slice(moveTo.lastIndexOf('.') + 1)}:`;
    const fixes = [];
    const siblings = classifyUnknownKeys(ctx.object).filter((entry) => entry.map === located.map && entry.misplaced?.moveTo === moveTo && free(entry.key));
    if (siblings.length > 1 && siblings.some((entry) => entry.field.pair === located.pair)) {
      const all = moveEntries(ctx.file.text, ctx.chunk, { map: located.map, pairs: siblings.map((entry) => entry.field.pair) }, to);
      if (all) fixes.push(...fixOf(title(siblings.map((entry) => entry.key)), all, { safe: false, preferred: true }));
    }
    const one = moveEntries(ctx.file.text, ctx.chunk, { map: located.map, pairs: [located.pair] }, to);
    if (one) fixes.push(...fixOf(title([key]), one, { safe: false, preferred: fixes.length === 0 }));
    return fixes;
  },
});

/** The mapping a `moveTo` path of the rule names, as a place to move an entry to. */
function destination(ctx: FixContext<Data>, moveTo: string): Destination | undefined {
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
      const index = ctx.data.portIndex;
      const port = isService(ctx.object) && index !== undefined && moveTo === `spec.ports[${index}]` ? ctx.object.ports[index] : undefined;
      return port ? { kind: 'map', map: port.map } : undefined;
    }
  }
}
