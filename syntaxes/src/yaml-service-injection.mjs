// Source of syntaxes/kubernetes-service.injection.tmLanguage.json (run `node syntaxes/src/build.mjs`).
//
// An injection into YAML (`source.yaml`) that adds Kubernetes-specific scopes to a few tokens of
// Service manifests. It never defines YAML itself and stays conservative, because a TextMate
// grammar has no idea which `kind` a document is or where in the object tree a line sits:
//
//  * `type:` values: only the four Service types (ClusterIP, NodePort, LoadBalancer,
//    ExternalName), exact spelling, plain or quoted. `type: Opaque` (Secret) or
//    `type: RollingUpdate` (Deployment strategy) stay plain YAML strings.
//  * `protocol:` values: only TCP, UDP and SCTP, exact (upper-case) spelling, plain or quoted.
//  * port keys: `port`, `targetPort`, `nodePort`, `containerPort`, plain keys only, and only when
//    the value on the same line looks like a port (a 1-5 digit number; for `targetPort` also an
//    IANA service name such as `http`). So `port:` that opens a nested mapping (Ingress
//    `port: {number: 80}` / `port:` + `number: 80` on the next line), template expressions
//    (`port: {{ .Values.port }}`) and empty values are left alone.
//
// Matching is done on the raw line with look-behinds/look-aheads, and only the value (or only the
// key) is consumed, so the base YAML grammar keeps tokenising the structure (keys, `:`, comments,
// flow punctuation) itself. The tokens we do consume get the scopes the base grammar would have
// given them (string.unquoted.plain.out/in.yaml, string.quoted.*.yaml with punctuation,
// entity.name.tag.yaml), plus our more specific scope innermost, so themes that do not know ours
// colour them exactly as before.
//
// The selector excludes comments and strings (block scalars, quoted strings the base grammar has
// already entered), so `# type: NodePort` or a ConfigMap's `|` block containing `port: 80` is never
// touched. Besides YAML files, the injection also applies inside ```yaml fences of Markdown
// (`meta.embedded.block.yaml`); package.json injects it into both scopes.
//
// Works with both YAML grammars VS Code users get: the built-in one of VS Code >= 1.95
// (RedCMD/YAML-Syntax-Highlighter) and textmate/yaml.tmbundle (VS Code <= 1.94, and the Red Hat YAML
// extension, which contributes it). The tests run every assertion against both.
//
// Performance: injection patterns are tried at every position of every YAML line. Oniguruma
// (vscode-oniguruma 1.7, as in VS Code) supports variable-length look-behinds, but an unbounded one
// rescans the line back to its start at each position, which made a 40 000-character flow line take
// minutes. Every look-behind here is bounded (at most ~60 characters back).

const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

// What may stand right before a key. Only one character is looked at (or the start of the line):
// variable-length look-behinds are cheap only while they are short, and this grammar is tried at
// every position of every YAML line, so all look-behinds here have small bounds (a long flow line
// must not turn quadratic).
//  block: start of line, or white space (indentation, `- ` sequence entries)
//  flow:  `{` or `,` (optionally followed by white space)
// A `type: NodePort` that is not a key cannot reach these rules: inside plain multi-line scalars,
// quoted strings, block scalars and comments the base grammar has already opened a `string` or
// `comment` scope, and the injection selector excludes those.
const BLOCK_KEY_PREFIX = String.raw`(?:^|[ \t])`;
const FLOW_KEY_PREFIX = String.raw`[{,][ \t]{0,8}`;

// A plain key `k`, or a quoted key ("k" / 'k'), and the `:` separator plus the space YAML needs
// between it and a plain value. A JSON-like (quoted) key may be followed by the value directly.
// Bounded white space: see above.
const keyAndColon = (k) => String.raw`(?:${k}[ \t]{0,8}:[ \t]{1,40}|(?:"${k}"|'${k}')[ \t]{0,8}:[ \t]{0,40})`;

// Where a value must end for us to scope it.
//  block: end of line, or a comment (`#` after white space)
//  flow:  additionally `,` `}` `]`
const BLOCK_END_BODY = String.raw`[ \t]*$|[ \t]+#`;
const FLOW_END_BODY = String.raw`[ \t]*(?:[,}\]]|$)|[ \t]+#`;
const BLOCK_END = `(?=${BLOCK_END_BODY})`;
const FLOW_END = `(?=${FLOW_END_BODY})`;
const QUOTED_END = String.raw`(?=[ \t]*(?:$|#|[,}\]]))`;

const alt = (xs) => `(?:${xs.join('|')})`;

/**
 * Rules scoping the value of `key` when it is one of `values`: plain (block or flow context),
 * double-quoted or single-quoted.
 */
function enumValueRules(ruleName, key, values, scope) {
  const v = alt(values);
  const behindBlock = `(?<=${BLOCK_KEY_PREFIX}${keyAndColon(key)})`;
  const behindFlow = `(?<=${FLOW_KEY_PREFIX}${keyAndColon(key)})`;
  const behindAny = `(?<=(?:${BLOCK_KEY_PREFIX}|${FLOW_KEY_PREFIX})${keyAndColon(key)})`;
  return {
    [`${ruleName}-plain-block`]: {
      comment: `Plain \`${key}:\` value in block context, e.g. \`${key}: ${values[0]}\``,
      match: `${behindBlock}${v}${BLOCK_END}`,
      name: `string.unquoted.plain.out.yaml ${scope}`,
    },
    [`${ruleName}-plain-flow`]: {
      comment: `Plain \`${key}:\` value in a flow mapping, e.g. \`{${key}: ${values[0]}}\``,
      match: `${behindFlow}${v}${FLOW_END}`,
      name: `string.unquoted.plain.in.yaml ${scope}`,
    },
    [`${ruleName}-double-quoted`]: {
      comment: `\`${key}: "${values[0]}"\``,
      match: `${behindAny}(")(${v})(")${QUOTED_END}`,
      name: 'string.quoted.double.yaml',
      captures: {
        1: { name: 'punctuation.definition.string.begin.yaml' },
        2: { name: scope },
        3: { name: 'punctuation.definition.string.end.yaml' },
      },
    },
    [`${ruleName}-single-quoted`]: {
      comment: `\`${key}: '${values[0]}'\``,
      match: `${behindAny}(')(${v})(')${QUOTED_END}`,
      name: 'string.quoted.single.yaml',
      captures: {
        1: { name: 'punctuation.definition.string.begin.yaml' },
        2: { name: scope },
        3: { name: 'punctuation.definition.string.end.yaml' },
      },
    },
  };
}

// A port value as it can appear after the key on the same line.
const NUMBER = String.raw`[0-9]{1,5}`;
// IANA_SVC_NAME: 1-15 chars of [a-z0-9-], at least one letter, no leading/trailing/double '-'.
const IANA_NAME = String.raw`(?=[a-z0-9-]{1,15}(?![a-z0-9-]))(?=[0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*`;
const quotedOrPlain = (v) => `(?:${v}|"${v}"|'${v}')`;

function portKeyRule(keys, value, comment) {
  const k = alt(keys);
  return {
    comment,
    patterns: [
      {
        comment: 'block context: `port: 80`, `- containerPort: 8080 # http`',
        match: `(?<=${BLOCK_KEY_PREFIX})${k}(?=[ \\t]{0,8}:[ \\t]+${quotedOrPlain(value)}(?:${BLOCK_END_BODY}))`,
        name: 'entity.name.tag.yaml support.type.property-name.port.kubernetes',
      },
      {
        comment: 'flow context: `{port: 80, protocol: TCP}`',
        match: `(?<=${FLOW_KEY_PREFIX})${k}(?=[ \\t]{0,8}:[ \\t]+${quotedOrPlain(value)}(?:${FLOW_END_BODY}))`,
        name: 'entity.name.tag.yaml support.type.property-name.port.kubernetes',
      },
    ],
  };
}

export const scopeName = 'kube-service-lens.yaml-service.injection';

export function grammar() {
  const repository = {
    ...enumValueRules('service-type', 'type', SERVICE_TYPES, 'variable.other.enummember.service-type.kubernetes'),
    ...enumValueRules('protocol', 'protocol', PROTOCOLS, 'variable.other.enummember.protocol.kubernetes'),
    'port-key-number': portKeyRule(
      ['port', 'nodePort', 'containerPort'],
      NUMBER,
      '`port`, `nodePort`, `containerPort` followed by a port number on the same line',
    ),
    'port-key-target': portKeyRule(['targetPort'], `(?:${NUMBER}|${IANA_NAME})`, '`targetPort` followed by a port number or a named container port'),
  };
  return {
    $schema: 'https://json.schemastore.org/tmlanguage.json',
    name: 'Kubernetes Service (YAML injection, Kubernetes Service Lens)',
    scopeName,
    comment:
      'Injected into source.yaml by the Kubernetes Service Lens extension. Generated from syntaxes/src/yaml-service-injection.mjs: edit that file and run `node syntaxes/src/build.mjs`. See docs/grammars.md.',
    // YAML files, and ```yaml fences in Markdown (package.json injects into both).
    injectionSelector: 'L:source.yaml -comment -string, L:text.html.markdown meta.embedded.block.yaml -comment -string',
    patterns: Object.keys(repository).map((k) => ({ include: `#${k}` })),
    repository,
  };
}
