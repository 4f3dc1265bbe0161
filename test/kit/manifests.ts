/**
 * Manifest builders: the YAML text of a Deployment or a Service from the few facts a test is about, instead of the
 * same twenty lines inlined in every file. Block style, two-space indentation, keys in kubectl's usual order; a
 * field is written only when given, so a test states exactly what its manifest has.
 */

/** Labels as a map (written as a block) or as YAML written verbatim after `labels: ` (`{app: web}`). */
export type Labels = Record<string, string> | string;

export interface ContainerPort {
  containerPort: number;
  name?: string;
  protocol?: string;
}

export interface DeploymentSpec {
  name: string;
  namespace?: string;
  /** Pod template labels. */
  labels: Labels;
  replicas?: number;
  /** `spec.selector.matchLabels`: true for the pod labels, or other labels; no selector when absent. */
  matchLabels?: true | Labels;
  image?: string;
  /** Ports of the one container, named `app`. */
  ports?: ContainerPort[];
}

export interface ServicePort {
  port: number;
  name?: string;
  protocol?: string;
  targetPort?: number | string;
  nodePort?: number;
}

export interface ServiceSpec {
  name: string;
  namespace?: string;
  type?: string;
  /** Further scalar fields of `spec`, written after `type` in the order given (`externalTrafficPolicy: Local`). */
  fields?: Record<string, string | number | boolean>;
  selector?: Labels;
  ports?: ServicePort[];
}

function labelLines(key: string, labels: Labels, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (typeof labels === 'string') return [`${pad}${key}: ${labels}`];
  return [`${pad}${key}:`, ...Object.entries(labels).map(([label, value]) => `${pad}  ${label}: ${value}`)];
}

/** One list item of fields, the first on the `- ` line: `- name: http` / `  containerPort: 8080`. */
function item(fields: Array<[string, string | number | undefined]>, indent: number): string[] {
  const written = fields.filter((field): field is [string, string | number] => field[1] !== undefined);
  return written.map(([key, value], i) => `${' '.repeat(indent)}${i === 0 ? '- ' : '  '}${key}: ${value}`);
}

export function deployment(spec: DeploymentSpec): string {
  const lines = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${spec.name}`];
  if (spec.namespace) lines.push(`  namespace: ${spec.namespace}`);
  lines.push('spec:');
  if (spec.replicas !== undefined) lines.push(`  replicas: ${spec.replicas}`);
  if (spec.matchLabels) lines.push('  selector:', ...labelLines('matchLabels', spec.matchLabels === true ? spec.labels : spec.matchLabels, 4));
  lines.push('  template:', '    metadata:', ...labelLines('labels', spec.labels, 6), '    spec:', '      containers:', '        - name: app');
  if (spec.image) lines.push(`          image: ${spec.image}`);
  if (spec.ports?.length) {
    lines.push('          ports:');
    for (const port of spec.ports)
      lines.push(
        ...item(
          [
            ['name', port.name],
            ['containerPort', port.containerPort],
            ['protocol', port.protocol],
          ],
          12,
        ),
      );
  }
  return `${lines.join('\n')}\n`;
}

export function service(spec: ServiceSpec): string {
  const lines = ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${spec.name}`];
  if (spec.namespace) lines.push(`  namespace: ${spec.namespace}`);
  lines.push('spec:');
  if (spec.type) lines.push(`  type: ${spec.type}`);
  for (const [key, value] of Object.entries(spec.fields ?? {})) lines.push(`  ${key}: ${value}`);
  if (spec.selector) lines.push(...labelLines('selector', spec.selector, 2));
  if (spec.ports?.length) {
    lines.push('  ports:');
    for (const port of spec.ports) {
      lines.push(
        ...item(
          [
            ['name', port.name],
            ['port', port.port],
            ['protocol', port.protocol],
            ['targetPort', port.targetPort],
            ['nodePort', port.nodePort],
          ],
          4,
        ),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Several documents as one file, separated by `---` lines. */
export function documents(...texts: string[]): string {
  return texts.map((text) => (text.endsWith('\n') ? text : `${text}\n`)).join('---\n');
}
