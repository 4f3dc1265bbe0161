import { isScalar, isSeq } from 'yaml';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, locatedAt, replaceAtFinding, serviceSpec } from '../analysis/fixHelpers';
import { clusterIPProblems, type ClusterIPData } from '../kubernetes/validation/clusterIPs';
import { removeItem, removePair, replaceScalar } from '../document/edits';
import { setScalarField } from '../document/structure';
import { fieldOf } from '../document/yamlNodes';

/**
 * ValidateServiceClusterIPsRelatedFields (pkg/apis/core/validation/validation.go), the clusterIPs part, with the
 * singular clusterIP copied in first as the registry's NormalizeClusterIPs does (kubernetes/validation/clusterIPs.ts).
 */
export const clusterIPInvalid = defineServiceRule<ClusterIPData | undefined>({
  id: 'clusterip-invalid',
  defaultSeverity: 'error',
  description:
    'clusterIP/clusterIPs values the API server rejects: not an IP, "None" mixed with IPs, more than two, two of one family, or not matching ipFamilies.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    for (const report of clusterIPProblems(service)) ctx.report(report);
  },
  /**
   * - clusterIPs without clusterIP: add clusterIP with clusterIPs' first value, which is what the API requires and
   *   what the user already wrote (safe);
   * - clusterIPs[0] differs from clusterIP: make one match the other (a choice);
   * - more than two cluster IPs: drop the extra entries (a choice);
   * - an invalid clusterIP: remove it so Kubernetes allocates one (a choice).
   */
  fixes(ctx) {
    const target = serviceSpec(ctx);
    const { data } = ctx;
    if (!target || !data) return [];
    const { text } = ctx.file;
    if ('clusterIP' in data) {
      return fixOf(`Add clusterIP: ${data.clusterIP} (the first of clusterIPs)`, [setScalarField(text, ctx.chunk, target.spec, 'clusterIP', data.clusterIP)], {
        safe: true,
        preferred: true,
      });
    }
    if ('expected' in data) {
      const clusterIP = fieldOf(target.spec, 'clusterIP')?.node;
      const located = locatedAt(ctx);
      const first = located && located.kind === 'item' && isScalar(located.node) ? String(located.node.value) : undefined;
      const fixes = fixOf(`Change clusterIPs[0] to ${data.expected}`, [replaceAtFinding(ctx, data.expected)], { safe: false, preferred: true });
      if (first && isScalar(clusterIP)) fixes.push(...fixOf(`Change clusterIP to ${first}`, [replaceScalar(ctx.chunk, clusterIP, first)], { safe: false }));
      return fixes;
    }
    if ('max' in data) {
      const list = fieldOf(target.spec, 'clusterIPs')?.node;
      if (!isSeq(list)) return [];
      // In flow style one cut from the second value's end keeps the commas right; in block style each line goes.
      const end = (i: number) => ctx.chunk.start + (list.items[i] as { range: [number, number, number] }).range[1];
      const extra = list.flow
        ? [{ start: end(1), end: end(list.items.length - 1), newText: '' }]
        : list.items.slice(2).map((_, i) => removeItem(text, ctx.chunk, list, i + 2));
      return fixOf('Keep only the first two cluster IPs', extra, { safe: false, preferred: true });
    }
    const located = locatedAt(ctx);
    if ('value' in data && located?.kind === 'value' && fieldOf(target.spec, 'clusterIP')?.pair === located.pair) {
      return fixOf('Remove clusterIP (Kubernetes allocates one)', [removePair(text, ctx.chunk, target.spec, located.pair)], { safe: false, preferred: true });
    }
    return [];
  },
});
