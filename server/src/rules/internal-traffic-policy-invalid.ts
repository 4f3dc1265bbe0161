import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { suggestionFixes } from '../analysis/fixHelpers';
import { fieldOf } from '../document/yamlNodes';
import { stringOrNull } from '../kubernetes/validation/decode';

const POLICIES = ['Cluster', 'Local'] as const;

/**
 * validateServiceInternalTrafficFieldsValue (pkg/apis/core/validation/validation.go): any value that is set must be
 * Cluster or Local, on every Service type. Only an absent (nil) value is defaulted, so a written "" is rejected.
 */
export const internalTrafficPolicyInvalid = defineServiceRule<{ suggestion: string } | undefined>({
  id: 'internal-traffic-policy-invalid',
  defaultSeverity: 'error',
  description: 'internalTrafficPolicy must be Cluster or Local (case-sensitive).',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    const field = fieldOf(service.spec, 'internalTrafficPolicy');
    const value = stringOrNull(field, service.doc);
    if (!field || value === null || value === undefined || (POLICIES as readonly string[]).includes(value)) return;
    const suggestion = POLICIES.find((policy) => policy.toLowerCase() === value.toLowerCase());
    ctx.report({
      span: field.valueSpan,
      message:
        apiError.unsupported('spec.internalTrafficPolicy', value, POLICIES) +
        (suggestion
          ? `\nValues are case-sensitive: did you mean "${suggestion}"?`
          : '\nUse Cluster (the default: any ready Pod) or Local (only Pods on the same node as the client).'),
      data: suggestion ? { suggestion } : undefined,
    });
  },
  /** `local` → `Local`: the only valid value the user can have meant. */
  fixes: (ctx) => suggestionFixes(ctx, ctx.data?.suggestion, { what: 'internalTrafficPolicy' }),
});
