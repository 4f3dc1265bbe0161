import { apiError } from '../kubernetes/apiError';
import { formatPortRange } from '../analysis/settings';
import { serviceRule } from '../analysis/rule';

/**
 * kube-apiserver allocates requested node ports in BeginCreate (pkg/registry/core/service/storage/alloc.go,
 * initNodePorts) for NodePort and LoadBalancer Services, even with allocateLoadBalancerNodePorts: false,
 * and the port allocator rejects a port outside --service-node-port-range with ErrNotInRange
 * (pkg/registry/core/service/portallocator/allocator.go). 0 means "allocate one for me".
 */
export const nodePortOutOfRange = serviceRule({
  id: 'nodeport-out-of-range',
  defaultSeverity: 'error',
  description: 'A nodePort outside the cluster\'s node-port range (default 30000-32767) is rejected by the API server.',
  crossResource: false,
  check(service, ctx) {
    if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') return;
    const range = ctx.settings.nodePortRange;
    const rangeText = formatPortRange(range);
    for (const port of service.ports) {
      const field = port.fields.nodePort;
      const value = port.nodePort;
      if (!field || value === undefined || !Number.isInteger(value)) continue;
      if (value >= range.first && value <= range.last) continue;
      ctx.report({
        span: field.valueSpan,
        message:
          apiError.invalid(`spec.ports[${port.index}].nodePort`, value, `provided port is not in the valid range. The range of valid ports is ${rangeText}`) +
          `\nNode ports are opened on every node and must come from the cluster's node-port range: choose a port from ${rangeText}, or remove nodePort and Kubernetes allocates a free one.`,
        data: { portIndex: port.index, value, range },
      });
    }
  },
});
