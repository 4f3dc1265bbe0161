import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { suggestionFixes } from '../analysis/fixHelpers';
import { decodedString, isDNS1035Label, nameIsDNS1035Label } from '../kubernetes/validation/names';
import { fieldOf } from '../document/yamlNodes';

/** The field (`metadata.name` or `metadata.generateName`), its value, and a valid name close to it. */
type Data = { field: string; value: string; suggestion?: string };

/**
 * ValidateService checks metadata with ValidateServiceName = NameIsDNS1035Label (pkg/apis/core/validation/validation.go):
 * a Service name is a DNS label (it becomes <name>.<namespace>.svc and the prefix of its environment variables), so it
 * must START WITH A LETTER, unlike most object names. generateName is checked the same way after
 * maskTrailingDash, because random characters follow it. (The RelaxedServiceNameValidation gate, alpha and off in
 * 1.34, would accept a leading digit.)
 */
export const serviceNameInvalid = defineServiceRule<Data>({
  id: 'service-name-invalid',
  defaultSeverity: 'error',
  description: 'metadata.name (or generateName) of a Service is not a DNS-1035 label: lower case, starting with a letter, at most 63 characters.',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    for (const key of ['name', 'generateName'] as const) {
      const field = fieldOf(service.metadata, key);
      const value = decodedString(field?.node, service.doc);
      if (!field || !value) continue;
      const prefix = key === 'generateName';
      const errors = nameIsDNS1035Label(value, prefix);
      if (errors.length === 0) continue;
      const suggestion = suggestServiceName(value, prefix);
      ctx.report({
        span: field.valueSpan,
        message:
          errors.map((detail) => apiError.invalid(`metadata.${key}`, value, detail)).join('\n') +
          `\nService names become DNS names, so they may only hold lower-case letters, digits and '-', must start with a letter, end with a letter or digit and be at most 63 characters${suggestion ? `: did you mean ${suggestion}?` : '.'}`,
        data: { field: `metadata.${key}`, value, ...(suggestion ? { suggestion } : {}) },
      });
    }
  },
  /** `My_Service` → `my-service`: the name is the Service's DNS name, which clients use, so never applied unseen. */
  fixes: (ctx) => suggestionFixes(ctx, ctx.data.suggestion, { what: ctx.data.field.replace('metadata.', ''), safe: false }),
});

/** A deterministic valid spelling (for a quick fix), or undefined when nothing sensible is left. */
export function suggestServiceName(value: string, prefix: boolean): string | undefined {
  let name = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  if (name === '') return undefined;
  if (prefix && value.endsWith('-') && name.length < 63) name += '-';
  const errors = prefix ? nameIsDNS1035Label(name, true) : isDNS1035Label(name);
  return errors.length === 0 && name !== value ? name : undefined;
}
