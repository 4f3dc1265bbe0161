/**
 * Go-faithful ports of the name/number checks in k8s.io/apimachinery that Service validation uses
 * (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go and, for label keys/values,
 * pkg/api/validate/content/kube.go). Each function returns the list of error texts exactly as the API server
 * appends them to a field error, in the same order; an empty list means valid.
 *
 * Wording follows the released 1.33/1.34 apimachinery: MaxLenError says "characters" (the newest
 * content/errors.go says "bytes") and a key with two or more '/' reads "a qualified name ..." (newer copies:
 * "a valid label key ..."). Keep these texts in one place so a future version bump is a one-file change.
 */

import type { Document, Node } from 'yaml';
import { isMap, isSeq } from 'yaml';
import { scalarValue } from '../../document/yamlNodes';

// Go's len() counts UTF-8 bytes, not UTF-16 code units: "ä" is 2 towards every length limit.
const encoder = new TextEncoder();
export function goLen(value: string): number {
  return encoder.encode(value).length;
}

export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

export function emptyError(): string {
  return 'must be non-empty';
}

export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

/** RegexError: `<msg> (e.g. 'a' or 'b', regex used for validation is '<re>')` (note the ",  or" double space Go produces). */
export function regexError(msg: string, re: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((example, i) => {
    if (i > 0) out += ' or ';
    out += `'${example}', `;
  });
  return `${out}regex used for validation is '${re}')`;
}

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
export const DNS1123_LABEL_MAX_LENGTH = 63;
const dns1123LabelRegexp = new RegExp(`^${DNS1123_LABEL_FMT}$`);

const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
const dns1123SubdomainRegexp = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
export const DNS1035_LABEL_MAX_LENGTH = 63;
const dns1035LabelRegexp = new RegExp(`^${DNS1035_LABEL_FMT}$`);

/** IsDNS1123Label: length first, then either "must not contain dots" (a valid subdomain) or the regex text. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (goLen(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!dns1123LabelRegexp.test(value)) {
    // A valid subdomain that is not a label can only differ by its dots (length was checked above).
    if (dns1123SubdomainRegexp.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (goLen(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!dns1123SubdomainRegexp.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (goLen(value) > DNS1035_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1035_LABEL_MAX_LENGTH));
  if (!dns1035LabelRegexp.test(value)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

/**
 * maskTrailingDash (apimachinery pkg/api/validation/generic.go): a generateName prefix may end in '-' because
 * random characters follow. Upstream replaces the LAST TWO characters with 'a' (a quirk kept on purpose, it decides
 * which prefixes pass); a lone "-" is left alone here, where Go would slice out of range.
 */
export function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** NameIsDNS1035Label: Service names (ValidateServiceName); `prefix` for generateName. */
export function nameIsDNS1035Label(name: string, prefix: boolean): string[] {
  return isDNS1035Label(prefix ? maskTrailingDash(name) : name);
}

/** NameIsDNSLabel: namespace names (ValidateNamespaceName). */
export function nameIsDNSLabel(name: string, prefix: boolean): string[] {
  return isDNS1123Label(prefix ? maskTrailingDash(name) : name);
}

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
export const QUALIFIED_NAME_MAX_LENGTH = 63;
const qualifiedNameRegexp = new RegExp(`^${QUALIFIED_NAME_FMT}$`);

/**
 * IsQualifiedName (= label key): `[prefix/]name`, prefix a DNS-1123 subdomain, name <= 63 characters. Note the
 * name regex text is added even after "must be non-empty" (an empty name fails the regex too), like Go does.
 */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else errs.push(...isDNS1123Subdomain(prefix).map((msg) => `prefix part ${msg}`));
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (goLen(name) > QUALIFIED_NAME_MAX_LENGTH) errs.push(`name part ${maxLenError(QUALIFIED_NAME_MAX_LENGTH)}`);
  if (!qualifiedNameRegexp.test(name)) {
    errs.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  }
  return errs;
}

const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
export const LABEL_VALUE_MAX_LENGTH = 63;
const labelValueRegexp = new RegExp(`^${LABEL_VALUE_FMT}$`);

export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (goLen(value) > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!labelValueRegexp.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

/**
 * IsValidPortName (IANA_SVC_NAME, RFC 6335 but lower-case only): every failed check is reported, so "-Ab--" earns
 * four texts. Used for named targetPorts and container port names.
 */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (goLen(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** IsValidPortNum: 1-65535. Callers decide whether 0 means "unset" (it does for v1-defaulted fields). */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

// ---------------------------------------------------------------------------------------------------------------
// What the API server's JSON decoder makes of a YAML scalar. Validation rules only judge values of the right type;
// wrong types are decode errors reported by the `valueType` rule, so these helpers say "not mine" (undefined).

/**
 * Plain scalars that sigs.k8s.io/yaml (go-yaml v2, YAML 1.1) turns into booleans although YAML 1.2 reads strings,
 * e.g. `protocol: yes`. Quoted, they stay strings.
 */
const YAML11_BOOLEANS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function isAbsent(node: Node | null | undefined, value: unknown): boolean {
  return node === null || node === undefined || value === null;
}

/**
 * The string a Go `string` field receives: null when the key is absent or null (Go's zero value ""), undefined when
 * the value is not a string for Kubernetes (number, boolean, map, list).
 */
export function decodedString(node: Node | null | undefined, doc?: Document): string | null | undefined {
  if (isMap(node) || isSeq(node)) return undefined;
  const value = scalarValue(node, doc);
  if (isAbsent(node, value)) return null;
  if (typeof value !== 'string') return undefined;
  const plain = (node as { type?: string }).type === 'PLAIN';
  return plain && YAML11_BOOLEANS.has(value) ? undefined : value;
}

/** The value an `int32` field receives: null when absent or null (zero value 0), undefined for anything that fails to decode. */
export function decodedInt32(node: Node | null | undefined, doc?: Document): number | null | undefined {
  if (isMap(node) || isSeq(node)) return undefined;
  const value = scalarValue(node, doc);
  if (isAbsent(node, value)) return null;
  return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX ? value : undefined;
}

/** An IntOrString (targetPort): a number when written as an int32, a string when written as a string. */
export function decodedIntOrString(node: Node | null | undefined, doc?: Document): number | string | null | undefined {
  const asInt = decodedInt32(node, doc);
  if (asInt !== undefined) return asInt;
  return decodedString(node, doc);
}
