import type { FixProvider } from '../analysis/fix';
import { dataString, suggestionFixes } from './helpers';

/** `My_Service` → `my-service`: the name is the Service's DNS name, which clients use, so never applied unseen. */
export const fixServiceNameInvalid: FixProvider = (ctx) =>
  suggestionFixes(ctx, { what: (dataString(ctx, 'field') ?? 'metadata.name').replace('metadata.', ''), safe: false });
