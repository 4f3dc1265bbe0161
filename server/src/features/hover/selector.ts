/**
 * The selector hover: which workloads of the workspace the selector picks, with file and line. Sources: Service API
 * reference `selector` ("Route service traffic to pods with label keys and values matching this selector. If empty or
 * not present, the service is assumed to have an external process managing its endpoints ... Ignored if type is
 * ExternalName"); service.md "Services without selectors"; a Service only selects pods in its own namespace
 * (EndpointSlice controller lists pods with the Service's namespace).
 */
import type { ServiceModel, WorkloadModel } from '../../kubernetes/model';
import type { ObjectRef } from '../../kubernetes/workspace';
import { backendsOf } from '../../kubernetes/backends';
import { podsOf } from './backendWords';
import { DOCS } from './docs';
import { renderField, type FieldDoc } from './fieldDoc';
import { code, labels, plural } from './markdown';
import { placeLink, type HoverEnv } from './places';

const SELECTOR: Omit<FieldDoc, 'here'> = {
  meaning:
    "Pods whose labels include all of these key/value pairs become this Service's endpoints. It is compared with the pods' labels (for a Deployment: `spec.template.metadata.labels`), not with the workload's own `metadata.labels`, and only pods in the Service's namespace count.",
  defaultText: 'none: Kubernetes then creates no EndpointSlices for the Service, and you manage them yourself.',
  otherwise:
    'Every pair must match (a logical AND); one extra label here that the pods do not carry selects nothing. An empty selector `{}` is the same as none.',
  docs: [
    ['Services without selectors', DOCS.withoutSelectors],
    ['Labels and selectors', DOCS.labelsAndSelectors],
  ],
};

export function selectorHover(service: ServiceModel, env: HoverEnv, brief = false): string {
  return renderField('spec.selector', { ...SELECTOR, here: () => selectorHere(service, env) }, service, env, brief);
}

function selectorHere(service: ServiceModel, env: HoverEnv): string {
  if (service.type === 'ExternalName') return 'ignored: an ExternalName Service is a DNS alias and has no endpoints.';
  if (!service.selector) return 'none, so this Service only has the endpoints someone adds as EndpointSlices.';
  const matched = backendsOf(service, env.workspace);
  if (matched.length === 0) {
    return `${labels(service.selector)} matches no workload in the workspace: unless such pods are created elsewhere, the Service has no endpoints and connections to it fail.`;
  }
  return `${labels(service.selector)} selects ${plural(matched.length, 'workload')}:\n${matched.map((w) => `  - ${describe(w, env)}`).join('\n')}`;
}

function describe(ref: ObjectRef<WorkloadModel>, env: HoverEnv): string {
  const namespace = ref.object.namespace ? ` in namespace ${code(ref.object.namespace)}` : '';
  return `${podsOf(ref.object)}${namespace} · ${placeLink(env, ref)}`;
}
