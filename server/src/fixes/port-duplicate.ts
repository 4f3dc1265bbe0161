import type { FixProvider } from '../analysis/fix';
import { dataNumber, fixOf, serviceSpec } from './helpers';
import { removeItem } from '../document/edits';
import { fieldOf } from '../document/yamlNodes';
import { isSeq } from 'yaml';

/** Two entries with the same port and protocol: removing the second is the repair that needs no new number. */
export const fixPortDuplicate: FixProvider = (ctx) => {
  const target = serviceSpec(ctx);
  const index = dataNumber(ctx, 'portIndex');
  const ports = fieldOf(target?.spec, 'ports')?.node;
  if (!target || index === undefined || !isSeq(ports)) return [];
  return fixOf(`Remove ports[${index}] (same port and protocol as ports[${dataNumber(ctx, 'firstIndex')}])`, [removeItem(ctx.file.text, ctx.chunk, ports, index)], {
    safe: false,
    preferred: true,
  });
};
