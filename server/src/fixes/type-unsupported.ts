import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, replaceAtFinding, serviceSpec } from './helpers';
import { setScalarField } from '../document/structure';
import { fieldOf, stringValue } from '../document/yamlNodes';

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * `nodeport`, `Load-Balancer` → the type spelt right (safe: same letters). A near miss (`LoadBalencer`) is offered,
 * not applied unseen. `type: Headless` becomes `type: ClusterIP` plus `clusterIP: None`, what "headless" means.
 */
export const fixTypeUnsupported: FixProvider = (ctx) => {
  const suggestion = dataString(ctx, 'suggestion');
  const value = dataString(ctx, 'value');
  if (!suggestion || value === undefined) return [];
  const replace = replaceAtFinding(ctx, suggestion);
  if (dataString(ctx, 'clusterIP') === 'None') {
    const target = serviceSpec(ctx);
    if (!target) return [];
    const clusterIP = stringValue(fieldOf(target.spec, 'clusterIP')?.node, target.service.doc) ?? '';
    // A Service with a cluster IP address cannot be headless as well.
    if (clusterIP !== '' && clusterIP !== 'None') return [];
    const edits = clusterIP === 'None' ? [replace] : [replace, setScalarField(ctx.file.text, ctx.chunk, target.spec, 'clusterIP', 'None')];
    return fixOf('Make it a headless Service (type: ClusterIP, clusterIP: None)', edits, { safe: false, preferred: true });
  }
  return fixOf(`Change type to ${suggestion}`, [replace], { safe: normalize(value) === normalize(suggestion), preferred: true });
};
