import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { decodedString, isQualifiedName } from '../kubernetes/validation/names';
import { fixOf, removeEntryAtFinding } from '../analysis/fixHelpers';

/**
 * validateServicePort (pkg/apis/core/validation/validation.go): a set appProtocol (even "") must be a qualified name,
 * like a label key: `http`, `HTTP`, `kubernetes.io/h2c` and `example.com/my-proto` pass, `HTTP/2` or `grpc web` do not.
 */
export const appProtocolInvalid = defineServiceRule<{ portIndex: number; value: string }>({
  id: 'app-protocol-invalid',
  defaultSeverity: 'error',
  description: 'A Service port appProtocol is not a qualified name (e.g. http, kubernetes.io/h2c, example.com/proto).',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    for (const port of service.ports) {
      const field = port.fields.appProtocol;
      const value = decodedString(field?.node, service.doc);
      if (!field || typeof value !== 'string') continue; // null is an unset pointer; other types are valueType's
      const errors = isQualifiedName(value);
      if (errors.length === 0) continue;
      ctx.report({
        span: field.valueSpan,
        message:
          errors.map((detail) => apiError.invalid(`spec.ports[${port.index}].appProtocol`, value, detail)).join('\n') +
          "\nappProtocol is an IANA service name such as http, https or grpc, a Kubernetes name such as kubernetes.io/h2c, or your own domain-prefixed name such as example.com/my-protocol; remove it if you don't need it.",
        data: { portIndex: port.index, value },
      });
    }
  },
  /** appProtocol is optional metadata for implementations; the only repair that needs no guess is to drop it. */
  fixes: (ctx) => fixOf('Remove appProtocol', [removeEntryAtFinding(ctx)], { safe: false, preferred: true }),
});
