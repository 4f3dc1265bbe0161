import { SERVICE_TYPES, annotationField, isService } from '../kubernetes/model';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, removeEntryAtFinding } from '../analysis/fixHelpers';
import { usedNodePorts } from '../kubernetes/nodePorts';
import { SOURCE_RANGES_ANNOTATION, conversionEdits, removeAnnotation } from '../kubernetes/serviceEdits';
import { fieldOf, scalarValue, type Field } from '../document/yamlNodes';
import { stringEntries } from '../kubernetes/validation/decode';

const FORBIDDEN = "may only be used when `type` is 'LoadBalancer'";

/** The field (or annotation key) and the Service's type. */
type Data = { field: string; type: string };

/**
 * ValidateService and validateLoadBalancerClassField (pkg/apis/core/validation/validation.go) forbid four
 * load-balancer settings on other Service types, all with the same text: loadBalancerSourceRanges (path spelled
 * `spec.LoadBalancerSourceRanges`, capital L, by the API server), the legacy source-ranges annotation when the field is
 * empty, allocateLoadBalancerNodePorts and loadBalancerClass. Skipped when the type itself is invalid: that error
 * comes first. loadBalancerIP is not validated at all, so it is not checked here.
 */
export const lbOnlyField = defineServiceRule<Data>({
  id: 'lb-only-field',
  defaultSeverity: 'error',
  description:
    'loadBalancerSourceRanges, allocateLoadBalancerNodePorts, loadBalancerClass and the source-ranges annotation are only allowed on LoadBalancer Services.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    if (service.type === 'LoadBalancer' || !(SERVICE_TYPES as readonly string[]).includes(service.type)) return;
    const spec = service.spec;
    const report = (field: Field, path: string, what: string, fieldName: string) =>
      ctx.report({
        span: field.keySpan,
        message: `${path}: Forbidden: ${FORBIDDEN}\n${what} only applies to LoadBalancer Services, and this one is ${service.type}: remove it or set type: LoadBalancer.`,
        data: { field: fieldName, type: service.type },
      });
    const rangesField = fieldOf(spec, 'loadBalancerSourceRanges');
    const ranges = stringEntries(rangesField, service.doc);
    if (rangesField && ranges && ranges.length > 0) {
      report(rangesField, 'spec.LoadBalancerSourceRanges', 'loadBalancerSourceRanges (who may reach the cloud load balancer)', 'loadBalancerSourceRanges');
    } else if (ranges && ranges.length === 0) {
      const annotation = annotationField(service, SOURCE_RANGES_ANNOTATION);
      if (annotation) {
        report(
          annotation,
          `metadata.annotations[${SOURCE_RANGES_ANNOTATION}]`,
          'This annotation (who may reach the cloud load balancer)',
          SOURCE_RANGES_ANNOTATION,
        );
      }
    }
    const allocate = fieldOf(spec, 'allocateLoadBalancerNodePorts');
    if (allocate && typeof scalarValue(allocate.node, service.doc) === 'boolean') {
      report(allocate, 'spec.allocateLoadBalancerNodePorts', 'allocateLoadBalancerNodePorts', 'allocateLoadBalancerNodePorts');
    }
    const lbClass = fieldOf(spec, 'loadBalancerClass');
    if (lbClass && typeof scalarValue(lbClass.node, service.doc) === 'string') {
      report(lbClass, 'spec.loadBalancerClass', 'loadBalancerClass (which controller provisions the load balancer)', 'loadBalancerClass');
    }
  },
  /**
   * Remove the load-balancer field, or make the Service a LoadBalancer (the same conversion as the refactoring, so
   * what LoadBalancer rejects goes too). Both change what gets deployed, so neither is applied unseen.
   */
  fixes(ctx) {
    const { field, type } = ctx.data;
    if (!field || !type) return [];
    const removal =
      field === SOURCE_RANGES_ANNOTATION && isService(ctx.object) ? removeAnnotation(ctx.file.text, ctx.chunk, ctx.object, field) : removeEntryAtFinding(ctx);
    const fixes = fixOf(`Remove ${field} (only used by LoadBalancer Services)`, [removal], { safe: false, preferred: true });
    if (isService(ctx.object) && type !== 'ExternalName') {
      const edits = conversionEdits(ctx.file.text, ctx.chunk, ctx.object, 'LoadBalancer', ctx.settings, usedNodePorts(ctx.workspace, ctx.object));
      if (edits) fixes.push(...fixOf('Change type to LoadBalancer', edits, { safe: false }));
    }
    return fixes;
  },
});
