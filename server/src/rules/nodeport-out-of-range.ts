import { isMap } from 'yaml';
import { apiError } from '../kubernetes/apiError';
import { formatPortRange, type PortRange } from '../analysis/settings';
import { defineServiceRule } from '../analysis/rule';
import { isService } from '../kubernetes/model';
import { freeNodePort, usedNodePorts } from '../kubernetes/nodePorts';
import { removePair, replaceNode } from '../document/edits';

/**
 * kube-apiserver allocates requested node ports in BeginCreate (pkg/registry/core/service/storage/alloc.go,
 * initNodePorts) for NodePort and LoadBalancer Services, even with allocateLoadBalancerNodePorts: false,
 * and the port allocator rejects a port outside --service-node-port-range with ErrNotInRange
 * (pkg/registry/core/service/portallocator/allocator.go). 0 means "allocate one for me".
 */
export const nodePortOutOfRange = defineServiceRule<{ portIndex: number; value: number; range: PortRange }>({
  id: 'nodeport-out-of-range',
  defaultSeverity: 'error',
  description: "A nodePort outside the cluster's node-port range (default 30000-32767) is rejected by the API server.",
  crossResource: false,
  // Fires only when this object itself says NodePort or LoadBalancer; explicit keys win over merged ones.
  partialSafe: true,
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
  /** Remove the nodePort (Kubernetes allocates one) or move it to a free port in the range. */
  fixes({ file, workspace, settings, object, chunk, data }) {
    if (!isService(object)) return [];
    const port = object.ports[data.portIndex];
    const field = port?.fields.nodePort;
    if (!port || !field || !isMap(port.map)) return [];
    const fixes = [
      {
        title: 'Remove nodePort (Kubernetes allocates a free one)',
        edits: [removePair(file.text, chunk, port.map, field.pair)],
        preferred: true,
        safe: true,
      },
    ];
    const free = freeNodePort(settings.nodePortRange, usedNodePorts(workspace), data.value);
    if (free !== undefined && field.node) {
      fixes.push({ title: `Use free node port ${free}`, edits: [replaceNode(chunk, field.node, String(free))], preferred: false, safe: false });
    }
    return fixes;
  },
});
