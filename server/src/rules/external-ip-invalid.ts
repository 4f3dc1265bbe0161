import { isSeq } from 'yaml';
import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, locatedAt, replaceAtFinding, serviceSpec } from '../analysis/fixHelpers';
import { INVALID_IP_DETAIL, isValidIP, specialIPErrors } from '../kubernetes/validation/ip';
import { removeItem, removePair } from '../document/edits';
import { fieldOf } from '../document/yamlNodes';
import { stringEntries } from '../kubernetes/validation/decode';

/**
 * ValidateService (pkg/apis/core/validation/validation.go): every externalIPs entry must parse as an IP (IsValidIP,
 * leading zeros tolerated) and must not be unspecified, loopback, link-local or link-local multicast
 * (ValidateNonSpecialIP; ValidateEndpointIP from 1.34, same checks and texts). Applies to every Service type.
 */
export const externalIPInvalid = defineServiceRule<{ value: string }>({
  id: 'external-ip-invalid',
  defaultSeverity: 'error',
  description: 'externalIPs entries must be IP addresses that are not unspecified, loopback or link-local.',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    for (const { index, value, span } of stringEntries(fieldOf(service.spec, 'externalIPs'), service.doc) ?? []) {
      const path = `spec.externalIPs[${index}]`;
      if (!isValidIP(value)) {
        ctx.report({
          span,
          message: `${apiError.invalid(path, value, INVALID_IP_DETAIL)}\nEach entry must be a single IP address: no host names, ports or CIDR ranges.`,
          data: { value },
        });
        continue;
      }
      for (const detail of specialIPErrors(value)) {
        ctx.report({
          span,
          message: `${apiError.invalid(path, value, detail)}\nUse an address that is routed to one of your nodes; the API server refuses unspecified, loopback and link-local addresses here.`,
          data: { value },
        });
      }
    }
  },
  /**
   * `203.0.113.7/32` or `203.0.113.7:80` → the address itself (externalIPs takes bare addresses; the port comes from
   * the Service's ports). Any other bad entry can only be removed (with the field, when it is the last entry).
   */
  fixes(ctx) {
    const { value } = ctx.data;
    const target = serviceSpec(ctx);
    const located = locatedAt(ctx);
    if (!target || !located || located.kind !== 'item') return [];
    const fixes = [];
    const bare = /^(\d{1,3}(?:\.\d{1,3}){3})(?:\/32|:\d{1,5})$/.exec(value.trim())?.[1] ?? /^([0-9a-fA-F:]+)\/128$/.exec(value.trim())?.[1];
    if (bare && isValidIP(bare)) fixes.push(...fixOf(`Change to ${bare}`, [replaceAtFinding(ctx, bare)], { safe: false, preferred: true }));
    const field = fieldOf(target.spec, 'externalIPs');
    const only = isSeq(field?.node) && field.node.items.length === 1;
    const removal =
      only && field ? removePair(ctx.file.text, ctx.chunk, target.spec, field.pair) : removeItem(ctx.file.text, ctx.chunk, located.seq, located.index);
    fixes.push(...fixOf(only ? 'Remove externalIPs' : `Remove ${value} from externalIPs`, [removal], { safe: false, preferred: fixes.length === 0 }));
    return fixes;
  },
});
