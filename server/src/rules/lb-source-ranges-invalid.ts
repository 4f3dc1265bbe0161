import { isScalar } from 'yaml';
import { apiError } from '../kubernetes/apiError';
import { annotationField } from '../kubernetes/model';
import { defineServiceRule } from '../analysis/rule';
import type { FixTarget } from '../analysis/fix';
import { fixOf, locatedAt, replaceAtFinding } from '../analysis/fixHelpers';
import { SOURCE_RANGES_ANNOTATION } from '../kubernetes/serviceEdits';
import { INVALID_CIDR_DETAIL, ipString, isValidCIDR, parseIPSloppy, to4 } from '../kubernetes/validation/ip';
import { stringEntries, stringOrNull } from '../kubernetes/validation/decode';
import { relativeSpan } from '../document/nodeAtSpan';
import { goTrimSpace } from '../document/text';
import { asMap, fieldOf, fieldsOf, type Field, type Span } from '../document/yamlNodes';

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
export const lbSourceRangesInvalid = defineServiceRule<{ suggestion: string } | undefined>({
  id: 'lb-source-ranges-invalid',
  defaultSeverity: 'error',
  description: 'loadBalancerSourceRanges entries (or the load-balancer-source-ranges annotation) must be CIDRs.',
  crossResource: false,
  partialSafe: true,
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
  /**
   * A plain IP where a CIDR belongs means that single address: /32 (or /128) says exactly that (safe). In the legacy
   * annotation the finding covers just the bad entry of the comma-separated list when the rule could locate it; those
   * characters are replaced in place, inside any quotes. A finding on a whole multi-entry value gets no fix.
   */
  fixes(ctx) {
    const suggestion = ctx.data?.suggestion;
    if (!suggestion) return [];
    const title = `Change to ${suggestion} (that single address)`;
    const located = locatedAt(ctx);
    if (located && located.kind !== 'key') {
      if (located.kind === 'value' && isScalar(located.node) && String(located.node.value).includes(',')) return [];
      return fixOf(title, [replaceAtFinding(ctx, suggestion)], { safe: true, preferred: true });
    }
    const inner = ctx.file.text.slice(ctx.finding.start, ctx.finding.end);
    if (inner === '' || /["'\\,\s]/.test(inner) || !withinAnnotationValue(ctx)) return [];
    return fixOf(title, [{ start: ctx.finding.start, end: ctx.finding.end, newText: suggestion }], { safe: true, preferred: true });
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

/** Whether the finding lies strictly inside a one-line plain or quoted annotation value (never in a block scalar). */
function withinAnnotationValue(ctx: FixTarget): boolean {
  const span = relativeSpan(ctx.chunk.start, ctx.finding);
  const annotations = asMap(fieldOf(ctx.object.metadata, 'annotations')?.node);
  return (
    !!annotations &&
    fieldsOf(annotations).some(({ node }) => {
      const range = node?.range;
      return isScalar(node) && ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(node.type ?? '') && !!range && range[0] <= span.start && span.end <= range[1];
    })
  );
}
