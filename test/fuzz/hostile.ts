/**
 * Inputs built to exhaust a parser or the code behind it. Shared by the fuzz generators and the hostile-input
 * tests, so both attack with exactly the same shapes.
 */

/**
 * "Billion laughs": each level is a list of `fanout` aliases to the level below, so `depth` levels stand for
 * fanout^depth scalars in a text of about depth*fanout*4 characters. Anything that expands aliases dies on it.
 * `inService` hangs the bomb under fields of a Service that rules, hovers and the schema walk read.
 */
export function aliasBomb(depth: number, fanout: number, inService: boolean): string {
  const levels = [`l0: &l0 [${Array(fanout).fill('"lol"').join(', ')}]`];
  for (let i = 1; i <= depth; i++)
    levels.push(
      `l${i}: &l${i} [${Array(fanout)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  if (!inService) return `${levels.join('\n')}\n`;
  const top = `*l${depth}`;
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: bomb',
    `  labels: {a: &lbl x, b: *lbl}`,
    '  annotations:',
    ...levels.map((level) => `    ${level.replace(/^l(\d+): /, 'x$1: ')}`),
    'spec:',
    '  type: LoadBalancer',
    '  selector: {app: *lbl}',
    `  ports: ${top}`,
    `  externalIPs: ${top}`,
    `  loadBalancerSourceRanges: ${top}`,
    `status: {loadBalancer: {ingress: ${top}}}`,
    '',
  ].join('\n');
}

/**
 * Thousands of aliases to a few anchors: linear to parse, but quadratic for code that resolves each alias by
 * searching the document for its anchor (yaml's `Alias.resolve` does exactly that).
 */
export function manyAliases(count: number): string {
  const ports = Array.from({ length: count }, (_, i) => `    - {name: *n${i % 2}, port: ${(i % 65535) + 1}, targetPort: *t, protocol: TCP}`);
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: aliases',
    '  annotations: {x: &n0 p, y: &n1 q, z: &t 8080}',
    'spec:',
    '  ports:',
    ...ports,
    '',
  ].join('\n');
}

export type NestingStyle = 'flow-seq' | 'flow-map' | 'block-map' | 'block-seq';

/**
 * A value nested `depth` levels deep, in one of the four collection styles, under a Service's selector. Block styles
 * indent one more column per level, so their text grows with depth squared.
 */
export function deepNesting(depth: number, style: NestingStyle): string {
  const head = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: deep\nspec:\n  selector:\n';
  switch (style) {
    case 'flow-seq':
      return `${head}    app: ${'['.repeat(depth)}x${']'.repeat(depth)}\n`;
    case 'flow-map':
      return `${head}    app: ${'{a: '.repeat(depth)}x${'}'.repeat(depth)}\n`;
    case 'block-map':
      return head + Array.from({ length: depth }, (_, i) => `${' '.repeat(4 + i)}k${i}:`).join('\n') + ' x\n';
    case 'block-seq':
      return `${head}    app:\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(4 + i * 2)}-`).join('\n')} x\n`;
  }
}

/**
 * A generated install bundle of about `characters` characters, shaped like real big files (argo-cd's install.yaml):
 * mostly large CustomResourceDefinitions, a Deployment and a Service every few documents. The first Service asks
 * for node port 80, so a check near the top of the file has something to report.
 */
export function bigBundle(characters: number): string {
  const schema = Array.from(
    { length: 60 },
    (_, i) => `            field${i}:\n              description: Generated field ${i} of a large schema, as CRDs have.\n              type: string\n`,
  ).join('');
  const crd = (i: number) =>
    `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: things${i}.example.com\nspec:\n  group: example.com\n  names: {kind: Thing${i}, plural: things${i}}\n  scope: Namespaced\n  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n        type: object\n        properties:\n          spec:\n            type: object\n            properties:\n${schema}`;
  const app = (i: number) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  selector: {matchLabels: {app: app-${i}}}\n  template:\n    metadata: {labels: {app: app-${i}}}\n    spec:\n      containers:\n      - name: app\n        image: example/app:${i}\n        ports: [{name: http, containerPort: 8080}]\n---\n` +
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: app-${i}\nspec:\n  type: ${i === 0 ? 'NodePort' : 'ClusterIP'}\n  selector: {app: app-${i}}\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n${i === 0 ? '    nodePort: 80\n' : ''}`;
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < characters; i++) {
    const part = `${i === 0 ? '' : '---\n'}${i % 4 === 0 ? app(i / 4) : crd(i)}`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}
