import { isScalar, isSeq } from 'yaml';
import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, serviceSpec } from '../analysis/fixHelpers';
import { headlessNoneSpan } from '../kubernetes/validation/clusterIPs';
import { conversionEdits } from '../kubernetes/serviceEdits';
import { removePairs } from '../document/edits';
import { fieldOf } from '../document/yamlNodes';

const isNone = (node: unknown) => isScalar(node) && node.value === 'None';

/**
 * ValidateService (pkg/apis/core/validation/validation.go): NodePort and LoadBalancer Services forward node or
 * load-balancer traffic to the Service's cluster IP, so they may not be headless.
 */
export const headlessWithNodePortOrLb = defineServiceRule<{ type: string }>({
  id: 'headless-with-nodeport-or-lb',
  defaultSeverity: 'error',
  description: 'A NodePort or LoadBalancer Service sets clusterIP: None (headless), which the API server rejects.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') return;
    const span = headlessNoneSpan(service);
    if (!span) return;
    const traffic = service.type === 'NodePort' ? 'node ports' : 'a load balancer';
    ctx.report({
      span,
      message:
        apiError.invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${service.type} services`) +
        `\nA headless Service (clusterIP: None) has no cluster IP for ${traffic} to forward to: remove clusterIP: None, or remove type: ${service.type} if you wanted a headless Service.`,
      data: { type: service.type },
    });
  },
  /**
   * Either keep the type and drop the `None` (from clusterIP and from clusterIPs: [None], wherever it is written), or
   * keep the headless Service and make it ClusterIP (the conversion drops node ports and load-balancer fields).
   */
  fixes(ctx) {
    const { type } = ctx.data;
    const target = serviceSpec(ctx);
    if (!type || !target) return [];
    const clusterIP = fieldOf(target.spec, 'clusterIP');
    const clusterIPs = fieldOf(target.spec, 'clusterIPs');
    const pairs = [
      clusterIP && isNone(clusterIP.node) ? clusterIP.pair : undefined,
      clusterIPs && isSeq(clusterIPs.node) && clusterIPs.node.items.length === 1 && isNone(clusterIPs.node.items[0]) ? clusterIPs.pair : undefined,
    ].filter((pair) => pair !== undefined);
    if (pairs.length === 0) return [];
    const fixes = fixOf(`Remove clusterIP: None (keep type ${type})`, removePairs(ctx.file.text, ctx.chunk, target.spec, pairs), {
      safe: false,
      preferred: true,
    });
    const edits = conversionEdits(ctx.file.text, ctx.chunk, target.service, 'ClusterIP', ctx.settings);
    if (edits) fixes.push(...fixOf('Make it a headless ClusterIP Service (drops node ports and load-balancer fields)', edits, { safe: false }));
    return fixes;
  },
});
