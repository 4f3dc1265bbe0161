import { apiError } from '../kubernetes/apiError';
import type { ServiceModel } from '../kubernetes/model';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, replaceAtFinding, serviceSpec } from '../analysis/fixHelpers';
import { decodedString, isDNS1123Label } from '../kubernetes/validation/names';

/** validateServicePort (pkg/apis/core/validation/validation.go): port names are unique within a Service. */
export const portNameDuplicate = defineServiceRule<{ portIndex: number; firstIndex: number; value: string }>({
  id: 'port-name-duplicate',
  defaultSeverity: 'error',
  description: 'Two ports of one Service have the same name.',
  crossResource: false,
  partialSafe: false,
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
  /**
   * A unique name derived from this port: `<name>-<port>` (http-8080), else `<protocol>-<port>`, else `<name>-2`, ...
   * Names are what Ingresses and EndpointSlices refer to, so renaming is offered, not applied unseen.
   */
  fixes(ctx) {
    const target = serviceSpec(ctx);
    const name = ctx.data.value;
    const port = target?.service.ports[ctx.data.portIndex];
    if (!target || !name || !port) return [];
    const used = namesOf(target.service);
    const candidates = [
      port.port !== undefined ? `${name}-${port.port}` : undefined,
      port.port !== undefined ? `${port.protocol.toLowerCase()}-${port.port}` : undefined,
      ...Array.from({ length: 8 }, (_, i) => `${name}-${i + 2}`),
    ];
    const unique = candidates.find((c): c is string => !!c && !used.has(c) && isDNS1123Label(c).length === 0);
    if (!unique) return [];
    return fixOf(`Rename this port to ${unique}`, [replaceAtFinding(ctx, unique)], { safe: false, preferred: true });
  },
});

// One Service can hold thousands of ports (generated manifests); their names are collected once, not per finding.
const names = new WeakMap<ServiceModel, Set<string>>();
function namesOf(service: ServiceModel): Set<string> {
  let used = names.get(service);
  if (!used) names.set(service, (used = new Set(service.ports.map((p) => p.name).filter((n): n is string => !!n))));
  return used;
}
