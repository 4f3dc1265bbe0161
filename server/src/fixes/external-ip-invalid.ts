import { isSeq } from 'yaml';
import type { FixProvider } from '../analysis/fix';
import { dataString, fixOf, locatedAt, replaceAtFinding, serviceSpec } from './helpers';
import { removeItem, removePair } from '../document/edits';
import { isValidIP } from '../kubernetes/validation/ip';
import { fieldOf } from '../document/yamlNodes';

/**
 * `203.0.113.7/32` or `203.0.113.7:80` → the address itself (externalIPs takes bare addresses; the port comes from
 * the Service's ports). Any other bad entry can only be removed (with the field, when it is the last entry).
 */
export const fixExternalIPInvalid: FixProvider = (ctx) => {
  const value = dataString(ctx, 'value');
  const target = serviceSpec(ctx);
  const located = locatedAt(ctx);
  if (value === undefined || !target || !located || located.kind !== 'item') return [];
  const fixes = [];
  const bare = /^(\d{1,3}(?:\.\d{1,3}){3})(?:\/32|:\d{1,5})$/.exec(value.trim())?.[1] ?? /^([0-9a-fA-F:]+)\/128$/.exec(value.trim())?.[1];
  if (bare && isValidIP(bare)) fixes.push(...fixOf(`Change to ${bare}`, [replaceAtFinding(ctx, bare)], { safe: false, preferred: true }));
  const field = fieldOf(target.spec, 'externalIPs');
  const only = isSeq(field?.node) && field.node.items.length === 1;
  const removal = only && field ? removePair(ctx.file.text, ctx.chunk, target.spec, field.pair) : removeItem(ctx.file.text, ctx.chunk, located.seq, located.index);
  fixes.push(...fixOf(only ? 'Remove externalIPs' : `Remove ${value} from externalIPs`, [removal], { safe: false, preferred: fixes.length === 0 }));
  return fixes;
};
