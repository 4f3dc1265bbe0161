import type { FixProvider } from '../analysis/fix';
import { dataNumber, fixOf, removeEntryAtFinding, replaceNumberAtFinding } from './helpers';
import { freeNodePort, usedNodePorts } from '../kubernetes/nodePorts';

/** Two ports of one Service ask for the same node port: drop the second request, or give it a free port. */
export const fixNodePortDuplicate: FixProvider = (ctx) => {
  const fixes = fixOf('Remove this nodePort (Kubernetes allocates a free one)', [removeEntryAtFinding(ctx)], { safe: false, preferred: true });
  const free = freeNodePort(ctx.settings.nodePortRange, usedNodePorts(ctx.workspace), dataNumber(ctx, 'value'));
  if (free !== undefined) fixes.push(...fixOf(`Use free node port ${free}`, [replaceNumberAtFinding(ctx, free)], { safe: false }));
  return fixes;
};
