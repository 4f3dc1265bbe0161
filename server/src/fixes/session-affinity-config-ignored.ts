import type { FixProvider } from '../analysis/fix';
import { fixOf, removeEntryAtFinding, serviceSpec } from './helpers';
import { setScalarField } from '../document/structure';

/**
 * The API server drops sessionAffinityConfig when sessionAffinity is None, so removing it changes nothing (safe).
 * Turning stickiness on instead changes behaviour, so it is only offered.
 */
export const fixSessionAffinityConfigIgnored: FixProvider = (ctx) => {
  const fixes = fixOf('Remove sessionAffinityConfig (dropped while sessionAffinity is None)', [removeEntryAtFinding(ctx)], { safe: true, preferred: true });
  const target = serviceSpec(ctx);
  if (target) {
    const edits = [setScalarField(ctx.file.text, ctx.chunk, target.spec, 'sessionAffinity', 'ClientIP')];
    fixes.push(...fixOf('Set sessionAffinity: ClientIP (keep each client on one pod)', edits, { safe: false }));
  }
  return fixes;
};
