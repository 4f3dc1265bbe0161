import type { FixProvider } from '../analysis/fix';
import { suggestionFixes } from './helpers';

/** `My_Team` → `my-team`: a namespace name that can exist. Another namespace is another place, so never unseen. */
export const fixNamespaceInvalid: FixProvider = (ctx) => suggestionFixes(ctx, { what: 'namespace', safe: false });
