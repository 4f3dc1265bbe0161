import { apiError } from '../kubernetes/apiError';
import { SERVICE_TYPES } from '../kubernetes/model';
import { serviceRule } from '../analysis/rule';
import { formatPortRange } from '../analysis/settings';
import { decodedInt32 } from '../kubernetes/validation/names';
import { fieldOf } from '../document/yamlNodes';
import { stringOrNull } from './clusterip-invalid';

/**
 * E3: validateServiceExternalTrafficPolicy (pkg/apis/core/validation/validation.go) forbids a healthCheckNodePort
 * unless the Service is LoadBalancer with externalTrafficPolicy Local (NeedsHealthCheck in pkg/api/service/util.go).
 * R4: when it does need one, the registry reserves the requested port from the node-port allocator before validation
 * (allocHealthCheckNodePort in pkg/registry/core/service/storage/alloc.go) and wraps the allocator's refusal in an
 * InternalError (HTTP 500). Collisions with other node ports are nodeport-collision's.
 */
export const healthCheckNodePortInvalid = serviceRule({
  id: 'health-check-nodeport-invalid',
  defaultSeverity: 'error',
  description: 'healthCheckNodePort is only allowed on LoadBalancer Services with externalTrafficPolicy: Local, and must lie in the node-port range.',
  crossResource: false,
  check(service, ctx) {
    const field = fieldOf(service.spec, 'healthCheckNodePort');
    const value = decodedInt32(field?.node, service.doc);
    if (!field || !value) return;
    // With an invalid type the type's own error comes first; "only for LoadBalancer" would only repeat it.
    if (!(SERVICE_TYPES as readonly string[]).includes(service.type)) return;
    const local = stringOrNull(fieldOf(service.spec, 'externalTrafficPolicy'), service.doc) === 'Local';
    if (service.type !== 'LoadBalancer' || !local) {
      ctx.report({
        span: field.valueSpan,
        message:
          apiError.invalid('spec.healthCheckNodePort', value, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'") +
          '\nKubernetes only opens a health-check node port for LoadBalancer Services with externalTrafficPolicy: Local; remove healthCheckNodePort.',
        data: { value },
      });
      return;
    }
    const range = ctx.settings.nodePortRange;
    if (value >= range.first && value <= range.last) return;
    const rangeText = formatPortRange(range);
    ctx.report({
      span: field.valueSpan,
      message:
        `Internal error occurred: failed to allocate requested HealthCheck NodePort ${value}: provided port is not in the valid range. The range of valid ports is ${rangeText}\n` +
        `The health-check port is a node port like any other: choose one from ${rangeText}, or remove healthCheckNodePort and Kubernetes allocates one.`,
      data: { value, range },
    });
  },
});
