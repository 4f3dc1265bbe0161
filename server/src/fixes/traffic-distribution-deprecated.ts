import type { FixProvider } from '../analysis/fix';
import { suggestionFixes } from './helpers';

/**
 * PreferClose → PreferSameZone means the same, but API servers before 1.34 reject PreferSameZone, so this is never
 * applied unseen.
 */
export const fixTrafficDistributionDeprecated: FixProvider = (ctx) =>
  suggestionFixes(ctx, { what: 'trafficDistribution', safe: false }).map((fix) => ({ ...fix, title: `${fix.title} (Kubernetes 1.34 or later)` }));
