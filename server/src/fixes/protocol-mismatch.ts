import type { FixProvider } from '../analysis/fix';
import { dataNumber, fixOf, serviceSpec } from './helpers';
import { setScalarField } from '../document/structure';

/**
 * Give the Service port the protocol the containers declare for that port. (Declaring the container port with the
 * Service's protocol instead is an edit to another object, left to the user.) Offered only when the containers agree.
 */
export const fixProtocolMismatch: FixProvider = (ctx) => {
  const target = serviceSpec(ctx);
  const port = target?.service.ports[dataNumber(ctx, 'portIndex') ?? -1];
  const theirs = ctx.finding.data?.containerProtocols;
  if (!port || !Array.isArray(theirs) || theirs.length !== 1 || typeof theirs[0] !== 'string') return [];
  const protocol = theirs[0];
  return fixOf(`Change the Service port's protocol to ${protocol}`, [setScalarField(ctx.file.text, ctx.chunk, port.map, 'protocol', protocol)], { safe: false, preferred: true });
};
