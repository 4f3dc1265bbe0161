import type { FixProvider } from '../core/fixes/fix';
import { suggestionFixes } from '../core/fixes/helpers';

/** `clientip` → `ClientIP`, `none` → `None`. */
export const fixSessionAffinityInvalid: FixProvider = (ctx) => suggestionFixes(ctx, { what: 'sessionAffinity' });
