import { defineServiceRule } from '../analysis/rule';
import { labelSpellingFix } from '../analysis/fixHelpers';
import { labelMapProblems, type LabelData } from '../kubernetes/validation/labels';
import { asMap } from '../document/yamlNodes';

/**
 * ValidateService runs unversionedvalidation.ValidateLabels on spec.selector (pkg/apis/core/validation/validation.go):
 * selector keys and values obey the label rules, with `spec.selector` as the path for every error.
 */
export const selectorInvalid = defineServiceRule<LabelData>({
  id: 'selector-invalid',
  defaultSeverity: 'error',
  description: 'A key or value in spec.selector is not a valid label key or value.',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    const selector = asMap(service.fields.selector?.node);
    if (selector) for (const problem of labelMapProblems(selector, 'spec.selector', service.doc, 'Selector')) ctx.report(problem);
  },
  /** A selector key or value in valid label spelling; the pods must carry the same label, hence never unseen. */
  fixes: labelSpellingFix,
});
