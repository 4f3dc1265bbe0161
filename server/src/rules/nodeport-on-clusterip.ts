import { serviceRule } from '../analysis/rule';
import { apiError } from '../kubernetes/apiError';
import { decodedInt32, decodedString } from '../kubernetes/validation/names';

/**
 * ValidateService (pkg/apis/core/validation/validation.go): a non-zero nodePort is forbidden when the (defaulted) type
 * is ClusterIP. This is the classic "I set nodePort but forgot type: NodePort" mistake. nodePort: 0 means unset.
 */
export const nodePortOnClusterIP = serviceRule({
  id: 'nodeport-on-clusterip',
  defaultSeverity: 'error',
  description: 'A ClusterIP Service (including one with no type) sets a nodePort, which only NodePort and LoadBalancer Services have.',
  crossResource: false,
  check(service, ctx) {
    if (service.type !== 'ClusterIP') return;
    const typeWritten = decodedString(service.fields.type?.node, service.doc) === 'ClusterIP';
    for (const port of service.ports) {
      const field = port.fields.nodePort;
      const value = decodedInt32(field?.node, service.doc);
      if (!field || !value) continue;
      ctx.report({
        span: field.keySpan,
        message:
          apiError.forbidden(`spec.ports[${port.index}].nodePort`, "may not be used when `type` is 'ClusterIP'") +
          `\n${typeWritten ? 'A ClusterIP Service' : 'This Service has no type, so it is a ClusterIP Service: it'} is only reachable inside the cluster and opens no node port: set type: NodePort (or LoadBalancer) to expose it on every node, or remove nodePort.`,
        data: { portIndex: port.index, value, expected: 'NodePort' },
      });
    }
  },
});
