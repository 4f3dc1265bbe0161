import type { FixProvider } from '../core/fixes/fix';
import { fixNodePortOutOfRange } from './nodeport-out-of-range';

/** Quick fixes by rule id; one file per rule, next to the rule's own file name. */
export const FIX_PROVIDERS: Readonly<Record<string, FixProvider>> = {
  'nodeport-out-of-range': fixNodePortOutOfRange,
};
