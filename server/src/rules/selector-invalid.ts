import { serviceRule } from '../analysis/rule';
import { asMap } from '../document/yamlNodes';
import { checkLabelMap } from './labels-invalid';

/**
 * ValidateService runs unversionedvalidation.ValidateLabels on spec.selector (pkg/apis/core/validation/validation.go):
 * selector keys and values obey the label rules, with `spec.selector` as the path for every error.
 */
export const selectorInvalid = serviceRule({
  id: 'selector-invalid',
  defaultSeverity: 'error',
  description: 'A key or value in spec.selector is not a valid label key or value.',
  crossResource: false,
  check(service, ctx) {
    const selector = asMap(service.fields.selector?.node);
    if (selector) checkLabelMap(selector, 'spec.selector', service.doc, ctx, 'Selector');
  },
});
