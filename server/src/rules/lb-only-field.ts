import { SERVICE_TYPES } from '../kubernetes/model';
import { serviceRule } from '../analysis/rule';
import { fieldOf, scalarValue, type Field } from '../document/yamlNodes';
import { stringEntries } from './clusterip-invalid';
import { SOURCE_RANGES_ANNOTATION, annotationField } from './lb-source-ranges-invalid';

const FORBIDDEN = "may only be used when `type` is 'LoadBalancer'";

/**
 * ValidateService and validateLoadBalancerClassField (pkg/apis/core/validation/validation.go) forbid four
 * load-balancer settings on other Service types, all with the same text: loadBalancerSourceRanges (path spelled
 * `spec.LoadBalancerSourceRanges`, capital L, by the API server), the legacy source-ranges annotation when the field is
 * empty, allocateLoadBalancerNodePorts and loadBalancerClass. Skipped when the type itself is invalid: that error
 * comes first. loadBalancerIP is not validated at all, so it is not checked here.
 */
export const lbOnlyField = serviceRule({
  id: 'lb-only-field',
  defaultSeverity: 'error',
  description: 'loadBalancerSourceRanges, allocateLoadBalancerNodePorts, loadBalancerClass and the source-ranges annotation are only allowed on LoadBalancer Services.',
  crossResource: false,
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
        report(annotation, `metadata.annotations[${SOURCE_RANGES_ANNOTATION}]`, 'This annotation (who may reach the cloud load balancer)', SOURCE_RANGES_ANNOTATION);
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
});
