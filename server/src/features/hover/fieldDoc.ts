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

export function renderField(path: string, doc: FieldDoc, service: ServiceModel, env: HoverEnv): string {
  const here = env.file.template ? undefined : doc.here(service, env);
  const facts = [`- **Default:** ${doc.defaultText}`, here ? `- **Here:** ${here}` : undefined, `- **Set differently:** ${doc.otherwise}`]
    .filter((line): line is string => !!line)
    .join('\n');
  return sections(`**${code(path)}**`, doc.meaning, facts, doc.docs.map(([label, url]) => link(label, url)).join(' · '));
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
