import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, replaceAtFinding, replaceNumberAtFinding } from '../analysis/fixHelpers';
import { decodedIntOrString, isValidPortName, isValidPortNum } from '../kubernetes/validation/names';

/** The targetPort as written, and what was meant: the number a quoted number stands for, or a valid port name. */
type Data = { portIndex: number; value: number | string; suggestion?: number | string };

/**
 * validateServicePort → ValidatePortNumOrName (pkg/apis/core/validation/validation.go): an integer targetPort must be
 * 1-65535; a string one is a container port NAME and must be an IANA service name (IsValidPortName), so a quoted
 * number like "8080" is rejected. 0 and "" were defaulted to `port` (SetDefaults_Service); the API server would then
 * re-report a bad `port` here, but portOutOfRange already says it once.
 */
export const targetPortInvalid = defineServiceRule<Data>({
  id: 'target-port-invalid',
  defaultSeverity: 'error',
  description: 'targetPort is a number outside 1-65535 or a string that is not a valid port name (a quoted number is a name, not a number).',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    for (const port of service.ports) {
      const field = port.fields.targetPort;
      const value = decodedIntOrString(field?.node, service.doc);
      if (!field || value === undefined || value === null || value === 0 || value === '') continue;
      const path = `spec.ports[${port.index}].targetPort`;
      const errors = typeof value === 'number' ? isValidPortNum(value) : isValidPortName(value);
      if (errors.length === 0) continue;
      const { advice, suggestion } =
        typeof value === 'number'
          ? { advice: 'targetPort is the port your Pods listen on: use a value from 1 to 65535.', suggestion: undefined }
          : adviseName(value);
      ctx.report({
        span: field.valueSpan,
        message: `${errors.map((detail) => apiError.invalid(path, value, detail)).join('\n')}\n${advice}`,
        data: { portIndex: port.index, value, ...(suggestion !== undefined ? { suggestion } : {}) },
      });
    }
  },
  /**
   * `targetPort: "8080"` → `8080`: the quotes made a number into a (invalid) port name, so unquoting is what was meant
   * (safe). `HTTP` → `http`: container port names cannot have capitals either, so only the lower-case name can exist
   * on the pods (safe).
   */
  fixes(ctx) {
    const { suggestion } = ctx.data;
    if (typeof suggestion === 'number') {
      return fixOf(`Remove the quotes (target port ${suggestion})`, [replaceNumberAtFinding(ctx, suggestion)], { safe: true, preferred: true });
    }
    if (typeof suggestion === 'string') return fixOf(`Change to ${suggestion}`, [replaceAtFinding(ctx, suggestion)], { safe: true, preferred: true });
    return [];
  },
});

function adviseName(value: string): { advice: string; suggestion?: number | string } {
  if (/^\d+$/.test(value.trim())) {
    const number = Number(value.trim());
    if (isValidPortNum(number).length === 0) {
      return {
        advice: `A quoted targetPort is a container port name, not a number: remove the quotes to send traffic to port ${number}.`,
        suggestion: number,
      };
    }
  }
  const lower = value.toLowerCase();
  const suggestion = lower !== value && isValidPortName(lower).length === 0 ? lower : undefined;
  return {
    advice:
      "A named targetPort refers to a container port name: at most 15 lower-case letters, digits and '-', with at least one letter and no '-' at either end or twice in a row" +
      (suggestion ? `: did you mean ${suggestion}?` : '.'),
    suggestion,
  };
}
