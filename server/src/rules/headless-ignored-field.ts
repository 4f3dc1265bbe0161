import { defineServiceRule } from '../analysis/rule';
import { fixOf, removeEntryAtFinding } from '../analysis/fixHelpers';
import { fieldOf, type Field } from '../document/yamlNodes';
import { stringEntries, stringOrNull } from '../kubernetes/validation/decode';

/**
 * GetWarningsForService (pkg/api/service/warnings.go): a headless Service (type ClusterIP, clusterIP None) has no
 * virtual IP for kube-proxy to program, so loadBalancerIP, externalIPs and session affinity do nothing. The API server
 * accepts them with a warning. An invalid sessionAffinity is an error elsewhere, so only ClientIP is flagged here.
 */
export const headlessIgnoredField = defineServiceRule<{ field: string }>({
  id: 'headless-ignored-field',
  defaultSeverity: 'warning',
  description: 'loadBalancerIP, externalIPs and sessionAffinity have no effect on a headless Service.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    if (service.type !== 'ClusterIP' || stringOrNull(fieldOf(service.spec, 'clusterIP'), service.doc) !== 'None') return;
    const warn = (field: Field, text: string) =>
      ctx.report({
        span: field.keySpan,
        message: `${text} is ignored for headless services\nclusterIP: None means DNS returns the Pod IPs directly and kube-proxy does not handle this Service, so this field has no effect.`,
        data: { field: field.key },
        tags: ['unnecessary'],
      });
    const lbIP = fieldOf(service.spec, 'loadBalancerIP');
    if (lbIP && stringOrNull(lbIP, service.doc)) warn(lbIP, 'spec.loadBalancerIP');
    const externalIPs = fieldOf(service.spec, 'externalIPs');
    if (externalIPs && (stringEntries(externalIPs, service.doc)?.length ?? 0) > 0) warn(externalIPs, 'spec.externalIPs');
    const affinity = fieldOf(service.spec, 'sessionAffinity');
    if (affinity && stringOrNull(affinity, service.doc) === 'ClientIP') warn(affinity, 'spec.SessionAffinity');
  },
  /** A field a headless Service ignores anyway: removing it changes nothing in the cluster, so fix-all may do it. */
  fixes(ctx) {
    const { field } = ctx.data;
    if (!field) return [];
    return fixOf(`Remove ${field} (ignored by a headless Service)`, [removeEntryAtFinding(ctx)], { safe: true, preferred: true });
  },
});
