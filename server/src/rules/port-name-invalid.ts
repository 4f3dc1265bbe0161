import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, replaceAtFinding, serviceSpec } from '../analysis/fixHelpers';
import { decodedString, isDNS1123Label } from '../kubernetes/validation/names';

/**
 * validateServicePort (pkg/apis/core/validation/validation.go) checks a non-empty port name with
 * ValidateDNS1123Label: it becomes part of SRV records (_<name>._<protocol>.<service>...). Note this is NOT the
 * 15-character IANA rule that container port names (and named targetPorts) follow.
 */
export const portNameInvalid = defineServiceRule<{ portIndex: number; value: string; suggestion?: string }>({
  id: 'port-name-invalid',
  defaultSeverity: 'error',
  description: 'A Service port name is not a DNS-1123 label (lower case letters, digits and -, at most 63 characters).',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    for (const port of service.ports) {
      const field = port.fields.name;
      const name = decodedString(field?.node, service.doc);
      if (!field || !name) continue;
      const errors = isDNS1123Label(name);
      if (errors.length === 0) continue;
      const suggestion = suggest(name);
      ctx.report({
        span: field.valueSpan,
        message:
          errors.map((detail) => apiError.invalid(`spec.ports[${port.index}].name`, name, detail)).join('\n') +
          `\nPort names may only hold lower-case letters, digits and '-', start and end with a letter or digit and be at most 63 characters${suggestion ? `: did you mean ${suggestion}?` : '.'}`,
        data: { portIndex: port.index, value: name, ...(suggestion ? { suggestion } : {}) },
      });
    }
  },
  /** `HTTP_API` → `http-api`. Ingresses and clients may refer to the port by name, so it is a choice; never a duplicate. */
  fixes(ctx) {
    const { suggestion } = ctx.data;
    const target = serviceSpec(ctx);
    if (!suggestion || !target || target.service.ports.some((port) => port.name === suggestion)) return [];
    return fixOf(`Rename the port to ${suggestion}`, [replaceAtFinding(ctx, suggestion)], { safe: false, preferred: true });
  },
});

function suggest(name: string): string | undefined {
  const candidate = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return candidate !== '' && candidate !== name && isDNS1123Label(candidate).length === 0 ? candidate : undefined;
}
