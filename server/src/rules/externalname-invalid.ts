import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { suggestionFixes } from '../analysis/fixHelpers';
import { decodedString, isDNS1123Subdomain } from '../kubernetes/validation/names';
import { fieldOf } from '../document/yamlNodes';

/** Empty when externalName is missing; else the name as judged and, when it has one, the host it most likely means. */
type Data = { value?: string; suggestion?: string };

/**
 * ValidateService (pkg/apis/core/validation/validation.go), type ExternalName: spec.externalName, minus ONE trailing
 * dot (a fully-qualified CNAME), is required and must be a DNS-1123 subdomain. The error prints the value without
 * that dot.
 */
export const externalNameInvalid = defineServiceRule<Data>({
  id: 'externalname-invalid',
  defaultSeverity: 'error',
  description: 'An ExternalName Service has no externalName, or it is not a DNS name (no scheme, port, path or upper case).',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    if (service.type !== 'ExternalName') return;
    const field = fieldOf(service.spec, 'externalName');
    const value = decodedString(field?.node, service.doc);
    if (value === undefined) return;
    const cname = (value ?? '').endsWith('.') ? (value ?? '').slice(0, -1) : (value ?? '');
    if (cname === '') {
      // A syntax error may have swallowed the very field we would call missing; yamlSyntax reports the real problem.
      if (service.doc.errors.length > 0) return;
      ctx.report({
        span: field?.keySpan ?? service.fields.spec?.keySpan ?? service.anchorSpan,
        message:
          apiError.required('spec.externalName') +
          '\nAn ExternalName Service is a DNS alias: set externalName to the DNS name it should resolve to, e.g. db.example.com.',
        data: {},
      });
      return;
    }
    const errors = isDNS1123Subdomain(cname);
    if (!field || errors.length === 0) return;
    const suggestion = suggestHost(cname);
    ctx.report({
      span: field.valueSpan,
      message:
        errors.map((detail) => apiError.invalid('spec.externalName', cname, detail)).join('\n') +
        `\nexternalName is a bare DNS name that cluster DNS returns as a CNAME: lower-case letters, digits, '-' and '.', without scheme, port or path${suggestion ? `: did you mean ${suggestion}?` : '.'}`,
      data: { value: cname, ...(suggestion ? { suggestion } : {}) },
    });
  },
  /** `https://db.example.com:5432/x` → `db.example.com`: the host is kept, scheme, port and path dropped (a choice). */
  fixes: (ctx) => suggestionFixes(ctx, ctx.data.suggestion, { what: 'externalName', safe: false }),
});

/** The host part of a URL-ish or mis-cased value, when that is a valid DNS name. */
function suggestHost(value: string): string | undefined {
  const host = value
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^[^@/]*@/, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d*$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
  return host !== '' && host !== value && isDNS1123Subdomain(host).length === 0 ? host : undefined;
}
