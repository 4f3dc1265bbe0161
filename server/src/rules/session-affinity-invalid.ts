import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { suggestionFixes } from '../analysis/fixHelpers';
import { fieldOf } from '../document/yamlNodes';
import { stringOrNull } from '../kubernetes/validation/decode';

const AFFINITIES = ['ClientIP', 'None'] as const;

/**
 * ValidateService (pkg/apis/core/validation/validation.go) accepts sessionAffinity None or ClientIP. An empty or
 * missing value never reaches it: v1 defaulting (SetDefaults_Service) turns it into None.
 */
export const sessionAffinityInvalid = defineServiceRule<{ suggestion: string } | undefined>({
  id: 'session-affinity-invalid',
  defaultSeverity: 'error',
  description: 'sessionAffinity must be None or ClientIP (case-sensitive).',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    const field = fieldOf(service.spec, 'sessionAffinity');
    const value = stringOrNull(field, service.doc);
    if (!field || !value || (AFFINITIES as readonly string[]).includes(value)) return;
    const suggestion = AFFINITIES.find((affinity) => affinity.toLowerCase() === value.toLowerCase());
    ctx.report({
      span: field.valueSpan,
      message:
        apiError.unsupported('spec.sessionAffinity', value, AFFINITIES) +
        (suggestion
          ? `\nValues are case-sensitive: did you mean "${suggestion}"?`
          : '\nUse None (the default) or ClientIP, which keeps sending each client IP to the same Pod.'),
      data: suggestion ? { suggestion } : undefined,
    });
  },
  /** `clientip` → `ClientIP`, `none` → `None`. */
  fixes: (ctx) => suggestionFixes(ctx, ctx.data?.suggestion, { what: 'sessionAffinity' }),
});
