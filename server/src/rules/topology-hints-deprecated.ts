import { defineServiceRule } from '../analysis/rule';
import { fixOf, locatedAt, removeEntryAtFinding } from '../analysis/fixHelpers';
import { annotationField } from '../kubernetes/model';
import { renameKey } from '../document/edits';
import { fieldOf, stringValue } from '../document/yamlNodes';

const DEPRECATED = 'service.kubernetes.io/topology-aware-hints';
const REPLACEMENT = 'service.kubernetes.io/topology-mode';

/**
 * GetWarningsForService (pkg/api/service/warnings.go) warns whenever the old annotation is present, whatever its
 * value. ValidateService additionally rejects both annotations with different values (another rule's finding).
 */
export const topologyHintsDeprecated = defineServiceRule<{ replacement: string }>({
  id: 'topology-hints-deprecated',
  defaultSeverity: 'warning',
  description: `The ${DEPRECATED} annotation is deprecated in favour of ${REPLACEMENT}.`,
  crossResource: false,
  partialSafe: true,
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
  /**
   * The EndpointSlice controller (hintsEnabled) reads both annotations the same way ("Auto"/"auto" enable hints), so
   * renaming the key keeps the behaviour (safe). When topology-mode is already there with the same value, the old key
   * is redundant (safe to remove); with another value the API server rejects the pair and the user must choose.
   */
  fixes(ctx) {
    const { replacement } = ctx.data;
    const located = locatedAt(ctx);
    if (!replacement || !located || located.kind !== 'key') return [];
    const existing = fieldOf(located.map, replacement);
    if (!existing) return fixOf(`Rename the annotation to ${replacement}`, [renameKey(ctx.chunk, located.pair, replacement)], { safe: true, preferred: true });
    const same = stringValue(existing.node, ctx.object.doc) === stringValue(located.pair.value as never, ctx.object.doc);
    return fixOf(`Remove the deprecated annotation (${replacement} is set)`, [removeEntryAtFinding(ctx)], { safe: same, preferred: true });
  },
});
