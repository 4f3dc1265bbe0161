import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import { resolveAlias } from './aliases';

/**
 * What kube-apiserver receives for a YAML node. kubectl converts YAML to JSON with sigs.k8s.io/yaml, which
 * resolves plain scalars with its go-yaml v2 fork (goyaml.v2/resolve.go), i.e. YAML 1.1 rules: `yes`/`no`/`on`/
 * `off`/`y`/`n` are booleans, `1_000` and `0b101` are integers and `0777` is octal. The `yaml` package we parse
 * with follows YAML 1.2, where all of those are strings or other numbers, so types are re-resolved here.
 */
export type JsonKind = 'null' | 'bool' | 'number' | 'string' | 'array' | 'object' | 'unencodable';

export interface JsonView {
  kind: JsonKind;
  /** For numbers: the JSON text the API server parses (`80`, `30080.5`, `1e+21`). */
  numberText?: string;
  /** For booleans written in a YAML 1.1-only spelling (`yes`, `off`, ...): the text as written. */
  yaml11Bool?: string;
  /** For scalars: the text as written, without quotes. */
  text?: string;
  quoted: boolean;
}

const TRUE = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'];
const FALSE = ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'];
const YAML12_BOOLS = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'];
const NULLS = ['', '~', 'null', 'Null', 'NULL'];
const SPECIAL_FLOATS = ['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'];
// goyaml.v2 yamlStyleFloat.
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DIGITS: Record<number, RegExp> = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ };
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt(s, 0, 64) syntax (sign, 0x/0o/0b/leading-0 prefixes); undefined when not an integer. */
function goInteger(s: string): bigint | undefined {
  let rest = s;
  let negative = false;
  if (rest.startsWith('+') || rest.startsWith('-')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  let base = 10;
  const prefix = rest.slice(0, 2).toLowerCase();
  if (prefix === '0x') base = 16;
  else if (prefix === '0o') base = 8;
  else if (prefix === '0b') base = 2;
  if (base !== 10) rest = rest.slice(2);
  else if (rest.length > 1 && rest.startsWith('0')) base = 8;
  if (!DIGITS[base].test(rest)) return undefined;
  const magnitude = [...rest].reduce((acc, digit) => acc * BigInt(base) + BigInt(parseInt(digit, base)), 0n);
  return negative ? -magnitude : magnitude;
}

/** goyaml.v2 `resolve("", text)` for a plain scalar, as the JSON kubectl sends. */
export function resolvePlain(text: string): Pick<JsonView, 'kind' | 'numberText' | 'yaml11Bool'> {
  // Most plain scalars are words such as field names; every null, bool and special float spelling is at most five
  // characters long, and a number never starts with a letter.
  if (text.length > 5 && isLetter(text.charCodeAt(0))) return { kind: 'string' };
  if (NULLS.includes(text)) return { kind: 'null' };
  if (TRUE.includes(text) || FALSE.includes(text)) {
    return YAML12_BOOLS.includes(text) ? { kind: 'bool' } : { kind: 'bool', yaml11Bool: text };
  }
  // NaN and infinities cannot be encoded as JSON at all: kubectl fails before the API server sees a type.
  if (SPECIAL_FLOATS.includes(text)) return { kind: 'unencodable' };
  const first = text[0];
  if (first === '.') {
    return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text) ? { kind: 'number', numberText: String(Number(text)) } : { kind: 'string' };
  }
  if (!/[-+0-9]/.test(first)) return { kind: 'string' };
  const plain = text.replace(/_/g, '');
  const integer = goInteger(plain);
  if (integer !== undefined && (integer <= INT64_MAX ? integer >= -INT64_MAX - 1n : integer <= UINT64_MAX)) {
    return { kind: 'number', numberText: integer.toString() };
  }
  // Encoded by Go's json as the shortest round-trip decimal, which is what JavaScript prints too.
  if (YAML_STYLE_FLOAT.test(plain)) return { kind: 'number', numberText: String(Number(plain)) };
  // Out of 64-bit range but well-formed: goyaml.v2 falls back to big.Int.
  if (integer !== undefined) return { kind: 'number', numberText: integer.toString() };
  return { kind: 'string' };
}

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

const TAGS: Record<string, JsonKind> = {
  'tag:yaml.org,2002:str': 'string',
  'tag:yaml.org,2002:bool': 'bool',
  'tag:yaml.org,2002:null': 'null',
  'tag:yaml.org,2002:int': 'number',
  'tag:yaml.org,2002:float': 'number',
};

function scalarView(node: Scalar): JsonView {
  const text = typeof node.source === 'string' ? node.source : String(node.value ?? '');
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const tagged = node.tag ? TAGS[node.tag] : undefined;
  if (tagged) {
    const numberText = tagged === 'number' && typeof node.value === 'number' ? String(node.value) : undefined;
    return { kind: tagged === 'number' && numberText === undefined ? 'string' : tagged, numberText, text, quoted };
  }
  if (quoted || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' || node.tag) return { kind: 'string', text, quoted };
  // Every value of every object is decoded on open; a plain value's view depends on its text alone.
  let view = plainViews.get(text);
  if (!view) {
    if (plainViews.size >= MAX_PLAIN_VIEWS) plainViews.clear();
    plainViews.set(text, (view = Object.freeze({ ...resolvePlain(text), text, quoted: false })));
  }
  return view;
}

const plainViews = new Map<string, Readonly<JsonView>>();
const MAX_PLAIN_VIEWS = 50_000;

/** The JSON value kube-apiserver sees for a node; aliases are followed, a missing value is null. */
export function jsonView(node: Node | null | undefined, doc: Document): JsonView {
  const target = isAlias(node) ? resolveAlias(node, doc) : node;
  if (isMap(target)) return { kind: 'object', quoted: false };
  if (isSeq(target)) return { kind: 'array', quoted: false };
  if (isScalar(target)) return scalarView(target);
  return { kind: 'null', quoted: false };
}

/** The map key sigs.k8s.io/yaml produces: non-string keys are formatted (`on:` becomes "true", `80:` "80"). */
export function jsonKey(node: unknown): string | undefined {
  if (!isScalar(node) || (node.value !== null && typeof node.value === 'object')) return undefined;
  // scalarView remembers plain spellings, so the keys of every mapping, asked for by several rules, cost a lookup.
  const view = scalarView(node);
  if (view.kind === 'bool') return TRUE.includes(view.text ?? '') ? 'true' : 'false';
  if (view.kind === 'number') return view.numberText;
  if (view.kind === 'null') return 'null';
  return view.quoted ? String(node.value) : view.text;
}
