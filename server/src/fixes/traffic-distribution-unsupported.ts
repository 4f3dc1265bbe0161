import type { FixProvider } from '../core/fixes/fix';
import { suggestionFixes } from '../core/fixes/helpers';

/** `prefersamezone` → `PreferSameZone`. */
export const fixTrafficDistributionUnsupported: FixProvider = (ctx) => suggestionFixes(ctx, { what: 'trafficDistribution' });
