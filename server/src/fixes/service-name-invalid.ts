import type { FixProvider } from '../core/fixes/fix';
import { dataString, suggestionFixes } from '../core/fixes/helpers';

/** `My_Service` → `my-service`: the name is the Service's DNS name, which clients use, so never applied unseen. */
export const fixServiceNameInvalid: FixProvider = (ctx) =>
  suggestionFixes(ctx, { what: (dataString(ctx, 'field') ?? 'metadata.name').replace('metadata.', ''), safe: false });
