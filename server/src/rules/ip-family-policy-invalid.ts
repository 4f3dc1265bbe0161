import { apiError } from '../kubernetes/apiError';
import { serviceRule } from '../analysis/rule';
import { fieldOf } from '../document/yamlNodes';
import { clusterIPProblems, clusterIPsOf, stringEntries, stringOrNull } from './clusterip-invalid';
import { ipFamilyProblems } from './ip-families-invalid';

const POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'] as const;
const DUAL = ['RequireDualStack', 'PreferDualStack'];

/**
 * C6: ValidateServiceClusterIPsRelatedFields accepts only the three policies (a written "" is not defaulted).
 * R5/R6: on create the registry (pkg/registry/core/service/storage/alloc.go, initIPFamilyFields) defaults an
 * omitted policy to SingleStack (RequireDualStack for a headless Service without selector) and then refuses two
 * cluster IPs or two families under SingleStack. It only gets there when the clusterIPs/ipFamilies checks pass.
 */
export const ipFamilyPolicyInvalid = serviceRule({
  id: 'ip-family-policy-invalid',
  defaultSeverity: 'error',
  description: 'ipFamilyPolicy must be SingleStack, PreferDualStack or RequireDualStack, and must be dual-stack when two cluster IPs or families are listed.',
  crossResource: false,
  check(service, ctx) {
    if (service.type === 'ExternalName') return;
    const field = fieldOf(service.spec, 'ipFamilyPolicy');
    const written = stringOrNull(field, service.doc);
    if (written === undefined) return;
    if (field && written !== null && !(POLICIES as readonly string[]).includes(written)) {
      const suggestion = POLICIES.find((policy) => policy.toLowerCase() === written.toLowerCase());
      ctx.report({
        span: field.valueSpan,
        message:
          apiError.unsupported('spec.ipFamilyPolicy', written, POLICIES) +
          (suggestion
            ? `\nValues are case-sensitive: did you mean "${suggestion}"?`
            : '\nUse SingleStack (one IP family), PreferDualStack (both when the cluster has both) or RequireDualStack (fail without both).'),
        data: suggestion ? { suggestion } : undefined,
      });
      return;
    }
    const view = clusterIPsOf(service);
    const families = stringEntries(fieldOf(service.spec, 'ipFamilies'), service.doc);
    if (!view || !families || clusterIPProblems(service).length > 0 || ipFamilyProblems(service).length > 0) return;
    const headlessWithoutSelector = view.clusterIP === 'None' && !service.selector;
    const policy = written ?? (headlessWithoutSelector ? 'RequireDualStack' : 'SingleStack');
    if (policy !== 'SingleStack') return;
    const explain = written
      ? 'SingleStack allows one IP family: set ipFamilyPolicy to RequireDualStack or PreferDualStack to get two.'
      : 'Without ipFamilyPolicy the API server assumes SingleStack, which allows one IP family: add ipFamilyPolicy: RequireDualStack or PreferDualStack.';
    const checks: Array<[boolean, string, string]> = [
      [view.entries.length === 2, 'clusterIPs', 'multiple cluster IPs'],
      [families.length === 2, 'ipFamilies', 'multiple IP families'],
    ];
    for (const [applies, key, what] of checks) {
      if (!applies) continue;
      const anchor = written !== null && field ? field : fieldOf(service.spec, key);
      if (!anchor) continue;
      ctx.report({
        span: anchor === field ? anchor.valueSpan : anchor.keySpan,
        message: `${apiError.invalid('spec.ipFamilyPolicy', 'SingleStack', `must be 'RequireDualStack' or 'PreferDualStack' when ${what} are specified`)}\n${explain}`,
        data: { expected: DUAL, omitted: written === null },
      });
    }
  },
});
