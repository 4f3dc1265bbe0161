import { defineServiceRule } from '../analysis/rule';
import { apiError } from '../kubernetes/apiError';
import { decodedString, goLen, isQualifiedName } from '../kubernetes/validation/names';
import { asMap, fieldOf, fieldsOf } from '../document/yamlNodes';

/** TotalAnnotationSizeLimitB in apimachinery pkg/api/validation/objectmeta.go. */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** An invalid key, or the total size over the limit. */
type Data = { key: string } | { totalSize: number; limit: number };

/**
 * ValidateAnnotations (apimachinery pkg/api/validation/objectmeta.go): each key, LOWER-CASED first, must be a
 * qualified name (the error prints the key as written), and keys plus values may hold at most 256 KiB in total.
 */
export const annotationsInvalid = defineServiceRule<Data>({
  id: 'annotations-invalid',
  defaultSeverity: 'error',
  description: 'An annotation key is not a qualified name, or all annotations together exceed 256 KiB.',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    const annotationsField = fieldOf(service.metadata, 'annotations');
    const annotations = asMap(annotationsField?.node);
    if (!annotationsField || !annotations) return;
    let totalSize = 0;
    for (const field of fieldsOf(annotations)) {
      const value = decodedString(field.node, service.doc);
      totalSize += goLen(field.key) + (typeof value === 'string' ? goLen(value) : 0);
      const errors = isQualifiedName(field.key.toLowerCase());
      if (errors.length === 0) continue;
      ctx.report({
        span: field.keySpan,
        message:
          errors.map((detail) => apiError.invalid('metadata.annotations', field.key, detail)).join('\n') +
          "\nAnnotation keys are an optional DNS-subdomain prefix and '/' followed by a name of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit; put free text in the value, not the key.",
        data: { key: field.key },
      });
    }
    if (totalSize > TOTAL_ANNOTATION_SIZE_LIMIT) {
      ctx.report({
        span: annotationsField.keySpan,
        // field.TooLong prints no value (staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go).
        message:
          `metadata.annotations: Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` +
          `\nAll annotation keys and values together hold ${totalSize} bytes, over the 256 KiB limit: move large content into a ConfigMap.`,
        data: { totalSize, limit: TOTAL_ANNOTATION_SIZE_LIMIT },
      });
    }
  },
});
