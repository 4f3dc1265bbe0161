import type { ServiceModel } from '../../kubernetes/model';
import { code, link, sections } from './markdown';
import type { HoverEnv } from './places';

/** The explanation of one Service field: what it means, its default, its value here, and the alternatives. */
export interface FieldDoc {
  meaning: string;
  defaultText: string;
  /** The effective value in this manifest and what it does here; omitted for template files. */
  here(service: ServiceModel, env: HoverEnv): string | undefined;
  otherwise: string;
  docs: ReadonlyArray<readonly [string, string]>;
}

/**
 * The field and its value here lead; then what it means, the default and the alternatives. `brief`: the field
 * carries one of our diagnostics, which VS Code shows above this hover with its "Quick Fix..." link below every part,
 * so only the lead line and the links remain. A template file's values are not final, so it gets no "here".
 */
export function renderField(path: string, doc: FieldDoc, service: ServiceModel, env: HoverEnv, brief = false): string {
  const here = env.file.template ? undefined : doc.here(service, env);
  const lead = here ? `**${code(path)}**: ${here}` : `**${code(path)}**`;
  const docs = doc.docs.map(([label, url]) => link(label, url)).join(' · ');
  if (brief) return sections(lead, docs);
  return sections(lead, doc.meaning, `- **Default:** ${doc.defaultText}\n- **Set differently:** ${doc.otherwise}`, docs);
}

/** "`Local` (as written)" / "`Cluster` (default)". */
export function valueHere(value: string | number | boolean | undefined, written: boolean): string {
  return value === undefined ? 'not set' : `${code(String(value))}${written ? '' : ' (default)'}`;
}

/** For fields that only make sense with `type: LoadBalancer`. */
export function onlyForLoadBalancer(service: ServiceModel, field: string): string | undefined {
  if (service.type === 'LoadBalancer') return undefined;
  return `not used: this Service is \`type: ${service.type}\`, and the API server rejects ${code(field)} unless the type is LoadBalancer (${code("Forbidden: may only be used when `type` is 'LoadBalancer'")}).`;
}
