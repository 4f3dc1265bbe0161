import { SERVICE_TYPES } from '../kubernetes/model';
import { serviceRule } from '../analysis/rule';
import { fieldOf } from '../document/yamlNodes';
import { stringEntries, stringOrNull } from './clusterip-invalid';

/**
 * GetWarningsForService (pkg/api/service/warnings.go): externalIPs on an ExternalName Service, and externalName on
 * any other type, are accepted and ignored. The second is usually a forgotten `type: ExternalName`. Skipped for an
 * invalid type, whose own error comes first.
 */
export const externalNameIgnoredField = serviceRule({
  id: 'externalname-ignored-field',
  defaultSeverity: 'warning',
  description: 'externalIPs on an ExternalName Service, and externalName on any other type, are ignored.',
  crossResource: false,
  check(service, ctx) {
    if (!(SERVICE_TYPES as readonly string[]).includes(service.type)) return;
    const externalNameField = fieldOf(service.spec, 'externalName');
    const externalName = stringOrNull(externalNameField, service.doc);
    if (service.type === 'ExternalName') {
      const externalIPs = fieldOf(service.spec, 'externalIPs');
      if (!externalIPs || (stringEntries(externalIPs, service.doc)?.length ?? 0) === 0) return;
      ctx.report({
        span: externalIPs.keySpan,
        message:
          'spec.externalIPs is ignored when spec.type is "ExternalName"\n' +
          'An ExternalName Service is only a DNS alias (CNAME) and kube-proxy does not route anything for it; remove externalIPs.',
        data: { field: 'externalIPs' },
        tags: ['unnecessary'],
      });
      return;
    }
    if (!externalNameField || !externalName) return;
    ctx.report({
      span: externalNameField.keySpan,
      message:
        'spec.externalName is ignored when spec.type is not "ExternalName"\n' +
        `This is a ${service.type} Service, not a DNS alias: set type: ExternalName if it should resolve to ${externalName}, or remove externalName.`,
      data: { field: 'externalName', suggestion: 'ExternalName' },
      tags: ['unnecessary'],
    });
  },
});
