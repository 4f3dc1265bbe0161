import type { FixProvider } from '../analysis/fix';
import { dataNumber, dataString, fixOf, replaceAtFinding, serviceSpec } from './helpers';
import type { ServiceModel } from '../kubernetes/model';
import { isDNS1123Label } from '../kubernetes/validation/names';

// One Service can hold thousands of ports (generated manifests); their names are collected once, not per finding.
const names = new WeakMap<ServiceModel, Set<string>>();
function namesOf(service: ServiceModel): Set<string> {
  let used = names.get(service);
  if (!used) names.set(service, (used = new Set(service.ports.map((p) => p.name).filter((n): n is string => !!n))));
  return used;
}

/**
 * A unique name derived from this port: `<name>-<port>` (http-8080), else `<protocol>-<port>`, else `<name>-2`, ...
 * Names are what Ingresses and EndpointSlices refer to, so renaming is offered, not applied unseen.
 */
export const fixPortNameDuplicate: FixProvider = (ctx) => {
  const target = serviceSpec(ctx);
  const name = dataString(ctx, 'value');
  const port = target?.service.ports[dataNumber(ctx, 'portIndex') ?? -1];
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
};
