import type { Scalar } from 'yaml';
import { apiError, type FieldProblem } from '../apiError';
import type { ServiceModel } from '../model';
import { INVALID_IP_DETAIL, isIPv6String, isValidIP } from './ip';
import { decodedString } from './names';
import { optionalString, stringEntries, type StringEntry } from './decode';
import { asSeq, fieldOf, spanOf, type Field, type Span } from '../../document/yamlNodes';

/** What a fix needs to know about a clusterIP/clusterIPs problem; problems without a mechanical repair carry none. */
export type ClusterIPData =
  /** clusterIPs[0] differs from clusterIP. */
  | { expected: string }
  /** clusterIPs without clusterIP: its first value. */
  | { clusterIP: string }
  /** Not an IP address. */
  | { value: string }
  /** More than two cluster IPs. */
  | { max: 2 }
  /** Not of the family ipFamilies names at that position. */
  | { expectedFamily: string };

/** A case-only misspelling of IPv4 or IPv6 carries its valid spelling. */
export type IpFamilyData = { suggestion: string };

/**
 * isHeadlessService in pkg/apis/core/validation/validation.go: clusterIPs is exactly ["None"]. On create the registry
 * first copies a lone `clusterIP` into an empty `clusterIPs` (NormalizeClusterIPs), so either spelling counts.
 * Returns where the "None" is written, for reporting; undefined when the Service is not headless.
 */
export function headlessNoneSpan(service: ServiceModel): Span | undefined {
  const clusterIPsField = fieldOf(service.spec, 'clusterIPs');
  const clusterIPs = asSeq(clusterIPsField?.node);
  if (clusterIPs && clusterIPs.items.length > 0) {
    const [first] = clusterIPs.items;
    if (clusterIPs.items.length !== 1 || decodedString(first as Scalar, service.doc) !== 'None') return undefined;
    return spanOf(first as Scalar);
  }
  const clusterIPField = fieldOf(service.spec, 'clusterIP');
  return clusterIPField && decodedString(clusterIPField.node, service.doc) === 'None' ? clusterIPField.valueSpan : undefined;
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

const FIRST_IP_HINT =
  'Write an IPv4 or IPv6 address from the cluster\'s service IP range, "None" for a headless Service, or leave the field out so Kubernetes picks one.';
const SECOND_IP_HINT = "The second cluster IP must be an address of the other IP family from the cluster's service IP range.";

/**
 * ValidateServiceClusterIPsRelatedFields (pkg/apis/core/validation/validation.go), the clusterIPs part. Shared
 * because the registry stops at these errors before it checks ipFamilyPolicy.
 */
export function clusterIPProblems(service: ServiceModel): Array<FieldProblem<ClusterIPData | undefined>> {
  if (service.type === 'ExternalName') return [];
  const view = clusterIPsOf(service);
  if (!view) return [];
  const { clusterIP, clusterIPsField, entries } = view;
  const list = entries.map((entry) => entry.value);
  const reports: Array<FieldProblem<ClusterIPData | undefined>> = [];
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

const FAMILIES = ['IPv4', 'IPv6'] as const;

/**
 * ValidateServiceClusterIPsRelatedFields (pkg/apis/core/validation/validation.go), the ipFamilies part: every entry
 * IPv4 or IPv6, none twice. ExternalName Services may not set ipFamilies at all, which another rule reports.
 * Shared because the registry stops at these errors before it checks ipFamilyPolicy.
 */
export function ipFamilyProblems(service: ServiceModel): Array<FieldProblem<IpFamilyData | undefined>> {
  if (service.type === 'ExternalName') return [];
  const entries = stringEntries(fieldOf(service.spec, 'ipFamilies'), service.doc);
  if (!entries) return [];
  const reports: Array<FieldProblem<IpFamilyData | undefined>> = [];
  const seen = new Set<string>();
  for (const { index, value, span } of entries) {
    const path = `spec.ipFamilies[${index}]`;
    if (!(FAMILIES as readonly string[]).includes(value)) {
      const suggestion = FAMILIES.find((family) => family.toLowerCase() === value.toLowerCase());
      reports.push({
        span,
        message:
          apiError.unsupported(path, value, FAMILIES) +
          (suggestion ? `\nValues are case-sensitive: did you mean "${suggestion}"?` : '\nipFamilies may only list IPv4 and IPv6.'),
        data: suggestion ? { suggestion } : undefined,
      });
    }
    if (seen.has(value)) {
      reports.push({
        span,
        message: `${apiError.duplicate(path, value)}\nEach IP family may appear once; a dual-stack Service lists IPv4 and IPv6, the preferred one first.`,
      });
    }
    seen.add(value);
  }
  return reports;
}
