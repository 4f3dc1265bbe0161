import { defineServiceRule, type RuleContext } from '../analysis/rule';
import { fixOf, replaceAtFinding } from '../analysis/fixHelpers';
import { cidrWarnings, ipWarning, isValidIP, parseAddr, type IpWarning } from '../kubernetes/validation/ip';
import { fieldOf, type Span } from '../document/yamlNodes';
import { stringEntries, stringOrNull } from '../kubernetes/validation/decode';
import { clusterIPsOf } from '../kubernetes/validation/clusterIPs';

const STRICT = 'API servers with the StrictIPCIDRValidation feature (alpha since 1.33) already reject it';

function explainIP(value: string, warning: IpWarning): string {
  const use = warning.suggestions[0];
  if (warning.message.includes('RFC 5952')) {
    return `Write "${use}", the RFC 5952 form Kubernetes itself prints (lower case, no leading zeros, :: for the longest run of zero groups).`;
  }
  return parseAddr(value)
    ? `Kubernetes treats it as the IPv4 address "${use}", other software may treat it as IPv6, and ${STRICT}.`
    : `Kubernetes reads it as "${use}", other software may read a leading 0 as octal, and ${STRICT}.`;
}

function explainCIDR(warning: IpWarning): string {
  const [network, single] = warning.suggestions;
  if (warning.message.includes('ambiguous')) {
    return `Only the network part counts, so this allows all of "${network}"; write that, or "${single}" for a single address.`;
  }
  if (warning.message.includes('RFC 5952')) return `Write "${network}", the RFC 5952 form Kubernetes itself prints.`;
  return `Write "${network}": leading zeros and IPv4-mapped addresses are read differently by other software, and ${STRICT}.`;
}

/** The spelling Kubernetes prints first; for a CIDR with host bits set, also the single address the user may have meant. */
type Data = { suggestion: string; suggestions: string[] };

function report(ctx: RuleContext<Data>, span: Span, warning: IpWarning, explanation: string): void {
  ctx.report({ span, message: `${warning.message}\n${explanation}`, data: { suggestion: warning.suggestions[0], suggestions: warning.suggestions } });
}

/**
 * GetWarningsForService (pkg/api/service/warnings.go) with GetWarningsForIP/GetWarningsForCIDR
 * (k8s.io/apimachinery/pkg/util/validation/ip.go): accepted values in non-standard or non-canonical forms. clusterIPs
 * are checked only when clusterIP is a real address; source ranges are checked as written (untrimmed); values that
 * fail validation get an error from another rule instead.
 */
export const ipNonCanonical = defineServiceRule<Data>({
  id: 'ip-non-canonical',
  defaultSeverity: 'warning',
  description: 'IP addresses and CIDRs the API server accepts but warns about: leading zeros, IPv4-mapped IPv6, host bits set, non-canonical IPv6.',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    const view = clusterIPsOf(service);
    if (view && view.clusterIP !== '' && view.clusterIP !== 'None') {
      for (const { index, value, span } of view.entries) {
        const warning = isValidIP(value) ? ipWarning(`spec.clusterIPs[${index}]`, value) : undefined;
        if (warning) report(ctx, span, warning, explainIP(value, warning));
      }
    }
    for (const { index, value, span } of stringEntries(fieldOf(service.spec, 'externalIPs'), service.doc) ?? []) {
      const warning = ipWarning(`spec.externalIPs[${index}]`, value);
      if (warning) report(ctx, span, warning, explainIP(value, warning));
    }
    const lbIPField = fieldOf(service.spec, 'loadBalancerIP');
    const lbIP = stringOrNull(lbIPField, service.doc);
    if (lbIPField && lbIP) {
      const warning = ipWarning('spec.loadBalancerIP', lbIP);
      if (warning) report(ctx, lbIPField.valueSpan, warning, explainIP(lbIP, warning));
    }
    for (const { index, value, span } of stringEntries(fieldOf(service.spec, 'loadBalancerSourceRanges'), service.doc) ?? []) {
      for (const warning of cidrWarnings(`spec.loadBalancerSourceRanges[${index}]`, value)) report(ctx, span, warning, explainCIDR(warning));
    }
  },
  /**
   * One suggestion is the same address in the spelling Kubernetes prints (leading zeros dropped the way Kubernetes reads
   * them, RFC 5952 IPv6): safe. Two suggestions mean a CIDR with host bits set: the network Kubernetes uses now, or the
   * single address the user may have meant; that choice is offered, not made.
   */
  fixes(ctx) {
    const texts = ctx.data.suggestions;
    if (texts.length === 1) return fixOf(`Change to ${texts[0]}`, [replaceAtFinding(ctx, texts[0])], { safe: true, preferred: true });
    return texts.flatMap((text, i) =>
      fixOf(i === 0 ? `Change to ${text} (the network Kubernetes uses)` : `Change to ${text} (only this address)`, [replaceAtFinding(ctx, text)], {
        safe: false,
        preferred: i === 0,
      }),
    );
  },
});
