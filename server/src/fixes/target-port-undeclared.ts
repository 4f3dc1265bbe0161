import type { FixProvider } from '../analysis/fix';
import { dataNumber, preferFirst, serviceSpec } from './helpers';
import { setScalarField } from '../document/structure';

interface Declared {
  name?: string;
  containerPort?: number;
  protocol: string;
}

/**
 * The pods declare other ports: offer each declared containerPort of the same protocol as targetPort (added when
 * targetPort was left to default to port). Only a hint that the number may be a typo, so never applied unseen.
 */
export const fixTargetPortUndeclared: FixProvider = (ctx) => {
  const target = serviceSpec(ctx);
  const port = target?.service.ports[dataNumber(ctx, 'portIndex') ?? -1];
  const declared = ctx.finding.data?.declared;
  if (!port || !Array.isArray(declared)) return [];
  const numbers = [...new Set((declared as Declared[]).filter((p) => p.protocol === port.protocol && p.containerPort !== undefined).map((p) => p.containerPort as number))];
  const fixes = numbers.slice(0, 4).map((number) => ({
    title: `Change targetPort to ${number}`,
    edits: [setScalarField(ctx.file.text, ctx.chunk, port.map, 'targetPort', number)],
    safe: false,
    preferred: false,
  }));
  return numbers.length === 1 ? preferFirst(fixes) : fixes;
};
