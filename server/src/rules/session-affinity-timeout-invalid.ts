import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, removeEntryAtFinding, replaceNumberAtFinding } from '../analysis/fixHelpers';
import { decodedInt32 } from '../kubernetes/validation/names';
import { asMap, fieldOf } from '../document/yamlNodes';
import { stringOrNull } from '../kubernetes/validation/decode';

const MAX_TIMEOUT = 86400; // core.MaxClientIPServiceAffinitySeconds
const DEFAULT_TIMEOUT = 10800; // v1.DefaultClientIPServiceAffinitySeconds

/** The timeout as written, the valid bounds and the default the API server uses when it is left out. */
type Data = { value: number; min: number; max: number; default: number };

/**
 * validateAffinityTimeout (pkg/apis/core/validation/validation.go), reached only with sessionAffinity ClientIP:
 * timeoutSeconds must be 1..86400 (86400 is accepted despite the wording). A missing timeout never fails: v1
 * defaulting fills in 10800.
 */
export const sessionAffinityTimeoutInvalid = defineServiceRule<Data>({
  id: 'session-affinity-timeout-invalid',
  defaultSeverity: 'error',
  description: 'sessionAffinityConfig.clientIP.timeoutSeconds must be between 1 and 86400.',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    if (stringOrNull(fieldOf(service.spec, 'sessionAffinity'), service.doc) !== 'ClientIP') return;
    const clientIP = asMap(fieldOf(asMap(fieldOf(service.spec, 'sessionAffinityConfig')?.node), 'clientIP')?.node);
    const field = fieldOf(clientIP, 'timeoutSeconds');
    const value = decodedInt32(field?.node, service.doc);
    if (!field || value === null || value === undefined) return;
    if (value > 0 && value <= MAX_TIMEOUT) return;
    ctx.report({
      span: field.valueSpan,
      message:
        apiError.invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', value, `must be greater than 0 and less than ${MAX_TIMEOUT}`) +
        `\nThe stickiness timeout must be 1 to ${MAX_TIMEOUT} seconds (one day); remove timeoutSeconds to get the default of ${DEFAULT_TIMEOUT} (3 hours).`,
      data: { value, min: 1, max: MAX_TIMEOUT, default: DEFAULT_TIMEOUT },
    });
  },
  /** Remove timeoutSeconds to get the default (10800 s, 3 hours), or cap it at the maximum (86400 s, one day). */
  fixes(ctx) {
    const { value, max, default: fallback } = ctx.data;
    const fixes = fixOf(`Remove timeoutSeconds (default ${fallback} seconds)`, [removeEntryAtFinding(ctx)], { safe: false, preferred: true });
    if (value > max) fixes.push(...fixOf(`Use timeoutSeconds: ${max} (the maximum, one day)`, [replaceNumberAtFinding(ctx, max)], { safe: false }));
    return fixes;
  },
});
