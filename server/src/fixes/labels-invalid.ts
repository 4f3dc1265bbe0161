import type { FixProvider } from '../analysis/fix';
import { labelSpellingFix } from './labelFixes';

/** `app name: web` → `app-name`: see labelSpellingFix. */
export const fixLabelsInvalid: FixProvider = labelSpellingFix;
