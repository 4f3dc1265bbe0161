import { apiError } from '../kubernetes/apiError';
import type { ServicePortModel } from '../kubernetes/model';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, serviceSpec } from '../analysis/fixHelpers';
import { setScalarField } from '../document/structure';
import { decodedIntOrString, decodedString, isDNS1123Label, isValidPortName } from '../kubernetes/validation/names';
import { fieldsOf } from '../document/yamlNodes';

/** Conventional names for well-known ports, used only to propose a name. */
const WELL_KNOWN: Record<number, string> = {
  53: 'dns',
  80: 'http',
  443: 'https',
  8080: 'http',
  8443: 'https',
  9090: 'metrics',
  5432: 'postgres',
  3306: 'mysql',
  6379: 'redis',
  27017: 'mongodb',
  9092: 'kafka',
  2379: 'etcd',
};

/**
 * validateServicePort (pkg/apis/core/validation/validation.go): as soon as a Service has more than one port, every
 * port needs a name, because Endpoints/EndpointSlices and SRV records tell the ports apart by name.
 */
export const portNameRequired = defineServiceRule<{ portIndex: number; suggestion?: string }>({
  id: 'port-name-required',
  defaultSeverity: 'error',
  description: 'A Service with more than one port has a port without a name.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    if (service.ports.length < 2) return;
    // A syntax error may have swallowed the very field we would call missing; yamlSyntax reports the real problem.
    if (service.doc.errors.length > 0) return;
    const used = new Set(service.ports.map((port) => decodedString(port.fields.name?.node, service.doc)).filter((n): n is string => !!n));
    for (const port of service.ports) {
      const name = decodedString(port.fields.name?.node, service.doc);
      if (name !== null && name !== '') continue; // named, or a non-string name (valueType's)
      const suggestion = suggestPortName(port, service.doc, used);
      if (suggestion) used.add(suggestion);
      ctx.report({
        span: port.fields.name?.keySpan ?? port.fields.port?.keySpan ?? fieldsOf(port.map)[0]?.keySpan ?? port.span,
        message:
          apiError.required(`spec.ports[${port.index}].name`) +
          `\nWhen a Service has more than one port, every port needs a unique name${suggestion ? `, e.g. name: ${suggestion}` : ''}.`,
        data: { portIndex: port.index, ...(suggestion ? { suggestion } : {}) },
      });
    }
  },
  /**
   * Adds the name the rule derived from the named targetPort, the port number's usual name or `<protocol>-<port>`, as
   * the first key of the port entry. A name is the user's vocabulary, so it is offered rather than applied unseen.
   */
  fixes(ctx) {
    const { suggestion } = ctx.data;
    const target = serviceSpec(ctx);
    const port = target?.service.ports[ctx.data.portIndex];
    if (!suggestion || !port || target.service.ports.some((p) => p.name === suggestion)) return [];
    return fixOf(`Name this port ${suggestion}`, [setScalarField(ctx.file.text, ctx.chunk, port.map, 'name', suggestion, {})], {
      safe: false,
      preferred: true,
    });
  },
});

/** A valid, unused name: the named targetPort, a conventional name for the port number, or `<protocol>-<port>`. */
function suggestPortName(port: ServicePortModel, doc: Parameters<typeof decodedString>[1], used: Set<string>): string | undefined {
  const target = decodedIntOrString(port.fields.targetPort?.node, doc);
  const number = typeof port.port === 'number' && Number.isInteger(port.port) ? port.port : undefined;
  const candidates = [
    typeof target === 'string' && isValidPortName(target).length === 0 ? target : undefined,
    number !== undefined ? WELL_KNOWN[number] : undefined,
    number !== undefined ? `${port.protocol.toLowerCase()}-${number}` : undefined,
  ];
  return candidates.find((name): name is string => !!name && !used.has(name) && isDNS1123Label(name).length === 0);
}
