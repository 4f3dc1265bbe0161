import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, removeEntryAtFinding } from './helpers';
import { usedNodePorts } from '../kubernetes/nodePorts';
import { SOURCE_RANGES_ANNOTATION, conversionEdits, removeAnnotation } from '../kubernetes/serviceEdits';
import { isService } from '../kubernetes/model';

/**
 * Remove the load-balancer field, or make the Service a LoadBalancer (the same conversion as the refactoring, so
 * what LoadBalancer rejects goes too). Both change what gets deployed, so neither is applied unseen.
 */
export const fixLbOnlyField: FixProvider = (ctx) => {
  const field = dataString(ctx, 'field');
  const type = dataString(ctx, 'type');
  if (!field || !type) return [];
  const removal = field === SOURCE_RANGES_ANNOTATION && isService(ctx.object) ? removeAnnotation(ctx.file.text, ctx.chunk, ctx.object, field) : removeEntryAtFinding(ctx);
  const fixes = fixOf(`Remove ${field} (only used by LoadBalancer Services)`, [removal], { safe: false, preferred: true });
  if (isService(ctx.object) && type !== 'ExternalName') {
    const edits = conversionEdits(ctx.file.text, ctx.chunk, ctx.object, 'LoadBalancer', ctx.settings, usedNodePorts(ctx.workspace, ctx.object));
    if (edits) fixes.push(...fixOf('Change type to LoadBalancer', edits, { safe: false }));
  }
  return fixes;
};
