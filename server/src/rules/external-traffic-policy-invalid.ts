import { isSeq } from 'yaml';
import { apiError } from '../kubernetes/apiError';
import { SERVICE_TYPES, type ServiceModel } from '../kubernetes/model';
import { serviceRule } from '../analysis/rule';
import { fieldOf } from '../document/yamlNodes';
import { stringOrNull } from './clusterip-invalid';

const POLICIES = ['Cluster', 'Local'] as const;

/** pkg/api/service/util.go ExternallyAccessible: node ports, a load balancer, or external IPs on a ClusterIP Service. */
export function externallyAccessible(service: ServiceModel): boolean {
  if (service.type === 'LoadBalancer' || service.type === 'NodePort') return true;
  const externalIPs = fieldOf(service.spec, 'externalIPs')?.node;
  return service.type === 'ClusterIP' && isSeq(externalIPs) && externalIPs.items.length > 0;
}

/**
 * validateServiceExternalTrafficPolicy (pkg/apis/core/validation/validation.go): an externally accessible Service takes
 * Cluster or Local (empty is defaulted to Cluster); any other Service may not set the field at all. Skipped when the
 * type itself is invalid: the type's own error is the one to fix first.
 */
export const externalTrafficPolicyInvalid = serviceRule({
  id: 'external-traffic-policy-invalid',
  defaultSeverity: 'error',
  description: 'externalTrafficPolicy must be Cluster or Local, and only NodePort, LoadBalancer or ClusterIP-with-externalIPs Services may set it.',
  crossResource: false,
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
});
