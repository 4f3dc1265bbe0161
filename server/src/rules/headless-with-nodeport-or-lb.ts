import type { Scalar } from 'yaml';
import { apiError } from '../kubernetes/apiError';
import type { ServiceModel } from '../kubernetes/model';
import { serviceRule } from '../analysis/rule';
import { decodedString } from '../kubernetes/validation/names';
import { asSeq, fieldOf, spanOf, type Span } from '../document/yamlNodes';

/**
 * isHeadlessService in pkg/apis/core/validation/validation.go: clusterIPs is exactly ["None"]. On create the registry
 * first copies a lone `clusterIP` into an empty `clusterIPs` (NormalizeClusterIPs), so either spelling counts.
 * Returns where the "None" is written, for reporting; undefined when the Service is not headless.
 */
export function headlessNoneSpan(service: ServiceModel): Span | undefined {
  const clusterIPsField = fieldOf(service.spec, 'clusterIPs');
  const clusterIPs = asSeq(clusterIPsField?.node);
  if (clusterIPs && clusterIPs.items.length > 0) {
    const [first] = clusterIPs.items;
    if (clusterIPs.items.length !== 1 || decodedString(first as Scalar, service.doc) !== 'None') return undefined;
    return spanOf(first as Scalar);
  }
  const clusterIPField = fieldOf(service.spec, 'clusterIP');
  return clusterIPField && decodedString(clusterIPField.node, service.doc) === 'None' ? clusterIPField.valueSpan : undefined;
}

/**
 * ValidateService (pkg/apis/core/validation/validation.go): NodePort and LoadBalancer Services forward node or
 * load-balancer traffic to the Service's cluster IP, so they may not be headless.
 */
export const headlessWithNodePortOrLb = serviceRule({
  id: 'headless-with-nodeport-or-lb',
  defaultSeverity: 'error',
  description: "A NodePort or LoadBalancer Service sets clusterIP: None (headless), which the API server rejects.",
  crossResource: false,
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
});
