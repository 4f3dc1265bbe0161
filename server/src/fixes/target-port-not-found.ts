import type { FixProvider } from '../analysis/fix';
import { dataNumber, dataString, preferFirst, serviceSpec } from './helpers';
import { setScalarField } from '../document/structure';
import { editDistance } from '../kubernetes/schema/nearMiss';

interface Declared {
  name?: string;
  containerPort?: number;
  protocol: string;
}

/**
 * Point targetPort at a port the selected containers do declare (same protocol): by name when it has one, else by
 * number. Candidates closest to the written name come first (`https` for `http-s`); the first is preferred only when
 * there is just one such port. Offered, never applied unseen: which port the app serves this on is the user's call.
 */
export const fixTargetPortNotFound: FixProvider = (ctx) => {
  const target = serviceSpec(ctx);
  const port = target?.service.ports[dataNumber(ctx, 'portIndex') ?? -1];
  const written = dataString(ctx, 'targetPort');
  const available = ctx.finding.data?.available;
  if (!port || written === undefined || !Array.isArray(available)) return [];
  const candidates = (available as Declared[]).filter((p) => p.protocol === port.protocol && (p.name || p.containerPort !== undefined));
  const distance = (p: Declared) => editDistance(written.toLowerCase(), (p.name ?? '').toLowerCase());
  const sorted = [...candidates].sort((a, b) => distance(a) - distance(b));
  const fixes = sorted.slice(0, 4).map((p) => {
    const value: string | number = p.name ?? (p.containerPort as number);
    const detail = p.name && p.containerPort !== undefined ? ` (container port ${p.containerPort})` : '';
    return { title: `Change targetPort to ${value}${detail}`, edits: [setScalarField(ctx.file.text, ctx.chunk, port.map, 'targetPort', value)], safe: false, preferred: false };
  });
  return candidates.length === 1 ? preferFirst(fixes) : fixes;
};
