import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, removeEntryAtFinding, replaceNumberAtFinding } from '../analysis/fixHelpers';
import { freeNodePort, usedNodePorts } from '../kubernetes/nodePorts';
import { decodedInt32 } from '../kubernetes/validation/names';

/**
 * ValidateService (pkg/apis/core/validation/validation.go) rejects two ports with the same (protocol, nodePort).
 * For NodePort/LoadBalancer Services the node-port allocator runs first (alloc.go initNodePorts) and looks ports up
 * by `port` number: if the two entries have different `port` numbers it fails with "provided port is already
 * allocated" instead, which the nodePortCollision rule reports; this rule then stays quiet to avoid a second,
 * unreachable message.
 */
export const nodePortDuplicate = defineServiceRule<{ portIndex: number; firstIndex: number; value: number; protocol: string }>({
  id: 'nodeport-duplicate',
  defaultSeverity: 'error',
  description: 'Two ports of one Service with the same protocol request the same nodePort.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    const allocates = service.type === 'NodePort' || service.type === 'LoadBalancer';
    const seen = new Map<string, Array<{ index: number; port: number | null | undefined }>>();
    for (const port of service.ports) {
      const field = port.fields.nodePort;
      const nodePort = decodedInt32(field?.node, service.doc);
      if (!field || !nodePort) continue;
      const portNumber = decodedInt32(port.fields.port?.node, service.doc);
      const key = `${port.protocol}/${nodePort}`;
      const earlier = seen.get(key) ?? [];
      seen.set(key, [...earlier, { index: port.index, port: portNumber }]);
      if (earlier.length === 0) continue;
      if (allocates && earlier.some((other) => (other.port ?? 0) !== (portNumber ?? 0))) continue;
      ctx.report({
        span: field.valueSpan,
        message:
          apiError.duplicate(`spec.ports[${port.index}].nodePort`, nodePort) +
          `\nspec.ports[${earlier[0].index}] already uses node port ${nodePort} for ${port.protocol}: give each port its own nodePort, or remove nodePort and let Kubernetes choose one.`,
        data: { portIndex: port.index, firstIndex: earlier[0].index, value: nodePort, protocol: port.protocol },
      });
    }
  },
  /** Two ports of one Service ask for the same node port: drop the second request, or give it a free port. */
  fixes(ctx) {
    const fixes = fixOf('Remove this nodePort (Kubernetes allocates a free one)', [removeEntryAtFinding(ctx)], { safe: false, preferred: true });
    const free = freeNodePort(ctx.settings.nodePortRange, usedNodePorts(ctx.workspace), ctx.data.value);
    if (free !== undefined) fixes.push(...fixOf(`Use free node port ${free}`, [replaceNumberAtFinding(ctx, free)], { safe: false }));
    return fixes;
  },
});
