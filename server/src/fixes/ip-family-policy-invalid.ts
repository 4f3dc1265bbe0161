import type { FixProvider } from '../analysis/fix';
import { serviceSpec, suggestionFixes } from './helpers';
import { setScalarField } from '../document/structure';

/**
 * `singlestack` → `SingleStack`. Two cluster IPs or families need a dual-stack policy: PreferDualStack (falls back to
 * one family on a single-stack cluster) or RequireDualStack (fails there); which one is the user's call.
 */
export const fixIpFamilyPolicyInvalid: FixProvider = (ctx) => {
  const suggested = suggestionFixes(ctx, { what: 'ipFamilyPolicy' });
  if (suggested.length > 0) return suggested;
  const expected = ctx.finding.data?.expected;
  const target = serviceSpec(ctx);
  if (!Array.isArray(expected) || !target) return [];
  return ['PreferDualStack', 'RequireDualStack']
    .filter((policy) => expected.includes(policy))
    .map((policy, i) => ({
      title: `Set ipFamilyPolicy: ${policy}`,
      edits: [setScalarField(ctx.file.text, ctx.chunk, target.spec, 'ipFamilyPolicy', policy)],
      preferred: i === 0,
      safe: false,
    }));
};
