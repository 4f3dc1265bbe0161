import type { FixProvider } from '../analysis/fix';
import { labelSpellingFix } from './labelFixes';

/** A selector key or value in valid label spelling; the pods must carry the same label, hence never unseen. */
export const fixSelectorInvalid: FixProvider = labelSpellingFix;
