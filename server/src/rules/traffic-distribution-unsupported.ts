import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { suggestionFixes } from '../analysis/fixHelpers';
import { fieldOf } from '../document/yamlNodes';
import { stringOrNull } from '../kubernetes/validation/decode';

/**
 * validateServiceTrafficDistribution (pkg/apis/core/validation/validation.go) as in Kubernetes 1.34/1.35, where the
 * PreferSameTrafficDistribution gate is on (beta 1.34, GA 1.35): three values, listed in this order in the error.
 * Up to 1.33 only PreferClose is accepted.
 */
const VALUES = ['PreferClose', 'PreferSameZone', 'PreferSameNode'] as const;

export const trafficDistributionUnsupported = defineServiceRule<{ suggestion: string } | undefined>({
  id: 'traffic-distribution-unsupported',
  defaultSeverity: 'error',
  description: 'trafficDistribution must be PreferSameZone, PreferSameNode or PreferClose (case-sensitive).',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    const field = fieldOf(service.spec, 'trafficDistribution');
    const value = stringOrNull(field, service.doc);
    if (!field || value === null || value === undefined || (VALUES as readonly string[]).includes(value)) return;
    const suggestion = VALUES.find((known) => known.toLowerCase() === value.toLowerCase());
    ctx.report({
      span: field.valueSpan,
      message:
        apiError.unsupported('spec.trafficDistribution', value, VALUES) +
        (suggestion
          ? `\nValues are case-sensitive: did you mean "${suggestion}"?`
          : '\nUse PreferSameZone or PreferSameNode (Kubernetes 1.34 and later), or PreferClose on older clusters.'),
      data: suggestion ? { suggestion } : undefined,
    });
  },
  /** `prefersamezone` → `PreferSameZone`. */
  fixes: (ctx) => suggestionFixes(ctx, ctx.data?.suggestion, { what: 'trafficDistribution' }),
});
