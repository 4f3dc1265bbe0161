import type { FixProvider } from '../analysis/fix';
import { fixOf, removeEntryAtFinding } from './helpers';

/** appProtocol is optional metadata for implementations; the only repair that needs no guess is to drop it. */
export const fixAppProtocolInvalid: FixProvider = (ctx) =>
  fixOf('Remove appProtocol', [removeEntryAtFinding(ctx)], { safe: false, preferred: true });
