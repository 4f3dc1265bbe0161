import { isSeq } from 'yaml';
import { apiError } from '../kubernetes/apiError';
import { SERVICE_TYPES, type ServiceModel } from '../kubernetes/model';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, removeEntryAtFinding, suggestionFixes } from '../analysis/fixHelpers';
import { usedNodePorts } from '../kubernetes/nodePorts';
import { conversionEdits } from '../kubernetes/serviceEdits';
import { isService } from '../kubernetes/model';
import { fieldOf } from '../document/yamlNodes';
import { stringOrNull } from '../kubernetes/validation/decode';

const POLICIES = ['Cluster', 'Local'] as const;

/** pkg/api/service/util.go ExternallyAccessible: node ports, a load balancer, or external IPs on a ClusterIP Service. */
export function externallyAccessible(service: ServiceModel): boolean {
  if (service.type === 'LoadBalancer' || service.type === 'NodePort') return true;
  const externalIPs = fieldOf(service.spec, 'externalIPs')?.node;
  return service.type === 'ClusterIP' && isSeq(externalIPs) && externalIPs.items.length > 0;
}

/** The type of a Service that may not set the field, or the valid spelling of a mis-cased value. */
type Data = { type: string } | { suggestion: string } | undefined;

/**
 * validateServiceExternalTrafficPolicy (pkg/apis/core/validation/validation.go): an externally accessible Service takes
 * Cluster or Local (empty is defaulted to Cluster); any other Service may not set the field at all. Skipped when the
 * type itself is invalid: the type's own error is the one to fix first.
 */
export const externalTrafficPolicyInvalid = defineServiceRule<Data>({
  id: 'external-traffic-policy-invalid',
  defaultSeverity: 'error',
  description: 'externalTrafficPolicy must be Cluster or Local, and only NodePort, LoadBalancer or ClusterIP-with-externalIPs Services may set it.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    const field = fieldOf(service.spec, 'externalTrafficPolicy');
    const value = stringOrNull(field, service.doc);
    if (!field || !value || !(SERVICE_TYPES as readonly string[]).includes(service.type)) return;
    if (!externallyAccessible(service)) {
      ctx.report({
        span: field.valueSpan,
        message:
          apiError.invalid('spec.externalTrafficPolicy', value, 'may only be set for externally-accessible services') +
          `\nexternalTrafficPolicy only governs traffic arriving through node ports, a load balancer or external IPs, which this ${service.type} Service does not receive; remove it.`,
        data: { type: service.type },
      });
      return;
    }
    if ((POLICIES as readonly string[]).includes(value)) return;
    const suggestion = POLICIES.find((policy) => policy.toLowerCase() === value.toLowerCase());
    ctx.report({
      span: field.valueSpan,
      message:
        apiError.unsupported('spec.externalTrafficPolicy', value, POLICIES) +
        (suggestion
          ? `\nValues are case-sensitive: did you mean "${suggestion}"?`
          : '\nUse Cluster (the default: any ready Pod, the client address may be replaced by a node address) or Local (only Pods on the receiving node, client address kept).'),
      data: suggestion ? { suggestion } : undefined,
    });
  },
  /**
   * A mis-cased value gets its valid spelling (safe). On a Service that receives no external traffic the field is
   * rejected: remove it, or make the Service NodePort or LoadBalancer, where it applies. All three are choices.
   */
  fixes(ctx) {
    const { data } = ctx;
    if (!data || !('type' in data)) return suggestionFixes(ctx, data?.suggestion, { what: 'externalTrafficPolicy' });
    const { type } = data;
    const fixes = fixOf(`Remove externalTrafficPolicy (a ${type} Service receives no external traffic)`, [removeEntryAtFinding(ctx)], {
      safe: false,
      preferred: true,
    });
    if (type === 'ClusterIP' && isService(ctx.object)) {
      for (const to of ['NodePort', 'LoadBalancer'] as const) {
        const edits = conversionEdits(ctx.file.text, ctx.chunk, ctx.object, to, ctx.settings, usedNodePorts(ctx.workspace, ctx.object));
        if (edits) fixes.push(...fixOf(`Change type to ${to}`, edits, { safe: false }));
      }
    }
    return fixes;
  },
});
