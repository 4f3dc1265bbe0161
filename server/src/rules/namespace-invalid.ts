import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { suggestionFixes } from '../analysis/fixHelpers';
import { decodedString, isDNS1123Label, nameIsDNSLabel } from '../kubernetes/validation/names';
import { fieldOf } from '../document/yamlNodes';

/**
 * ValidateObjectMeta checks metadata.namespace with ValidateNamespaceName = NameIsDNSLabel (DNS-1123 label).
 * On a real cluster the NamespaceLifecycle admission plugin runs first (mutating admission precedes validation) and
 * answers `namespaces "<ns>" not found`, because no namespace can have an invalid name; the message says both.
 * An empty namespace means "kubectl's current namespace" and is never sent, so it is not reported.
 */
export const namespaceInvalid = defineServiceRule<{ value: string; suggestion?: string }>({
  id: 'namespace-invalid',
  defaultSeverity: 'error',
  description: 'metadata.namespace is not a valid namespace name (DNS-1123 label), so no such namespace can exist.',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    const field = fieldOf(service.metadata, 'namespace');
    const value = decodedString(field?.node, service.doc);
    if (!field || !value) return;
    const errors = nameIsDNSLabel(value, false);
    if (errors.length === 0) return;
    const suggestion = suggestNamespace(value);
    ctx.report({
      span: field.valueSpan,
      message:
        errors.map((detail) => apiError.invalid('metadata.namespace', value, detail)).join('\n') +
        `\nNamespace names are at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit, so no namespace can be called ${JSON.stringify(value)} (a cluster answers: namespaces ${JSON.stringify(value)} not found)${suggestion ? `: did you mean ${suggestion}?` : '.'}`,
      data: { value, ...(suggestion ? { suggestion } : {}) },
    });
  },
  /** `My_Team` → `my-team`: a namespace name that can exist. Another namespace is another place, so never unseen. */
  fixes: (ctx) => suggestionFixes(ctx, ctx.data.suggestion, { what: 'namespace', safe: false }),
});

function suggestNamespace(value: string): string | undefined {
  const name = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return name !== '' && name !== value && isDNS1123Label(name).length === 0 ? name : undefined;
}
