import { serviceRule } from '../analysis/rule';
import { annotationField } from './lb-source-ranges-invalid';

const DEPRECATED = 'service.kubernetes.io/topology-aware-hints';
const REPLACEMENT = 'service.kubernetes.io/topology-mode';

/**
 * GetWarningsForService (pkg/api/service/warnings.go) warns whenever the old annotation is present, whatever its
 * value. ValidateService additionally rejects both annotations with different values (another rule's finding).
 */
export const topologyHintsDeprecated = serviceRule({
  id: 'topology-hints-deprecated',
  defaultSeverity: 'warning',
  description: `The ${DEPRECATED} annotation is deprecated in favour of ${REPLACEMENT}.`,
  crossResource: false,
  check(service, ctx) {
    const annotation = annotationField(service, DEPRECATED);
    if (!annotation) return;
    ctx.report({
      span: annotation.keySpan,
      message:
        `annotation ${DEPRECATED} is deprecated, please use ${REPLACEMENT} instead\n` +
        `Rename the key to ${REPLACEMENT} and keep the value (or use spec.trafficDistribution); if both annotations are present they must have the same value.`,
      data: { replacement: REPLACEMENT },
      tags: ['deprecated'],
    });
  },
});
