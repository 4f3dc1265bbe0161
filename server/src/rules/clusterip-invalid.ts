import { isScalar, isSeq, type Document, type Node } from 'yaml';
import { apiError } from '../kubernetes/apiError';
import type { ServiceModel } from '../kubernetes/model';
import { serviceRule, type Report } from '../analysis/rule';
import { INVALID_IP_DETAIL, isIPv6String, isValidIP } from '../kubernetes/validation/ip';
import { decodedString } from '../kubernetes/validation/names';
import { fieldOf, spanOf, type Field, type Span } from '../document/yamlNodes';

/** One entry of a list of strings, with where it is written. */
export interface StringEntry {
  index: number;
  value: string;
  span: Span;
}

/**
 * The entries of a `[]string` field. `null` entries read as "" like Go's decoder; a missing or null field is an
 * empty list. Undefined when the field or an entry has another type: that is the value-type rule's finding.
 */
export function stringEntries(field: Field | undefined, doc: Document): StringEntry[] | undefined {
  if (!field || field.node === null || (isScalar(field.node) && field.node.value === null)) return [];
  if (!isSeq(field.node)) return undefined;
  const entries: StringEntry[] = [];
  for (const [index, item] of field.node.items.entries()) {
    const value = decodedString(item as Node, doc);
    const span = spanOf(item as Node);
    if (!span || value === undefined) return undefined;
    entries.push({ index, value: value ?? '', span });
  }
  return entries;
}

/** A scalar field's string: null when absent or null (Go's nil pointer or zero value), undefined for another type. */
export function stringOrNull(field: Field | undefined, doc: Document): string | null | undefined {
  return decodedString(field?.node, doc);
}

/** A string field where Go cannot tell absent from empty: '' when absent or null, undefined for another type. */
export function optionalString(field: Field | undefined, doc: Document): string | undefined {
  const value = stringOrNull(field, doc);
  return value === null ? '' : value;
}

export interface ClusterIPsView {
  /** `spec.clusterIP` as written, '' when absent. */
  clusterIP: string;
  clusterIPField?: Field;
  clusterIPsField?: Field;
  /**
   * What validation sees as `spec.clusterIPs`: the list as written, or `[clusterIP]` when only the singular is set
   * (the registry's NormalizeClusterIPs copies it on create), pointing at the clusterIP value then.
   */
  entries: StringEntry[];
  /** True when `entries` is the copied singular clusterIP rather than a written clusterIPs list. */
  derived: boolean;
}

export function clusterIPsOf(service: ServiceModel): ClusterIPsView | undefined {
  const clusterIPField = fieldOf(service.spec, 'clusterIP');
  const clusterIPsField = fieldOf(service.spec, 'clusterIPs');
  const clusterIP = optionalString(clusterIPField, service.doc);
  const written = stringEntries(clusterIPsField, service.doc);
  if (clusterIP === undefined || written === undefined) return undefined;
  const derived = clusterIP !== '' && written.length === 0 && clusterIPField !== undefined;
  const entries = derived ? [{ index: 0, value: clusterIP, span: (clusterIPField as Field).valueSpan }] : written;
  return { clusterIP, clusterIPField, clusterIPsField, entries, derived };
}

const FIRST_IP_HINT = "Write an IPv4 or IPv6 address from the cluster's service IP range, \"None\" for a headless Service, or leave the field out so Kubernetes picks one.";
const SECOND_IP_HINT = "The second cluster IP must be an address of the other IP family from the cluster's service IP range.";

/**
 * ValidateServiceClusterIPsRelatedFields (pkg/apis/core/validation/validation.go), the clusterIPs part. Exported
 * because the registry stops at these errors before it checks ipFamilyPolicy (ip-family-policy-invalid).
 */
export function clusterIPProblems(service: ServiceModel): Report[] {
  if (service.type === 'ExternalName') return [];
  const view = clusterIPsOf(service);
  if (!view) return [];
  const { clusterIP, clusterIPsField, entries } = view;
  const list = entries.map((entry) => entry.value);
  const reports: Report[] = [];
  if (clusterIP !== '' && !view.derived && entries.length > 0 && list[0] !== clusterIP) {
    reports.push({
      span: entries[0].span,
      message: `${apiError.invalid('spec.clusterIPs', list, 'first value must match `clusterIP`')}\nWhen both fields are set, clusterIPs[0] must be the same address as clusterIP ("${clusterIP}").`,
      data: { expected: clusterIP },
    });
  }
  if (clusterIP === '' && entries.length > 0 && clusterIPsField) {
    reports.push({
      span: clusterIPsField.valueSpan,
      message: `${apiError.invalid('spec.clusterIPs', list, 'must be empty when `clusterIP` is not specified')}\nclusterIPs can only be used together with clusterIP: add clusterIP with the same first value.`,
      data: { clusterIP: list[0] },
    });
  }
  let hasInvalidIPs = false;
  for (const entry of entries) {
    if (entry.index === 0 && entry.value === 'None') {
      if (entries.length > 1) {
        hasInvalidIPs = true;
        reports.push({
          span: entry.span,
          message: `${apiError.invalid('spec.clusterIPs', list, "'None' must be the first and only value")}\n"None" makes the Service headless, so it cannot be combined with addresses: keep only "None" or only addresses.`,
        });
      }
      continue;
    }
    if (!isValidIP(entry.value)) {
      hasInvalidIPs = true;
      reports.push({
        span: entry.span,
        message: `${apiError.invalid(`spec.clusterIPs[${entry.index}]`, entry.value, INVALID_IP_DETAIL)}\n${entry.index === 0 ? FIRST_IP_HINT : SECOND_IP_HINT}`,
        data: { value: entry.value },
      });
    }
  }
  if (entries.length > 2) {
    reports.push({
      span: { start: entries[2].span.start, end: entries[entries.length - 1].span.end },
      message: `${apiError.invalid('spec.clusterIPs', list, 'may only hold up to 2 values')}\nA Service has at most one cluster IP per IP family (one IPv4 and one IPv6): remove the extra entries.`,
      data: { max: 2 },
    });
  }
  if (hasInvalidIPs) return reports;
  if (entries.length > 1) {
    const v6 = entries.map((entry) => isIPv6String(entry.value));
    if (!(v6.includes(true) && v6.includes(false))) {
      reports.push({
        span: entries[1].span,
        message: `${apiError.invalid('spec.clusterIPs', list, 'may specify no more than one IP for each IP family')}\nThese addresses are ${entries.length === 2 ? 'both' : 'all'} ${v6[0] ? 'IPv6' : 'IPv4'}; a dual-stack Service takes one IPv4 and one IPv6 address.`,
      });
    }
  }
  const families = stringEntries(fieldOf(service.spec, 'ipFamilies'), service.doc);
  const headless = entries.length === 1 && entries[0].value === 'None';
  if (!headless && families) {
    for (const entry of entries.slice(0, families.length)) {
      const family = families[entry.index].value;
      const isV6 = isIPv6String(entry.value);
      if ((family === 'IPv4' && isV6) || (family === 'IPv6' && !isV6)) {
        reports.push({
          span: entry.span,
          message:
            apiError.invalid(`spec.clusterIPs[${entry.index}]`, entry.value, `expected an ${family} value as indicated by \`ipFamilies[${entry.index}]\``) +
            `\nclusterIPs and ipFamilies are read position by position: put the ${family} address at index ${entry.index} or reorder ipFamilies.`,
          data: { expectedFamily: family },
        });
      }
    }
  }
  return reports;
}

export const clusterIPInvalid = serviceRule({
  id: 'clusterip-invalid',
  defaultSeverity: 'error',
  description: 'clusterIP/clusterIPs values the API server rejects: not an IP, "None" mixed with IPs, more than two, two of one family, or not matching ipFamilies.',
  crossResource: false,
  check(service, ctx) {
    for (const report of clusterIPProblems(service)) ctx.report(report);
  },
});
