import { defineServiceRule } from '../analysis/rule';
import { labelSpellingFix } from '../analysis/fixHelpers';
import { labelMapProblems, type LabelData } from '../kubernetes/validation/labels';
import { asMap, fieldOf } from '../document/yamlNodes';

/**
 * ValidateObjectMeta runs unversionedvalidation.ValidateLabels on metadata.labels (kubernetes/validation/labels.ts):
 * keys are qualified names, values label values.
 */
export const labelsInvalid = defineServiceRule<LabelData>({
  id: 'labels-invalid',
  defaultSeverity: 'error',
  description: 'A key or value in metadata.labels is not a valid label key or value.',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    const labels = asMap(fieldOf(service.metadata, 'labels')?.node);
    if (labels) for (const problem of labelMapProblems(labels, 'metadata.labels', service.doc, 'Label')) ctx.report(problem);
  },
  /** `app name: web` → `app-name`: see labelSpellingFix. */
  fixes: labelSpellingFix,
});
