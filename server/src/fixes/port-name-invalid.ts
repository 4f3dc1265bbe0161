import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, replaceAtFinding, serviceSpec } from './helpers';

/** `HTTP_API` → `http-api`. Ingresses and clients may refer to the port by name, so it is a choice; never a duplicate. */
export const fixPortNameInvalid: FixProvider = (ctx) => {
  const suggestion = dataString(ctx, 'suggestion');
  const target = serviceSpec(ctx);
  if (!suggestion || !target || target.service.ports.some((port) => port.name === suggestion)) return [];
  return fixOf(`Rename the port to ${suggestion}`, [replaceAtFinding(ctx, suggestion)], { safe: false, preferred: true });
};
