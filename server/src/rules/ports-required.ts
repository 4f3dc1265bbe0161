import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { decodedString } from '../kubernetes/validation/names';
import { asSeq } from '../document/yamlNodes';
import { headlessNoneSpan } from '../kubernetes/validation/clusterIPs';

/**
 * ValidateService (pkg/apis/core/validation/validation.go): spec.ports may only be empty for a headless Service
 * (clusterIP: None) or an ExternalName Service (exact spelling; a misspelt type still needs ports).
 */
export const portsRequired = defineServiceRule<Record<string, never>>({
  id: 'ports-required',
  defaultSeverity: 'error',
  description: 'A Service that is neither headless nor ExternalName has no ports.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    // A syntax error may have swallowed the very field we would call missing; yamlSyntax reports the real problem.
    if (service.doc.errors.length > 0) return;
    const portsField = service.fields.ports;
    const ports = asSeq(portsField?.node);
    // `spec:` or `ports:` written as a scalar, list or map of the wrong kind is a decode error for the valueType rule.
    if (service.fields.spec && !service.spec && decodedString(service.fields.spec.node, service.doc) !== null) return;
    if (portsField && !ports && decodedString(portsField.node, service.doc) !== null) return;
    if (ports && ports.items.length > 0) return;
    if (service.type === 'ExternalName' || headlessNoneSpan(service)) return;
    ctx.report({
      span: portsField?.keySpan ?? service.fields.spec?.keySpan ?? service.anchorSpan,
      message:
        apiError.required('spec.ports') +
        '\nAdd at least one port (the port clients connect to, and the targetPort your Pods listen on); only headless (clusterIP: None) and ExternalName Services may have none.',
      data: {},
    });
  },
});
