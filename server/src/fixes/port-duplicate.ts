import type { FixProvider } from '../core/fixes/fix';
import { dataNumber, fixOf, serviceSpec } from '../core/fixes/helpers';
import { removeItem } from '../core/fixes/edits';
import { fieldOf } from '../core/yamlNodes';
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
