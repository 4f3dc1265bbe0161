import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { isQualifiedName } from '../kubernetes/validation/names';
import { fieldOf, scalarValue } from '../document/yamlNodes';

/**
 * validateLoadBalancerClassField (pkg/apis/core/validation/validation.go): on a LoadBalancer Service a set
 * loadBalancerClass (even "") must be a qualified name, like a label key. Each failed check is its own error line in
 * kubectl's output; they are reported together here because they concern one value. Other types: lbOnlyField.
 */
export const loadBalancerClassInvalid = defineServiceRule<{ value: string }>({
  id: 'load-balancer-class-invalid',
  defaultSeverity: 'error',
  description: 'loadBalancerClass must be a qualified name such as example.com/internal-lb.',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    if (service.type !== 'LoadBalancer') return;
    const field = fieldOf(service.spec, 'loadBalancerClass');
    const value = scalarValue(field?.node, service.doc);
    if (!field || typeof value !== 'string') return;
    const errors = isQualifiedName(value);
    if (errors.length === 0) return;
    ctx.report({
      span: field.valueSpan,
      message:
        errors.map((detail) => apiError.invalid('spec.loadBalancerClass', value, detail)).join('\n') +
        '\nloadBalancerClass names the load-balancer controller that should handle this Service, written like a label key, e.g. example.com/internal-lb.',
      data: { value },
    });
  },
});
