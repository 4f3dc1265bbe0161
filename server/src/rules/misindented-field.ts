import { serviceRule } from '../analysis/rule';
import { classifyUnknownKeys, selectorMisplacements } from '../kubernetes/schema/classify';
import { jsonView } from '../document/jsonView';

/**
 * The most common real Service bug: a line indented one level too little or too much, e.g. `app: web` beside
 * `selector:` instead of under it. When the key lands where the Service type has no such field, strict decoding
 * rejects it (`strict decoding error: unknown field "spec.app"`, see unknown-field); this rule reports it instead
 * of unknown-field, with where the key belongs. A Service field that lands inside `selector:` is accepted by the
 * API server and silently becomes a label the Pods must carry, so that case is a warning.
 */
export const misindentedField = serviceRule({
  id: 'misindented-field',
  defaultSeverity: 'error',
  description: 'A field written at the wrong indentation level, e.g. a selector label at `spec` level or `ports:` outside `spec:`.',
  crossResource: false,
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
});
