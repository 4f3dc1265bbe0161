import type { FixProvider } from '../analysis/fix';
import { dataNumber, fixOf, removeEntryAtFinding, replaceNumberAtFinding } from './helpers';
import { freeNodePort, usedNodePorts } from '../kubernetes/nodePorts';

/**
 * Another Service (or another port of this one) holds the node port. Removing it lets Kubernetes allocate a free one;
 * a free port in the range that no Service in the workspace uses is the alternative. Both change the port clients
 * use, so neither is applied unseen. Works for nodePort and healthCheckNodePort alike (the finding is on the value).
 */
export const fixNodePortCollision: FixProvider = (ctx) => {
  const what = dataNumber(ctx, 'portIndex') === undefined ? 'healthCheckNodePort' : 'nodePort';
  const fixes = fixOf(`Remove ${what} (Kubernetes allocates a free one)`, [removeEntryAtFinding(ctx)], { safe: false, preferred: true });
  const free = freeNodePort(ctx.settings.nodePortRange, usedNodePorts(ctx.workspace), dataNumber(ctx, 'value'));
  if (free !== undefined) fixes.push(...fixOf(`Use free node port ${free}`, [replaceNumberAtFinding(ctx, free)], { safe: false }));
  return fixes;
};
