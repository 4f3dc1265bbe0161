import { defineServiceRule } from '../analysis/rule';
import { fieldOf } from '../document/yamlNodes';
import { stringEntries, stringOrNull } from '../kubernetes/validation/decode';

/**
 * KEP-5707 deprecated spec.externalIPs in Kubernetes 1.36, whose GetWarningsForService (pkg/api/service/warnings.go)
 * prints this text for every Service with externalIPs that is neither headless nor ExternalName (those two get their
 * own "ignored" warnings). API servers up to 1.35 accept the field silently; the message says so, and the
 * reason (any Service owner can capture traffic for any address, CVE-2020-8554) holds for every version.
 */
export const externalIPsDeprecated = defineServiceRule<{ field: 'externalIPs' }>({
  id: 'external-ips-deprecated',
  defaultSeverity: 'warning',
  description: 'spec.externalIPs is deprecated (Kubernetes 1.36) and often blocked by cluster policy.',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    const field = fieldOf(service.spec, 'externalIPs');
    if (!field || (stringEntries(field, service.doc)?.length ?? 0) === 0 || service.type === 'ExternalName') return;
    if (service.type === 'ClusterIP' && stringOrNull(fieldOf(service.spec, 'clusterIP'), service.doc) === 'None') return;
    ctx.report({
      span: field.keySpan,
      message:
        'spec.externalIPs is deprecated and may no longer be implemented in some clusters\n' +
        'Kubernetes 1.36 deprecated this field (older API servers accept it without this warning) because it lets a Service capture traffic for any address; many clusters block it, so prefer a LoadBalancer Service or a Gateway.',
      data: { field: 'externalIPs' },
      tags: ['deprecated'],
    });
  },
});
