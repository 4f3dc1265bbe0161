import type { FixProvider } from '../core/fixes/fix';
import { suggestionFixes } from '../core/fixes/helpers';

/** `local` → `Local`: the only valid value the user can have meant. */
export const fixInternalTrafficPolicyInvalid: FixProvider = (ctx) => suggestionFixes(ctx, { what: 'internalTrafficPolicy' });
