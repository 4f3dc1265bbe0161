import { isScalar } from 'yaml';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, locatedAt, removeEntryAtFinding, sameIgnoringCase } from '../analysis/fixHelpers';
import { renameKey } from '../document/edits';
import { fieldOf } from '../document/yamlNodes';
import { classifyUnknownKeys } from '../kubernetes/schema/classify';

/** The key and its path; the field it most likely stands for, or the release that removed it from the API. */
type Data = { path: string; key: string; suggestion?: string; removedIn?: string };

/**
 * kubectl sends `fieldValidation=Strict` by default (`--validate=strict`), and kube-apiserver's strict decoder
 * (staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json/json.go, Serializer.unmarshal, via
 * sigs.k8s.io/json UnmarshalStrict) rejects every key the v1 Service type does not declare, case-sensitively:
 * `Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.app"`.
 * Keys that are valid one level up or down are reported by `misindentedField` instead.
 */
export const unknownField = defineServiceRule<Data>({
  id: 'unknown-field',
  defaultSeverity: 'error',
  description: 'A Service field that does not exist (often a typo or wrong capitalisation) makes kubectl apply reject the Service.',
  crossResource: false,
  // Strict decoding of what is written; the schema walk already skips merge keys and patch directives.
  partialSafe: true,
  check(service, ctx) {
    for (const entry of classifyUnknownKeys(service)) {
      if (entry.misplaced) continue;
      const path = entry.parentPath ? `${entry.parentPath}.${entry.key}` : entry.key;
      const holder = entry.parentPath ? `\`${entry.parentPath}\`` : 'A Service';
      const removed = entry.removedIn ? ` (it was removed in ${entry.removedIn})` : '';
      // go-yaml v2 turns unquoted `on:`/`yes:` keys into `true`: say so, or the path looks unrelated to the text.
      const converted = entry.field.key !== entry.key ? ` (YAML 1.1 reads the unquoted key \`${entry.field.key}\` as \`${entry.key}\`)` : '';
      const advice = entry.removedIn
        ? 'remove it.'
        : entry.suggestion
          ? `did you mean \`${entry.suggestion}\`?`
          : 'remove it, or fix its spelling or indentation.';
      ctx.report({
        span: entry.field.keySpan,
        message: `strict decoding error: unknown field "${path}"\n${holder} has no field \`${entry.key}\`${removed}${converted}, so kubectl apply rejects the whole Service; ${advice}`,
        data: {
          path,
          key: entry.key,
          ...(entry.suggestion ? { suggestion: entry.suggestion } : {}),
          ...(entry.removedIn ? { removedIn: entry.removedIn } : {}),
        },
      });
    }
  },
  /**
   * - A field the API removed: it does nothing any more, so removing it is safe.
   * - A near miss of a real field: rename it (`targetport` → `targetPort`); safe when only the case differs, since no
   *   other field can have been meant. Never onto a key the mapping already has.
   * - Anything else can only be removed, which may drop what the user meant: offered, not applied unseen.
   */
  fixes(ctx) {
    const { key, suggestion, removedIn } = ctx.data;
    const located = locatedAt(ctx);
    if (!key || !located || located.kind !== 'key') return [];
    if (removedIn)
      return fixOf(`Remove ${key} (removed from the Kubernetes API in ${removedIn})`, [removeEntryAtFinding(ctx)], { safe: true, preferred: true });
    const fixes = [];
    // A YAML 1.1 key conversion (`on:` read as "true") is not a spelling to correct.
    const writtenAsIs = isScalar(located.pair.key) && String(located.pair.key.value) === key;
    if (suggestion && writtenAsIs && !fieldOf(located.map, suggestion)) {
      fixes.push(
        ...fixOf(`Rename to ${suggestion}`, [renameKey(ctx.chunk, located.pair, suggestion)], { safe: sameIgnoringCase(key, suggestion), preferred: true }),
      );
    }
    fixes.push(...fixOf(`Remove ${key}`, [removeEntryAtFinding(ctx)], { safe: false, preferred: fixes.length === 0 }));
    return fixes;
  },
});
