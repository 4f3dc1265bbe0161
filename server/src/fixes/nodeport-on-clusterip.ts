import type { FixProvider } from '../analysis/fix';
import { dataNumber, fixOf, serviceSpec } from './helpers';
import { removePair } from '../document/edits';
import { usedNodePorts } from '../kubernetes/nodePorts';
import { conversionEdits } from '../kubernetes/serviceEdits';

/**
 * The classic "set nodePort, forgot type: NodePort": change the type (the NodePort conversion, which also drops
 * `clusterIP: None` and node ports that are outside the range or held by another Service in the workspace, saying so),
 * or drop the nodePort and stay internal. Both are choices.
 */
export const fixNodePortOnClusterIP: FixProvider = (ctx) => {
  const target = serviceSpec(ctx);
  const port = target?.service.ports[dataNumber(ctx, 'portIndex') ?? -1];
  const field = port?.fields.nodePort;
  if (!target || !port || !field) return [];
  const value = dataNumber(ctx, 'value');
  const range = ctx.settings.nodePortRange;
  const taken = usedNodePorts(ctx.workspace, target.service);
  const fixes = [];
  const edits = conversionEdits(ctx.file.text, ctx.chunk, target.service, 'NodePort', ctx.settings, taken);
  if (edits && value !== undefined) {
    const why =
      value < range.first || value > range.last
        ? ` (nodePort ${value} is outside ${range.first}-${range.last}, so Kubernetes allocates one)`
        : taken.has(value)
          ? ` (another Service holds node port ${value}, so Kubernetes allocates one)`
          : '';
    fixes.push(...fixOf(`Change type to NodePort${why}`, edits, { safe: false, preferred: true }));
  }
  fixes.push(...fixOf('Remove nodePort (stay reachable only inside the cluster)', [removePair(ctx.file.text, ctx.chunk, port.map, field.pair)], { safe: false, preferred: fixes.length === 0 }));
  return fixes;
};
