import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, serviceSpec } from './helpers';
import { removePairs } from '../document/edits';
import { fieldOf } from '../document/yamlNodes';

/**
 * An ExternalName Service is only a DNS alias and never gets an IP, so these fields can never apply: removing them
 * cannot change what the Service does (safe). `clusterIPs` is reported for both spellings, so both go together.
 */
export const fixExternalNameIpFields: FixProvider = (ctx) => {
  const field = dataString(ctx, 'field');
  const target = serviceSpec(ctx);
  if (!field || !target) return [];
  const keys = field === 'clusterIPs' || field === 'clusterIP' ? ['clusterIP', 'clusterIPs'] : [field];
  const pairs = keys.map((key) => fieldOf(target.spec, key)?.pair).filter((pair) => pair !== undefined);
  if (pairs.length === 0) return [];
  const title = `Remove ${keys.filter((key) => fieldOf(target.spec, key)).join(' and ')} (an ExternalName Service has no IP)`;
  return fixOf(title, removePairs(ctx.file.text, ctx.chunk, target.spec, pairs), { safe: true, preferred: true });
};
