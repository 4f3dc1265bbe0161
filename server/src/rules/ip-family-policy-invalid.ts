import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { serviceSpec, suggestionFixes } from '../analysis/fixHelpers';
import { setScalarField } from '../document/structure';
import { fieldOf } from '../document/yamlNodes';
import { stringEntries, stringOrNull } from '../kubernetes/validation/decode';
import { clusterIPProblems, clusterIPsOf, ipFamilyProblems } from '../kubernetes/validation/clusterIPs';

const POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'] as const;
const DUAL = ['RequireDualStack', 'PreferDualStack'];

/** The valid spelling of a mis-cased policy, or the policies two IPs or families need (and whether none was written). */
type Data = { suggestion: string } | { expected: string[]; omitted: boolean } | undefined;

/**
 * C6: ValidateServiceClusterIPsRelatedFields accepts only the three policies (a written "" is not defaulted).
 * R5/R6: on create the registry (pkg/registry/core/service/storage/alloc.go, initIPFamilyFields) defaults an
 * omitted policy to SingleStack (RequireDualStack for a headless Service without selector) and then refuses two
 * cluster IPs or two families under SingleStack. It only gets there when the clusterIPs/ipFamilies checks pass.
 */
export const ipFamilyPolicyInvalid = defineServiceRule<Data>({
  id: 'ip-family-policy-invalid',
  defaultSeverity: 'error',
  description: 'ipFamilyPolicy must be SingleStack, PreferDualStack or RequireDualStack, and must be dual-stack when two cluster IPs or families are listed.',
  crossResource: false,
  partialSafe: false,
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
  /**
   * `singlestack` → `SingleStack`. Two cluster IPs or families need a dual-stack policy: PreferDualStack (falls back to
   * one family on a single-stack cluster) or RequireDualStack (fails there); which one is the user's call.
   */
  fixes(ctx) {
    const { data } = ctx;
    if (!data) return [];
    if ('suggestion' in data) return suggestionFixes(ctx, data.suggestion, { what: 'ipFamilyPolicy' });
    const target = serviceSpec(ctx);
    if (!target) return [];
    return ['PreferDualStack', 'RequireDualStack']
      .filter((policy) => data.expected.includes(policy))
      .map((policy, i) => ({
        title: `Set ipFamilyPolicy: ${policy}`,
        edits: [setScalarField(ctx.file.text, ctx.chunk, target.spec, 'ipFamilyPolicy', policy)],
        preferred: i === 0,
        safe: false,
      }));
  },
});
