import type { FixProvider } from '../core/fixes/fix';
import { suggestionFixes } from '../core/fixes/helpers';

/** `My_Team` → `my-team`: a namespace name that can exist. Another namespace is another place, so never unseen. */
export const fixNamespaceInvalid: FixProvider = (ctx) => suggestionFixes(ctx, { what: 'namespace', safe: false });
