import { SERVICE_TYPES } from '../kubernetes/model';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, removeEntryAtFinding, serviceSpec } from '../analysis/fixHelpers';
import { externalNameBlockers } from '../kubernetes/serviceEdits';
import { setScalarField } from '../document/structure';
import { fieldOf } from '../document/yamlNodes';
import { stringEntries, stringOrNull } from '../kubernetes/validation/decode';

/** The ignored field; for externalName on another type, the type the user may have forgotten. */
type Data = { field: 'externalIPs' } | { field: 'externalName'; suggestion: 'ExternalName' };

/**
 * GetWarningsForService (pkg/api/service/warnings.go): externalIPs on an ExternalName Service, and externalName on
 * any other type, are accepted and ignored. The second is usually a forgotten `type: ExternalName`. Skipped for an
 * invalid type, whose own error comes first.
 */
export const externalNameIgnoredField = defineServiceRule<Data>({
  id: 'externalname-ignored-field',
  defaultSeverity: 'warning',
  description: 'externalIPs on an ExternalName Service, and externalName on any other type, are ignored.',
  crossResource: false,
  partialSafe: false,
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
  /**
   * The API server ignores the field, so removing it changes nothing (safe). For `externalName` on another type the
   * user may instead have forgotten `type: ExternalName`; that is offered when nothing an ExternalName Service forbids
   * (cluster IPs, IP families) is set.
   */
  fixes(ctx) {
    const { field } = ctx.data;
    const fixes = fixOf(`Remove ${field} (ignored for this Service type)`, [removeEntryAtFinding(ctx)], { safe: true, preferred: true });
    const target = serviceSpec(ctx);
    if (field === 'externalName' && target && externalNameBlockers(target.spec).length === 0) {
      const edits = [setScalarField(ctx.file.text, ctx.chunk, target.spec, 'type', 'ExternalName', { before: undefined })];
      fixes.push(...fixOf('Change type to ExternalName (a DNS alias; kube-proxy no longer routes its ports)', edits, { safe: false }));
    }
    return fixes;
  },
});
