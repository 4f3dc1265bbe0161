import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, removeEntryAtFinding, serviceSpec } from './helpers';
import { externalNameBlockers } from '../kubernetes/serviceEdits';
import { setScalarField } from '../document/structure';

/**
 * The API server ignores the field, so removing it changes nothing (safe). For `externalName` on another type the
 * user may instead have forgotten `type: ExternalName`; that is offered when nothing an ExternalName Service forbids
 * (cluster IPs, IP families) is set.
 */
export const fixExternalNameIgnoredField: FixProvider = (ctx) => {
  const field = dataString(ctx, 'field');
  if (!field) return [];
  const fixes = fixOf(`Remove ${field} (ignored for this Service type)`, [removeEntryAtFinding(ctx)], { safe: true, preferred: true });
  const target = serviceSpec(ctx);
  if (field === 'externalName' && target && externalNameBlockers(target.spec).length === 0) {
    const edits = [setScalarField(ctx.file.text, ctx.chunk, target.spec, 'type', 'ExternalName', { before: undefined })];
    fixes.push(...fixOf('Change type to ExternalName (a DNS alias; kube-proxy no longer routes its ports)', edits, { safe: false }));
  }
  return fixes;
};
