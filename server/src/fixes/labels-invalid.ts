import type { FixProvider } from '../core/fixes/fix';
import { labelSpellingFix } from './labelFixes';

/** `app name: web` → `app-name`: see labelSpellingFix. */
export const fixLabelsInvalid: FixProvider = labelSpellingFix;
