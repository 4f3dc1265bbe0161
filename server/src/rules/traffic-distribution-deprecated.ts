import { defineServiceRule } from '../analysis/rule';
import { suggestionFixes } from '../analysis/fixHelpers';
import { fieldOf } from '../document/yamlNodes';
import { stringOrNull } from '../kubernetes/validation/decode';

/**
 * GetWarningsForService (pkg/api/service/warnings.go) warns about PreferClose since KEP-3015 deprecated it in favour
 * of PreferSameZone, which means the same thing (kubernetes/kubernetes#134457, Kubernetes 1.35). PreferSameZone is
 * accepted from 1.34, so the warning is only worth acting on for clusters of 1.34 or later.
 */
export const trafficDistributionDeprecated = defineServiceRule<{ suggestion: 'PreferSameZone' }>({
  id: 'traffic-distribution-deprecated',
  defaultSeverity: 'warning',
  description: 'trafficDistribution: PreferClose is deprecated in favour of PreferSameZone, which means the same.',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    const field = fieldOf(service.spec, 'trafficDistribution');
    if (!field || stringOrNull(field, service.doc) !== 'PreferClose') return;
    ctx.report({
      span: field.valueSpan,
      message:
        'spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"\n' +
        "PreferSameZone has the same meaning (prefer endpoints in the client's zone) and works from Kubernetes 1.34; keep PreferClose only for older clusters.",
      data: { suggestion: 'PreferSameZone' },
      tags: ['deprecated'],
    });
  },
  /**
   * PreferClose → PreferSameZone means the same, but API servers before 1.34 reject PreferSameZone, so this is never
   * applied unseen.
   */
  fixes: (ctx) =>
    suggestionFixes(ctx, ctx.data.suggestion, { what: 'trafficDistribution', safe: false }).map((fix) => ({
      ...fix,
      title: `${fix.title} (Kubernetes 1.34 or later)`,
    })),
});
