import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, replaceAtFinding } from '../analysis/fixHelpers';
import { removePair } from '../document/edits';
import { decodedString } from '../kubernetes/validation/names';
import { asMap, fieldOf } from '../document/yamlNodes';

const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
const TOPOLOGY_AWARE_HINTS = 'service.kubernetes.io/topology-aware-hints';

/** The deprecated key, and the values of topology-mode and of the deprecated annotation. */
type Data = { deprecatedKey: string; value: string; deprecatedValue: string };

/**
 * ValidateService (pkg/apis/core/validation/validation.go): when both the topology-mode annotation and its deprecated
 * predecessor topology-aware-hints are present, their values must be equal.
 */
export const topologyAnnotationsConflict = defineServiceRule<Data>({
  id: 'topology-annotations-conflict',
  defaultSeverity: 'error',
  description: `The ${TOPOLOGY_MODE} and deprecated ${TOPOLOGY_AWARE_HINTS} annotations are both set with different values.`,
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    const annotations = asMap(fieldOf(service.metadata, 'annotations')?.node);
    const modeField = fieldOf(annotations, TOPOLOGY_MODE);
    const hintsField = fieldOf(annotations, TOPOLOGY_AWARE_HINTS);
    if (!modeField || !hintsField) return;
    const mode = decodedString(modeField.node, service.doc);
    const hints = decodedString(hintsField.node, service.doc);
    if (mode === undefined || hints === undefined || (mode ?? '') === (hints ?? '')) return;
    ctx.report({
      span: modeField.valueSpan,
      message:
        apiError.invalid(`metadata.annotations[${TOPOLOGY_MODE}]`, mode ?? '', `must match annotations[${TOPOLOGY_AWARE_HINTS}] when both are specified`) +
        `\n${TOPOLOGY_AWARE_HINTS} is the deprecated name of ${TOPOLOGY_MODE}: remove it, or give both the same value.`,
      data: { deprecatedKey: TOPOLOGY_AWARE_HINTS, value: mode ?? '', deprecatedValue: hints ?? '' },
    });
  },
  /** The API server rejects the two annotations with different values; which value was meant is the user's choice. */
  fixes(ctx) {
    const { deprecatedKey, value, deprecatedValue } = ctx.data;
    const annotations = asMap(fieldOf(ctx.object.metadata, 'annotations')?.node);
    const deprecated = fieldOf(annotations, deprecatedKey ?? '');
    if (!deprecatedKey || !annotations || !deprecated) return [];
    return [
      ...fixOf(`Remove ${deprecatedKey} (keep topology-mode "${value}")`, [removePair(ctx.file.text, ctx.chunk, annotations, deprecated.pair)], {
        safe: false,
        preferred: true,
      }),
      ...fixOf(`Set topology-mode to "${deprecatedValue}" as well`, [replaceAtFinding(ctx, deprecatedValue)], { safe: false }),
    ];
  },
});
