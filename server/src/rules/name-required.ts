import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { decodedString } from '../kubernetes/validation/names';
import { asMap, fieldOf } from '../document/yamlNodes';

/**
 * ValidateObjectMetaAccessor (apimachinery pkg/api/validation/objectmeta.go), called by ValidateService: an object
 * needs metadata.name, or metadata.generateName from which `kubectl create` lets the server generate one.
 */
export const nameRequired = defineServiceRule<{ field: 'metadata.name' }>({
  id: 'name-required',
  defaultSeverity: 'error',
  description: 'A Service without metadata.name (or metadata.generateName) is rejected by the API server.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    // A syntax error may have swallowed the very field we would call missing; yamlSyntax reports the real problem.
    if (service.doc.errors.length > 0) return;
    const metadataField = fieldOf(service.root, 'metadata');
    // `metadata: [..]` is a decode error for the valueType rule, not a missing name.
    if (metadataField && !asMap(metadataField.node) && decodedString(metadataField.node, service.doc) !== null) return;
    const nameField = fieldOf(service.metadata, 'name');
    const generateNameField = fieldOf(service.metadata, 'generateName');
    const name = decodedString(nameField?.node, service.doc);
    const generateName = decodedString(generateNameField?.node, service.doc);
    if (name === undefined || generateName === undefined) return;
    if (name || generateName) return;
    ctx.report({
      span: nameField?.keySpan ?? metadataField?.keySpan ?? service.anchorSpan,
      message:
        apiError.required('metadata.name', 'name or generateName is required') +
        '\nAdd metadata.name: it identifies the Service and becomes its DNS name (<name>.<namespace>.svc).',
      data: { field: 'metadata.name' },
    });
  },
});
