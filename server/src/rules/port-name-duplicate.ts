import { apiError } from '../kubernetes/apiError';
import { serviceRule } from '../analysis/rule';
import { decodedString } from '../kubernetes/validation/names';

/** validateServicePort (pkg/apis/core/validation/validation.go): port names are unique within a Service. */
export const portNameDuplicate = serviceRule({
  id: 'port-name-duplicate',
  defaultSeverity: 'error',
  description: 'Two ports of one Service have the same name.',
  crossResource: false,
  check(service, ctx) {
    const first = new Map<string, number>();
    for (const port of service.ports) {
      const field = port.fields.name;
      const name = decodedString(field?.node, service.doc);
      if (!field || !name) continue;
      const firstIndex = first.get(name);
      if (firstIndex === undefined) {
        first.set(name, port.index);
        continue;
      }
      ctx.report({
        span: field.valueSpan,
        message:
          apiError.duplicate(`spec.ports[${port.index}].name`, name) +
          `\nPort names must be unique within a Service, and spec.ports[${firstIndex}] is already called ${name}: rename one of them.`,
        data: { portIndex: port.index, firstIndex, value: name },
      });
    }
  },
});
