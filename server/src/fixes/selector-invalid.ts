import type { FixProvider } from '../core/fixes/fix';
import { labelSpellingFix } from './labelFixes';

/** A selector key or value in valid label spelling; the pods must carry the same label, hence never unseen. */
export const fixSelectorInvalid: FixProvider = labelSpellingFix;
