import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, removeEntryAtFinding, suggestionFixes } from './helpers';
import { usedNodePorts } from '../kubernetes/nodePorts';
import { conversionEdits } from '../kubernetes/serviceEdits';
import { isService } from '../kubernetes/model';

/**
 * A mis-cased value gets its valid spelling (safe). On a Service that receives no external traffic the field is
 * rejected: remove it, or make the Service NodePort or LoadBalancer, where it applies. All three are choices.
 */
export const fixExternalTrafficPolicyInvalid: FixProvider = (ctx) => {
  const type = dataString(ctx, 'type');
  if (type === undefined) return suggestionFixes(ctx, { what: 'externalTrafficPolicy' });
  const fixes = fixOf(`Remove externalTrafficPolicy (a ${type} Service receives no external traffic)`, [removeEntryAtFinding(ctx)], { safe: false, preferred: true });
  if (type === 'ClusterIP' && isService(ctx.object)) {
    for (const to of ['NodePort', 'LoadBalancer'] as const) {
      const edits = conversionEdits(ctx.file.text, ctx.chunk, ctx.object, to, ctx.settings, usedNodePorts(ctx.workspace, ctx.object));
      if (edits) fixes.push(...fixOf(`Change type to ${to}`, edits, { safe: false }));
    }
  }
  return fixes;
};
