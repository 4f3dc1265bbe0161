import { apiError } from '../kubernetes/apiError';
import type { ServiceModel } from '../kubernetes/model';
import { serviceRule, type Report } from '../analysis/rule';
import { fieldOf } from '../document/yamlNodes';
import { stringEntries } from './clusterip-invalid';

const FAMILIES = ['IPv4', 'IPv6'] as const;

/**
 * ValidateServiceClusterIPsRelatedFields (pkg/apis/core/validation/validation.go), the ipFamilies part: every entry
 * IPv4 or IPv6, none twice. ExternalName Services may not set ipFamilies at all, which another rule reports.
 * Exported because the registry stops at these errors before it checks ipFamilyPolicy.
 */
export function ipFamilyProblems(service: ServiceModel): Report[] {
  if (service.type === 'ExternalName') return [];
  const entries = stringEntries(fieldOf(service.spec, 'ipFamilies'), service.doc);
  if (!entries) return [];
  const reports: Report[] = [];
  const seen = new Set<string>();
  for (const { index, value, span } of entries) {
    const path = `spec.ipFamilies[${index}]`;
    if (!(FAMILIES as readonly string[]).includes(value)) {
      const suggestion = FAMILIES.find((family) => family.toLowerCase() === value.toLowerCase());
      reports.push({
        span,
        message:
          apiError.unsupported(path, value, FAMILIES) +
          (suggestion ? `\nValues are case-sensitive: did you mean "${suggestion}"?` : '\nipFamilies may only list IPv4 and IPv6.'),
        data: suggestion ? { suggestion } : undefined,
      });
    }
    if (seen.has(value)) {
      reports.push({
        span,
        message: `${apiError.duplicate(path, value)}\nEach IP family may appear once; a dual-stack Service lists IPv4 and IPv6, the preferred one first.`,
      });
    }
    seen.add(value);
  }
  return reports;
}

export const ipFamiliesInvalid = serviceRule({
  id: 'ip-families-invalid',
  defaultSeverity: 'error',
  description: 'ipFamilies entries other than IPv4/IPv6, or listed twice, are rejected by the API server.',
  crossResource: false,
  check(service, ctx) {
    for (const report of ipFamilyProblems(service)) ctx.report(report);
  },
});
