import type { FixProvider } from '../analysis/fix';
import { suggestionFixes } from './helpers';

/** `prefersamezone` → `PreferSameZone`. */
export const fixTrafficDistributionUnsupported: FixProvider = (ctx) => suggestionFixes(ctx, { what: 'trafficDistribution' });
