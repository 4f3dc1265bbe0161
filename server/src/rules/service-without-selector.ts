import { isMap, isScalar } from 'yaml';
import { defineServiceRule } from '../analysis/rule';
import { joinAnd } from '../kubernetes/selection';
import { misindentedSelector } from '../kubernetes/schema/classify';

/**
 * Without a selector the EndpointSlice controller leaves the Service alone (it only syncs Services with a selector,
 * pkg/controller/endpointslice); endpoints must come from EndpointSlices labelled `kubernetes.io/service-name` that
 * someone else creates. That is a legitimate pattern (external databases, operators), so this only informs.
 */
export const serviceWithoutSelector = defineServiceRule<{ headless: boolean }>({
  id: 'service-without-selector',
  defaultSeverity: 'information',
  description: 'A Service without a selector gets no endpoints from Kubernetes; they must come from EndpointSlices created by you or a controller.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    if (service.type === 'ExternalName' || !service.spec) return;
    const selectorField = service.fields.selector;
    const node = selectorField?.node ?? null;
    // `selector: {{ include ... }}` or another non-map is a template or a type error, not a missing selector.
    const empty = node === null || (isScalar(node) && node.value === null) || (isMap(node) && node.items.length === 0);
    if (!empty) return;
    // `app: MyApp` beside an empty `selector:` is an indentation slip that misindentedField reports (with a fix);
    // explaining selector-less Services there would only mislead.
    if (misindentedSelector(service)) return;

    const name = service.name ?? '(unnamed)';
    const headless = service.clusterIP === 'None';
    const ports = service.ports.map((p) => p.port).filter((p): p is number => p !== undefined);
    const portText = ports.length === 0 ? 'its traffic' : `traffic for ${ports.length === 1 ? 'port' : 'ports'} ${joinAnd(ports.map(String))}`;
    let message = headless
      ? `Headless Service \`${name}\` has no selector, so Kubernetes creates no EndpointSlices for it: its DNS name returns only the ready addresses ` +
        `of EndpointSlices labelled \`kubernetes.io/service-name: ${name}\` that you or a controller create.`
      : `Service \`${name}\` has no selector, so Kubernetes does not manage its endpoints: kube-proxy sends ${portText} only to the addresses in ` +
        `EndpointSlices labelled \`kubernetes.io/service-name: ${name}\` that you or a controller create.`;
    if (headless && service.ports.some((p) => p.port !== undefined && p.targetPort !== p.port)) {
      message += ' Clients connect to those addresses directly, so each `targetPort` must equal its `port`.';
    }
    ctx.report({
      span: selectorField?.keySpan ?? service.fields.spec?.keySpan ?? service.anchorSpan,
      message,
      data: { headless },
    });
  },
});
