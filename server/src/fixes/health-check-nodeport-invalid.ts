import type { FixProvider } from '../analysis/fix';
import { dataNumber, fixOf, removeEntryAtFinding, replaceNumberAtFinding, serviceSpec } from './helpers';
import { conversionEdits } from '../kubernetes/serviceEdits';
import { setScalarField } from '../document/structure';
import { fieldOf, stringValue } from '../document/yamlNodes';
import { freeNodePort, usedNodePorts } from '../kubernetes/nodePorts';

/**
 * Out of range: remove it and Kubernetes allocates one (safe, as for nodePort), or pick a free port. On a Service
 * that needs no health check (only LoadBalancer with externalTrafficPolicy: Local has one) the field is rejected:
 * remove it, or supply what is missing (type LoadBalancer, or the Local policy). All of those are choices.
 */
export const fixHealthCheckNodePortInvalid: FixProvider = (ctx) => {
  const outOfRange = ctx.finding.data?.range !== undefined;
  if (outOfRange) {
    const fixes = fixOf('Remove healthCheckNodePort (Kubernetes allocates a free one)', [removeEntryAtFinding(ctx)], { safe: true, preferred: true });
    const free = freeNodePort(ctx.settings.nodePortRange, usedNodePorts(ctx.workspace), dataNumber(ctx, 'value'));
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
};
