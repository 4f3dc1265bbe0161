import { apiError } from '../kubernetes/apiError';
import { SERVICE_TYPES } from '../kubernetes/model';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, removeEntryAtFinding, replaceNumberAtFinding, serviceSpec } from '../analysis/fixHelpers';
import { formatPortRange, type PortRange } from '../analysis/settings';
import { conversionEdits } from '../kubernetes/serviceEdits';
import { freeNodePort, usedNodePorts } from '../kubernetes/nodePorts';
import { setScalarField } from '../document/structure';
import { decodedInt32 } from '../kubernetes/validation/names';
import { fieldOf, stringValue } from '../document/yamlNodes';
import { stringOrNull } from '../kubernetes/validation/decode';

/** The port as written; with `range` when it is outside the node-port range rather than not allowed at all. */
type Data = { value: number; range?: PortRange };

/**
 * E3: validateServiceExternalTrafficPolicy (pkg/apis/core/validation/validation.go) forbids a healthCheckNodePort
 * unless the Service is LoadBalancer with externalTrafficPolicy Local (NeedsHealthCheck in pkg/api/service/util.go).
 * R4: when it does need one, the registry reserves the requested port from the node-port allocator before validation
 * (allocHealthCheckNodePort in pkg/registry/core/service/storage/alloc.go) and wraps the allocator's refusal in an
 * InternalError (HTTP 500). Collisions with other node ports are nodePortCollision's.
 */
export const healthCheckNodePortInvalid = defineServiceRule<Data>({
  id: 'health-check-nodeport-invalid',
  defaultSeverity: 'error',
  description: 'healthCheckNodePort is only allowed on LoadBalancer Services with externalTrafficPolicy: Local, and must lie in the node-port range.',
  crossResource: false,
  partialSafe: false,
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
  /**
   * Out of range: remove it and Kubernetes allocates one (safe, as for nodePort), or pick a free port. On a Service
   * that needs no health check (only LoadBalancer with externalTrafficPolicy: Local has one) the field is rejected:
   * remove it, or supply what is missing (type LoadBalancer, or the Local policy). All of those are choices.
   */
  fixes(ctx) {
    if (ctx.data.range !== undefined) {
      const fixes = fixOf('Remove healthCheckNodePort (Kubernetes allocates a free one)', [removeEntryAtFinding(ctx)], { safe: true, preferred: true });
      const free = freeNodePort(ctx.settings.nodePortRange, usedNodePorts(ctx.workspace), ctx.data.value);
      if (free !== undefined) fixes.push(...fixOf(`Use free node port ${free}`, [replaceNumberAtFinding(ctx, free)], { safe: false }));
      return fixes;
    }
    const fixes = fixOf('Remove healthCheckNodePort', [removeEntryAtFinding(ctx)], { safe: false, preferred: true });
    const target = serviceSpec(ctx);
    if (!target) return fixes;
    const local = stringValue(fieldOf(target.spec, 'externalTrafficPolicy')?.node, target.service.doc) === 'Local';
    if (target.service.type === 'LoadBalancer' && !local) {
      const edits = [setScalarField(ctx.file.text, ctx.chunk, target.spec, 'externalTrafficPolicy', 'Local')];
      // Every node still receives it; without a ready local pod kube-proxy does not forward (virtual-ips.md "External
      // traffic policy").
      fixes.push(...fixOf('Set externalTrafficPolicy: Local (only nodes with a ready pod forward external traffic)', edits, { safe: false }));
    } else if (local && target.service.type === 'NodePort') {
      const edits = conversionEdits(ctx.file.text, ctx.chunk, target.service, 'LoadBalancer', ctx.settings, usedNodePorts(ctx.workspace, target.service));
      if (edits) fixes.push(...fixOf('Change type to LoadBalancer', edits, { safe: false }));
    }
    return fixes;
  },
});
