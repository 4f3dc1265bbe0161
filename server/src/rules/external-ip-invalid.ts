import { apiError } from '../kubernetes/apiError';
import { serviceRule } from '../analysis/rule';
import { INVALID_IP_DETAIL, isValidIP, parseIPSloppy, to4 } from '../kubernetes/validation/ip';
import { fieldOf } from '../document/yamlNodes';
import { stringEntries } from './clusterip-invalid';

/**
 * ValidateNonSpecialIP (ValidateEndpointIP from 1.34): addresses that make no sense as a destination. Same order
 * and texts as Go; the parentheses of the first one echo the value as written.
 */
export function specialIPErrors(value: string): string[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [];
  const v4 = to4(ip);
  const errors: string[] = [];
  const allZero = ip.every((b) => b === 0);
  if (allZero || (v4 && v4.every((b) => b === 0))) errors.push(`may not be unspecified (${value})`);
  if (v4 ? v4[0] === 127 : ip.slice(0, 15).every((b) => b === 0) && ip[15] === 1) {
    errors.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
  }
  if (v4 ? v4[0] === 169 && v4[1] === 254 : ip[0] === 0xfe && (ip[1] & 0xc0) === 0x80) {
    errors.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  }
  if (v4 ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0 : ip[0] === 0xff && (ip[1] & 0x0f) === 0x02) {
    errors.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  }
  return errors;
}

/**
 * ValidateService (pkg/apis/core/validation/validation.go): every externalIPs entry must parse as an IP (IsValidIP,
 * leading zeros tolerated) and must not be unspecified, loopback, link-local or link-local multicast
 * (ValidateNonSpecialIP; ValidateEndpointIP from 1.34, same checks and texts). Applies to every Service type.
 */
export const externalIPInvalid = serviceRule({
  id: 'external-ip-invalid',
  defaultSeverity: 'error',
  description: 'externalIPs entries must be IP addresses that are not unspecified, loopback or link-local.',
  crossResource: false,
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
});
