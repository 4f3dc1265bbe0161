import { isScalar } from 'yaml';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, locatedAt, removeItemAtFinding, suggestionFixes } from '../analysis/fixHelpers';
import { ipFamilyProblems, type IpFamilyData } from '../kubernetes/validation/clusterIPs';

/**
 * ValidateServiceClusterIPsRelatedFields (pkg/apis/core/validation/validation.go), the ipFamilies part: every entry
 * IPv4 or IPv6, none twice (kubernetes/validation/clusterIPs.ts).
 */
export const ipFamiliesInvalid = defineServiceRule<IpFamilyData | undefined>({
  id: 'ip-families-invalid',
  defaultSeverity: 'error',
  description: 'ipFamilies entries other than IPv4/IPv6, or listed twice, are rejected by the API server.',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    for (const report of ipFamilyProblems(service)) ctx.report(report);
  },
  /**
   * `ipv4` → `IPv4`; a family listed a second time is removed (not applied unseen: the user may have meant the other
   * family for a dual-stack Service).
   */
  fixes(ctx) {
    const suggested = suggestionFixes(ctx, ctx.data?.suggestion, { what: 'the IP family' });
    if (suggested.length > 0) return suggested;
    const located = locatedAt(ctx);
    if (!located || located.kind !== 'item' || !isScalar(located.node)) return [];
    const value = located.node.value;
    const earlier = located.seq.items.slice(0, located.index).some((item) => isScalar(item) && item.value === value);
    if (!earlier) return [];
    return fixOf(`Remove the second ${String(value)}`, [removeItemAtFinding(ctx)], { safe: false, preferred: true });
  },
});
