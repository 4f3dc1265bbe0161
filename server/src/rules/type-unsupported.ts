import { apiError } from '../kubernetes/apiError';
import { SERVICE_TYPES } from '../kubernetes/model';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, replaceAtFinding, serviceSpec } from '../analysis/fixHelpers';
import { didYouMean } from '../kubernetes/schema/nearMiss';
import { setScalarField } from '../document/structure';
import { fieldOf, stringValue } from '../document/yamlNodes';
import { decodedString } from '../kubernetes/validation/names';

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** NotSupported lists the values sorted (sets.List), which is the order kubectl prints. */
const SUPPORTED = [...SERVICE_TYPES].sort();

/** The type as written; the type meant; for "headless", the clusterIP that makes a ClusterIP Service headless. */
type Data = { value: string; suggestion?: string; clusterIP?: 'None' };

/**
 * ValidateService (pkg/apis/core/validation/validation.go): spec.type must be one of the four types, spelt exactly.
 * An empty or omitted type was already defaulted to ClusterIP.
 */
export const typeUnsupported = defineServiceRule<Data>({
  id: 'type-unsupported',
  defaultSeverity: 'error',
  description: 'spec.type is not ClusterIP, NodePort, LoadBalancer or ExternalName (the values are case-sensitive).',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    const field = service.fields.type;
    const value = decodedString(field?.node, service.doc);
    if (!field || !value || (SERVICE_TYPES as readonly string[]).includes(value)) return;
    const headless = /^(headless|none)$/i.test(value.trim());
    const suggestion = headless ? 'ClusterIP' : didYouMean(value, SERVICE_TYPES);
    const advice = headless
      ? 'There is no Headless type: a headless Service is type ClusterIP (or no type) with clusterIP: None.'
      : suggestion
        ? `Service types are case-sensitive: did you mean ${suggestion}?`
        : 'Use ClusterIP (reachable inside the cluster), NodePort (also on a port of every node), LoadBalancer (also through an external load balancer) or ExternalName (a DNS alias).';
    ctx.report({
      span: field.valueSpan,
      message: `${apiError.unsupported('spec.type', value, SUPPORTED)}\n${advice}`,
      data: { value, ...(suggestion ? { suggestion } : {}), ...(headless ? { clusterIP: 'None' } : {}) },
    });
  },
  /**
   * `nodeport`, `Load-Balancer` → the type spelt right (safe: same letters). A near miss (`LoadBalencer`) is offered,
   * not applied unseen. `type: Headless` becomes `type: ClusterIP` plus `clusterIP: None`, what "headless" means.
   */
  fixes(ctx) {
    const { value, suggestion } = ctx.data;
    if (!suggestion) return [];
    const replace = replaceAtFinding(ctx, suggestion);
    if (ctx.data.clusterIP === 'None') {
      const target = serviceSpec(ctx);
      if (!target) return [];
      const clusterIP = stringValue(fieldOf(target.spec, 'clusterIP')?.node, target.service.doc) ?? '';
      // A Service with a cluster IP address cannot be headless as well.
      if (clusterIP !== '' && clusterIP !== 'None') return [];
      const edits = clusterIP === 'None' ? [replace] : [replace, setScalarField(ctx.file.text, ctx.chunk, target.spec, 'clusterIP', 'None')];
      return fixOf('Make it a headless Service (type: ClusterIP, clusterIP: None)', edits, { safe: false, preferred: true });
    }
    return fixOf(`Change type to ${suggestion}`, [replace], { safe: normalize(value) === normalize(suggestion), preferred: true });
  },
});
