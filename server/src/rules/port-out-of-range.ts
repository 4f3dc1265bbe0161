import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { decodedInt32, isValidPortNum } from '../kubernetes/validation/names';
import { fieldsOf } from '../document/yamlNodes';

/**
 * validateServicePort (pkg/apis/core/validation/validation.go) runs IsValidPortNum on `port`. An omitted port is 0 and
 * fails too. (v1 defaulting then copies that 0 into an omitted targetPort, which fails the same way; fixing `port`
 * fixes both, so targetPortInvalid stays quiet about a defaulted targetPort.)
 */
export const portOutOfRange = defineServiceRule<{ portIndex: number; value: number; missing: boolean }>({
  id: 'port-out-of-range',
  defaultSeverity: 'error',
  description: 'A Service port is missing or outside 1-65535.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    for (const port of service.ports) {
      const field = port.fields.port;
      const value = decodedInt32(field?.node, service.doc);
      if (value === undefined) continue; // `port: "80"` and friends are the valueType rule's
      const number = value ?? 0;
      const errors = isValidPortNum(number);
      if (errors.length === 0) continue;
      const missing = value === null;
      // A syntax error may have swallowed the `port:` line; yamlSyntax reports the real problem.
      if (missing && service.doc.errors.length > 0) continue;
      ctx.report({
        span: field && !missing ? field.valueSpan : (field?.keySpan ?? fieldsOf(port.map)[0]?.keySpan ?? port.span),
        message:
          errors.map((detail) => apiError.invalid(`spec.ports[${port.index}].port`, number, detail)).join('\n') +
          (missing
            ? "\nEvery Service port needs `port`, the number clients connect to on the Service (1-65535); targetPort, the Pods' port, defaults to it."
            : '\nPort numbers are 16-bit: use a value from 1 to 65535.'),
        data: { portIndex: port.index, value: number, missing },
      });
    }
  },
});
