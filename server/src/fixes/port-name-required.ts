import type { FixProvider } from '../analysis/fix';
import { dataNumber, dataString, fixOf, serviceSpec } from './helpers';
import { setScalarField } from '../document/structure';

/**
 * Adds the name the rule derived from the named targetPort, the port number's usual name or `<protocol>-<port>`, as
 * the first key of the port entry. A name is the user's vocabulary, so it is offered rather than applied unseen.
 */
export const fixPortNameRequired: FixProvider = (ctx) => {
  const suggestion = dataString(ctx, 'suggestion');
  const target = serviceSpec(ctx);
  const port = target?.service.ports[dataNumber(ctx, 'portIndex') ?? -1];
  if (!suggestion || !port || target.service.ports.some((p) => p.name === suggestion)) return [];
  return fixOf(`Name this port ${suggestion}`, [setScalarField(ctx.file.text, ctx.chunk, port.map, 'name', suggestion, {})], { safe: false, preferred: true });
};
