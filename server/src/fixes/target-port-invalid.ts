import type { FixProvider } from '../analysis/fix';
import { fixOf, replaceAtFinding, replaceNumberAtFinding } from './helpers';

/**
 * `targetPort: "8080"` → `8080`: the quotes made a number into a (invalid) port name, so unquoting is what was meant
 * (safe). `HTTP` → `http`: container port names cannot have capitals either, so only the lower-case name can exist
 * on the pods (safe).
 */
export const fixTargetPortInvalid: FixProvider = (ctx) => {
  const suggestion = ctx.finding.data?.suggestion;
  if (typeof suggestion === 'number') {
    return fixOf(`Remove the quotes (target port ${suggestion})`, [replaceNumberAtFinding(ctx, suggestion)], { safe: true, preferred: true });
  }
  if (typeof suggestion === 'string') return fixOf(`Change to ${suggestion}`, [replaceAtFinding(ctx, suggestion)], { safe: true, preferred: true });
  return [];
};
