import type { FixProvider } from '../analysis/fix';
import { suggestionFixes } from './helpers';

/** `local` → `Local`: the only valid value the user can have meant. */
export const fixInternalTrafficPolicyInvalid: FixProvider = (ctx) => suggestionFixes(ctx, { what: 'internalTrafficPolicy' });
