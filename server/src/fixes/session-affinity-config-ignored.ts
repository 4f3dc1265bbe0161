import type { FixProvider } from '../core/fixes/fix';
import { fixOf, removeEntryAtFinding, serviceSpec } from '../core/fixes/helpers';
import { setScalarField } from '../core/fixes/structure';

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
