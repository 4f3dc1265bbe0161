import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, serviceSpec } from '../analysis/fixHelpers';
import { removePairs } from '../document/edits';
import { decodedString } from '../kubernetes/validation/names';
import { asSeq, fieldOf } from '../document/yamlNodes';

/**
 * ValidateService (pkg/apis/core/validation/validation.go), type ExternalName: clusterIPs (filled from clusterIP by the
 * registry's NormalizeClusterIPs, so `clusterIP: None` counts too), ipFamilies and ipFamilyPolicy are forbidden,
 * because an ExternalName Service is only a DNS CNAME and never gets an IP.
 */
export const externalNameIpFields = defineServiceRule<{ field: string }>({
  id: 'externalname-ip-fields',
  defaultSeverity: 'error',
  description: 'An ExternalName Service sets clusterIP/clusterIPs, ipFamilies or ipFamilyPolicy, which the API server forbids.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    if (service.type !== 'ExternalName') return;
    const forbidden = (path: string, field: NonNullable<ReturnType<typeof fieldOf>>, what: string) =>
      ctx.report({
        span: field.keySpan,
        message:
          apiError.forbidden(path, 'may not be set for ExternalName services') +
          `\nAn ExternalName Service is only a DNS alias (CNAME) for externalName and never gets a cluster IP: remove ${what}.`,
        data: { field: field.key },
      });

    const clusterIPsField = fieldOf(service.spec, 'clusterIPs');
    const clusterIPs = asSeq(clusterIPsField?.node);
    const clusterIPField = fieldOf(service.spec, 'clusterIP');
    const clusterIP = decodedString(clusterIPField?.node, service.doc);
    // `clusterIPs: "10.0.0.1"` is a decode error (valueType); `clusterIPs:` (null) is just empty.
    const clusterIPsWrongType = clusterIPsField && !clusterIPs && decodedString(clusterIPsField.node, service.doc) !== null;
    if (clusterIPsField && clusterIPs && clusterIPs.items.length > 0) {
      forbidden('spec.clusterIPs', clusterIPsField, clusterIPField && clusterIP ? 'clusterIP and clusterIPs' : 'clusterIPs');
    } else if (clusterIPField && clusterIP && !clusterIPsWrongType) {
      forbidden('spec.clusterIPs', clusterIPField, 'clusterIP');
    }

    const familiesField = fieldOf(service.spec, 'ipFamilies');
    const families = asSeq(familiesField?.node);
    if (familiesField && families && families.items.length > 0) forbidden('spec.ipFamilies', familiesField, 'ipFamilies');

    // ipFamilyPolicy is a pointer: any string, even "", is "set".
    const policyField = fieldOf(service.spec, 'ipFamilyPolicy');
    if (policyField && typeof decodedString(policyField.node, service.doc) === 'string') forbidden('spec.ipFamilyPolicy', policyField, 'ipFamilyPolicy');
  },
  /**
   * An ExternalName Service is only a DNS alias and never gets an IP, so these fields can never apply: removing them
   * cannot change what the Service does (safe). `clusterIPs` is reported for both spellings, so both go together.
   */
  fixes(ctx) {
    const { field } = ctx.data;
    const target = serviceSpec(ctx);
    if (!field || !target) return [];
    const keys = field === 'clusterIPs' || field === 'clusterIP' ? ['clusterIP', 'clusterIPs'] : [field];
    const pairs = keys.map((key) => fieldOf(target.spec, key)?.pair).filter((pair) => pair !== undefined);
    if (pairs.length === 0) return [];
    const title = `Remove ${keys.filter((key) => fieldOf(target.spec, key)).join(' and ')} (an ExternalName Service has no IP)`;
    return fixOf(title, removePairs(ctx.file.text, ctx.chunk, target.spec, pairs), { safe: true, preferred: true });
  },
});
