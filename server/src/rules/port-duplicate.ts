import { isSeq } from 'yaml';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, serviceSpec } from '../analysis/fixHelpers';
import { removeItem } from '../document/edits';
import { fieldOf } from '../document/yamlNodes';
import { decodedInt32 } from '../kubernetes/validation/names';

/**
 * ValidateService (pkg/apis/core/validation/validation.go) rejects two ports with the same (protocol, port). The
 * duplicate is printed as a Go dump of a core.ServicePort holding only those two fields. Missing ports (0) are left to
 * portOutOfRange, which already reports each of them.
 */
export const portDuplicate = defineServiceRule<{ portIndex: number; firstIndex: number; value: number; protocol: string }>({
  id: 'port-duplicate',
  defaultSeverity: 'error',
  description: 'Two ports of one Service use the same port number with the same protocol.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    const first = new Map<string, number>();
    for (const port of service.ports) {
      const field = port.fields.port;
      const value = decodedInt32(field?.node, service.doc);
      if (!field || !value) continue;
      const key = `${port.protocol}/${value}`;
      const firstIndex = first.get(key);
      if (firstIndex === undefined) {
        first.set(key, port.index);
        continue;
      }
      const dump =
        `core.ServicePort{Name:"", Protocol:${JSON.stringify(port.protocol)}, AppProtocol:(*string)(nil), Port:${value}, ` +
        'TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}';
      ctx.report({
        span: field.valueSpan,
        message:
          `spec.ports[${port.index}]: Duplicate value: ${dump}` +
          `\nspec.ports[${firstIndex}] already uses port ${value}/${port.protocol}: remove this entry or give it another port (the same number may appear once for TCP and once for UDP).`,
        data: { portIndex: port.index, firstIndex, value, protocol: port.protocol },
      });
    }
  },
  /** Two entries with the same port and protocol: removing the second is the repair that needs no new number. */
  fixes(ctx) {
    const target = serviceSpec(ctx);
    const { portIndex: index, firstIndex } = ctx.data;
    const ports = fieldOf(target?.spec, 'ports')?.node;
    if (!target || !isSeq(ports)) return [];
    return fixOf(`Remove ports[${index}] (same port and protocol as ports[${firstIndex}])`, [removeItem(ctx.file.text, ctx.chunk, ports, index)], {
      safe: false,
      preferred: true,
    });
  },
});
