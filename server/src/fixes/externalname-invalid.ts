import type { FixProvider } from '../analysis/fix';
import { suggestionFixes } from './helpers';

/** `https://db.example.com:5432/x` → `db.example.com`: the host is kept, scheme, port and path dropped (a choice). */
export const fixExternalNameInvalid: FixProvider = (ctx) => suggestionFixes(ctx, { what: 'externalName', safe: false });
