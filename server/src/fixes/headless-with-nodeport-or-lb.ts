import { isScalar, isSeq } from 'yaml';
import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, serviceSpec } from './helpers';
import { removePairs } from '../document/edits';
import { conversionEdits } from '../kubernetes/serviceEdits';
import { fieldOf } from '../document/yamlNodes';

const isNone = (node: unknown) => isScalar(node) && node.value === 'None';

/**
 * Either keep the type and drop the `None` (from clusterIP and from clusterIPs: [None], wherever it is written), or
 * keep the headless Service and make it ClusterIP (the conversion drops node ports and load-balancer fields).
 */
export const fixHeadlessWithNodePortOrLb: FixProvider = (ctx) => {
  const type = dataString(ctx, 'type');
  const target = serviceSpec(ctx);
  if (!type || !target) return [];
  const clusterIP = fieldOf(target.spec, 'clusterIP');
  const clusterIPs = fieldOf(target.spec, 'clusterIPs');
  const pairs = [
    clusterIP && isNone(clusterIP.node) ? clusterIP.pair : undefined,
    clusterIPs && isSeq(clusterIPs.node) && clusterIPs.node.items.length === 1 && isNone(clusterIPs.node.items[0]) ? clusterIPs.pair : undefined,
  ].filter((pair) => pair !== undefined);
  if (pairs.length === 0) return [];
  const fixes = fixOf(`Remove clusterIP: None (keep type ${type})`, removePairs(ctx.file.text, ctx.chunk, target.spec, pairs), { safe: false, preferred: true });
  const edits = conversionEdits(ctx.file.text, ctx.chunk, target.service, 'ClusterIP', ctx.settings);
  if (edits) fixes.push(...fixOf('Make it a headless ClusterIP Service (drops node ports and load-balancer fields)', edits, { safe: false }));
  return fixes;
};
