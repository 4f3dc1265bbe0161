import { serviceRule } from '../analysis/rule';
import { classifyUnknownKeys } from '../kubernetes/schema/classify';

/**
 * kubectl sends `fieldValidation=Strict` by default (`--validate=strict`), and kube-apiserver's strict decoder
 * (staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json/json.go, Serializer.unmarshal, via
 * sigs.k8s.io/json UnmarshalStrict) rejects every key the v1 Service type does not declare, case-sensitively:
 * `Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.app"`.
 * Keys that are valid one level up or down are reported by `misindented-field` instead.
 */
export const unknownField = serviceRule({
  id: 'unknown-field',
  defaultSeverity: 'error',
  description: 'A Service field that does not exist (often a typo or wrong capitalisation) makes kubectl apply reject the Service.',
  crossResource: false,
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
        : entry.suggestion ? `did you mean \`${entry.suggestion}\`?` : 'remove it, or fix its spelling or indentation.';
      ctx.report({
        span: entry.field.keySpan,
        message: `strict decoding error: unknown field "${path}"\n${holder} has no field \`${entry.key}\`${removed}${converted}, so kubectl apply rejects the whole Service; ${advice}`,
        data: { path, key: entry.key, ...(entry.suggestion ? { suggestion: entry.suggestion } : {}), ...(entry.removedIn ? { removedIn: entry.removedIn } : {}) },
      });
    }
  },
});
