import { apiError } from '../kubernetes/apiError';
import type { ServiceModel } from '../kubernetes/model';
import { serviceRule } from '../analysis/rule';
import { INVALID_CIDR_DETAIL, ipString, isValidCIDR, parseIPSloppy, to4 } from '../kubernetes/validation/ip';
import { asMap, fieldOf, type Field, type Span } from '../document/yamlNodes';
import { stringEntries, stringOrNull } from './clusterip-invalid';

export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

export function annotationField(service: ServiceModel, key: string): Field | undefined {
  return fieldOf(asMap(fieldOf(service.metadata, 'annotations')?.node), key);
}

/** Go's strings.TrimSpace: Unicode White_Space, which differs from String.prototype.trim (U+0085 yes, U+FEFF no). */
export function goTrimSpace(s: string): string {
  const space = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  let start = 0;
  let end = s.length;
  while (start < end && space.test(s[start])) start++;
  while (end > start && space.test(s[end - 1])) end--;
  return s.slice(start, end);
}

/** A plain IP written where a CIDR belongs: the single-address CIDR a quick fix can offer. */
function singleAddressCidr(value: string): string | undefined {
  const ip = parseIPSloppy(value);
  if (!ip) return undefined;
  return `${ipString(ip)}/${to4(ip) ? 32 : 128}`;
}

const HINT = 'Each entry must be a network in CIDR notation such as 203.0.113.0/24 (a single address is /32, or /128 for IPv6).';

/**
 * ValidateService (pkg/apis/core/validation/validation.go): loadBalancerSourceRanges entries, trimmed of spaces, must
 * be CIDRs (IsValidCIDR). When the field is empty the legacy annotation is checked instead, entry by entry after
 * splitting on commas, with the error on the annotation as a whole (no index in the path).
 */
export const lbSourceRangesInvalid = serviceRule({
  id: 'lb-source-ranges-invalid',
  defaultSeverity: 'error',
  description: 'loadBalancerSourceRanges entries (or the load-balancer-source-ranges annotation) must be CIDRs.',
  crossResource: false,
  check(service, ctx) {
    const entries = stringEntries(fieldOf(service.spec, 'loadBalancerSourceRanges'), service.doc);
    if (!entries) return;
    for (const { index, value, span } of entries) {
      const trimmed = goTrimSpace(value);
      if (isValidCIDR(trimmed)) continue;
      const suggestion = singleAddressCidr(trimmed);
      ctx.report({
        span,
        message: `${apiError.invalid(`spec.LoadBalancerSourceRanges[${index}]`, trimmed, INVALID_CIDR_DETAIL)}\n${HINT}`,
        data: suggestion ? { suggestion } : undefined,
      });
    }
    if (entries.length > 0) return;
    const annotation = annotationField(service, SOURCE_RANGES_ANNOTATION);
    const text = goTrimSpace(stringOrNull(annotation, service.doc) ?? '');
    if (!annotation || text === '') return;
    for (const part of text.split(',')) {
      const value = goTrimSpace(part);
      if (isValidCIDR(value)) continue;
      const suggestion = singleAddressCidr(value);
      ctx.report({
        span: locate(annotation, value),
        message: `${apiError.invalid(`metadata.annotations[${SOURCE_RANGES_ANNOTATION}]`, value, INVALID_CIDR_DETAIL)}\n${HINT}`,
        data: suggestion ? { suggestion } : undefined,
      });
    }
  },
});

/** The span of one comma-separated entry when the scalar is written on one line without escapes; else the whole value. */
function locate(field: Field, entry: string): Span {
  const whole = field.valueSpan;
  const node = field.node as { type?: string; value?: unknown } | null;
  const text = typeof node?.value === 'string' ? node.value : undefined;
  const offset = node?.type === 'PLAIN' ? 0 : node?.type === 'QUOTE_SINGLE' || node?.type === 'QUOTE_DOUBLE' ? 1 : -1;
  if (text === undefined || offset < 0 || entry === '' || text.includes('\n')) return whole;
  if (whole.end - whole.start !== text.length + 2 * offset || text.indexOf(entry) !== text.lastIndexOf(entry)) return whole;
  const at = text.indexOf(entry);
  return at < 0 ? whole : { start: whole.start + offset + at, end: whole.start + offset + at + entry.length };
}
