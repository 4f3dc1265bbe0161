import type { FixProvider } from '../analysis/fix';
import { suggestionFixes } from './helpers';

/** `clientip` → `ClientIP`, `none` → `None`. */
export const fixSessionAffinityInvalid: FixProvider = (ctx) => suggestionFixes(ctx, { what: 'sessionAffinity' });
