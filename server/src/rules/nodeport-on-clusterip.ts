import { defineServiceRule } from '../analysis/rule';
import { fixOf, serviceSpec } from '../analysis/fixHelpers';
import { usedNodePorts } from '../kubernetes/nodePorts';
import { conversionEdits } from '../kubernetes/serviceEdits';
import { removePair } from '../document/edits';
import { apiError } from '../kubernetes/apiError';
import { decodedInt32, decodedString } from '../kubernetes/validation/names';

/**
 * ValidateService (pkg/apis/core/validation/validation.go): a non-zero nodePort is forbidden when the (defaulted) type
 * is ClusterIP. This is the classic "I set nodePort but forgot type: NodePort" mistake. nodePort: 0 means unset.
 */
export const nodePortOnClusterIP = defineServiceRule<{ portIndex: number; value: number; expected: 'NodePort' }>({
  id: 'nodeport-on-clusterip',
  defaultSeverity: 'error',
  description: 'A ClusterIP Service (including one with no type) sets a nodePort, which only NodePort and LoadBalancer Services have.',
  crossResource: false,
  partialSafe: false,
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
  /**
   * The classic "set nodePort, forgot type: NodePort": change the type (the NodePort conversion, which also drops
   * `clusterIP: None` and node ports that are outside the range or held by another Service in the workspace, saying so),
   * or drop the nodePort and stay internal. Both are choices.
   */
  fixes(ctx) {
    const target = serviceSpec(ctx);
    const port = target?.service.ports[ctx.data.portIndex];
    const field = port?.fields.nodePort;
    if (!target || !port || !field) return [];
    const { value } = ctx.data;
    const range = ctx.settings.nodePortRange;
    const taken = usedNodePorts(ctx.workspace, target.service);
    const fixes = [];
    const edits = conversionEdits(ctx.file.text, ctx.chunk, target.service, 'NodePort', ctx.settings, taken);
    if (edits) {
      const why =
        value < range.first || value > range.last
          ? ` (nodePort ${value} is outside ${range.first}-${range.last}, so Kubernetes allocates one)`
          : taken.has(value)
            ? ` (another Service holds node port ${value}, so Kubernetes allocates one)`
            : '';
      fixes.push(...fixOf(`Change type to NodePort${why}`, edits, { safe: false, preferred: true }));
    }
    fixes.push(
      ...fixOf('Remove nodePort (stay reachable only inside the cluster)', [removePair(ctx.file.text, ctx.chunk, port.map, field.pair)], {
        safe: false,
        preferred: fixes.length === 0,
      }),
    );
    return fixes;
  },
});
