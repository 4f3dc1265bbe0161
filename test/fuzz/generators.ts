import fc from 'fast-check';
import { stringify } from 'yaml';
import { seedFiles } from './corpus';
import { aliasBomb, deepNesting, manyAliases } from './hostile';
import { applyMutation, mutationArb } from './mutations';

/** One fuzz input: the text, plus offsets (taken modulo the text length) where hovers and requests are probed. */
export interface FuzzInput {
  /** Which generator made it, for statistics and reports. */
  source: string;
  text: string;
  probes: number[];
}

const PORT_VALUES = fc.oneof(
  fc.integer({ min: -2, max: 70000 }),
  fc.constantFrom(0, 80, 443, 8080, 30000, 30080, 32767, 32768, 65535, 65536),
  fc.constantFrom('80', 'http', 'HTTP', '', 'a-very-long-port-name', '0x1F', '1e3', '08080', null, true),
);
const TYPE_VALUES = fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'nodeport', '', null, 7, 'Headless');
const NAME_VALUES = fc.oneof(fc.constantFrom('web', 'Web', '1web', '-', '', 'a'.repeat(70), 'web.svc', null), fc.string({ maxLength: 12 }));
const LABELS = fc.dictionary(
  fc.constantFrom('app', 'tier', 'app.kubernetes.io/name', 'bad key', ''),
  fc.oneof(fc.constantFrom('web', 'db', ''), fc.string({ maxLength: 8 })),
  { maxKeys: 3 },
);

const servicePort = fc.record(
  { name: NAME_VALUES, port: PORT_VALUES, targetPort: PORT_VALUES, nodePort: PORT_VALUES, protocol: fc.constantFrom('TCP', 'UDP', 'SCTP', 'tcp', 'HTTP', '') },
  { requiredKeys: [] },
);

/** Service-shaped objects with a mix of valid and invalid values, so most rules and fixes get exercised. */
const service = fc.record(
  {
    apiVersion: fc.constantFrom('v1', 'v1', 'v2', 'serving.knative.dev/v1'),
    kind: fc.constantFrom('Service', 'Service', 'service', 'List'),
    metadata: fc.record({ name: NAME_VALUES, namespace: fc.constantFrom('default', 'Bad_NS', ''), labels: LABELS, annotations: LABELS }, { requiredKeys: [] }),
    spec: fc.record(
      {
        type: TYPE_VALUES,
        selector: fc.oneof(LABELS, fc.constant(null), fc.constant([])),
        ports: fc.oneof(fc.array(servicePort, { maxLength: 4 }), fc.constant(null), fc.constant('80')),
        clusterIP: fc.constantFrom('None', '10.0.0.1', '010.0.0.1', '::ffff:1.2.3.4', 'bad', ''),
        externalTrafficPolicy: fc.constantFrom('Local', 'Cluster', 'local'),
        externalName: fc.constantFrom('db.example.com', 'http://x', ''),
        sessionAffinity: fc.constantFrom('ClientIP', 'None', 'clientip'),
        loadBalancerSourceRanges: fc.array(fc.constantFrom('10.0.0.0/8', '10.0.0.1/8', 'x'), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['kind'] },
);

const deployment = fc.record({
  apiVersion: fc.constantFrom('apps/v1', 'v1'),
  kind: fc.constantFrom('Deployment', 'Pod', 'StatefulSet', 'DaemonSet'),
  metadata: fc.record({ name: NAME_VALUES }),
  spec: fc.record({
    replicas: fc.oneof(fc.nat(5), fc.constant('2')),
    template: fc.record({
      metadata: fc.record({ labels: LABELS }),
      spec: fc.record({
        containers: fc.array(
          fc.record({ name: NAME_VALUES, ports: fc.array(fc.record({ name: NAME_VALUES, containerPort: PORT_VALUES }), { maxLength: 2 }) }),
          { maxLength: 2 },
        ),
      }),
    }),
  }),
});

const STYLES = fc.record({
  indent: fc.constantFrom(2, 4),
  collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE') as fc.Arbitrary<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'>,
  json: fc.boolean(),
});

/** Manifests: one or more generated objects, written as block, flow or JSON-style YAML. */
const manifests = fc
  .tuple(fc.array(fc.oneof(service, service, deployment), { minLength: 1, maxLength: 4 }), STYLES)
  .map(([objects, style]) =>
    objects.map((object) => (style.json ? JSON.stringify(object, null, style.indent) + '\n' : stringify(object, style))).join('---\n'),
  );

/** Arbitrary YAML values (any shape, any keys), mostly not Kubernetes at all. */
const anyYaml = fc.tuple(fc.jsonValue({ maxDepth: 4 }), STYLES).map(([value, style]) => stringify(value, style));

/** Short texts over the characters that carry YAML syntax, so the tokenizer's odd paths are reached. */
const YAML_CHARS = [...'-:{}[],&*!|>\'"#%@` \t\n\r\\?.~<$'].concat([
  '\n',
  '\n',
  '  ',
  'a',
  'k: ',
  '- ',
  '---\n',
  '...\n',
  '\uFEFF',
  '\u00e9',
  '\ud83d\ude80',
  '\ud800',
  '\u0000',
]);
const rawText = fc.array(fc.oneof(fc.constantFrom(...YAML_CHARS), fc.string({ maxLength: 3 })), { maxLength: 200 }).map((parts) => parts.join(''));

const seedIndex = () => fc.nat({ max: Math.max(0, seedFiles().length - 1) });

/** A real file with 1-6 random edits: deleted/duplicated lines, indentation, swapped scalars, random bytes... */
const mutatedSeed = fc.tuple(seedIndex(), fc.array(mutationArb, { minLength: 1, maxLength: 6 })).map(([index, mutations]) => {
  const seed = seedFiles()[index];
  return { name: seed?.name ?? '(none)', text: mutations.reduce((text, mutation) => applyMutation(text, mutation), seed?.text ?? '') };
});

/** YAML that attacks resources: alias bombs and deep nesting of every style, at random sizes. */
const hostile = fc.oneof(
  fc
    .record({ depth: fc.integer({ min: 1, max: 12 }), fanout: fc.integer({ min: 2, max: 12 }), inService: fc.boolean() })
    .map((o) => aliasBomb(o.depth, o.fanout, o.inService)),
  // Beyond ~1,500 ports, fix-all over thousands of findings in one object is itself quadratic (see docs/robustness.md).
  fc.integer({ min: 1, max: 1500 }).map(manyAliases),
  fc
    .record({
      depth: fc.integer({ min: 1, max: 30000 }),
      style: fc.constantFrom('flow-seq', 'flow-map', 'block-map', 'block-seq') as fc.Arbitrary<Parameters<typeof deepNesting>[1]>,
    })
    .map((o) => deepNesting(o.style.startsWith('block') ? Math.min(o.depth, 400) : o.depth, o.style)),
);

const probes = fc.array(fc.nat(), { minLength: 3, maxLength: 3 });

/** Wrappers any input may get: a BOM, CRLF line ends, an explicit document end. */
const wrap = fc.record({ bom: fc.boolean(), crlf: fc.boolean(), end: fc.boolean() }).map((w) => (text: string) => {
  let out = w.crlf ? text.replace(/\r?\n/g, '\r\n') : text;
  if (w.end) out += w.crlf ? '...\r\n' : '...\n';
  return w.bom ? `\uFEFF${out}` : out;
});

const labelled = (source: string, texts: fc.Arbitrary<string>) => texts.map((text) => ({ source, text }));

export const fuzzInput: fc.Arbitrary<FuzzInput> = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: mutatedSeed.map((m) => ({ source: `mutated ${m.name}`, text: m.text })) },
      { weight: 3, arbitrary: labelled('generated manifest', manifests) },
      { weight: 1, arbitrary: labelled('generated yaml', anyYaml) },
      { weight: 1, arbitrary: labelled('raw text', rawText) },
      { weight: 1, arbitrary: labelled('hostile', hostile) },
    ),
    wrap,
    probes,
  )
  .map(([input, wrapper, offsets]) => ({ source: input.source, text: wrapper(input.text), probes: offsets }));
