/**
 * Value sets as Helm's `--set` reads them (helm/pkg/strvals/parser.go): `a.b=c` assignments separated by commas, with
 * `\` escaping a separator, `name[0]` indexing a list and `{x,y}` a list value. Only what tracing needs: which keys a
 * value set assigns and to what, so that a rendered value can be traced back to the assignment that made it.
 */

/** One segment of a values path: a map key or a list index. */
export type ValuesPath = ReadonlyArray<string | number>;

export interface Assignment {
  path: ValuesPath;
  value: unknown;
  /** The assignment as written (`server.service.nodePort=9090`), for messages. */
  text: string;
}

/**
 * The assignments of one `--set` argument, in order (a later one wins). Undefined when the text is not one Helm
 * would accept in the same way (no `=`, an unbalanced `{`): then nothing is traced through it rather than guessed.
 */
export function parseValueSet(text: string): Assignment[] | undefined {
  const assignments: Assignment[] = [];
  for (const part of splitUnescaped(text, ',', true)) {
    if (part.trim() === '') continue;
    const equals = indexOfUnescaped(part, '=');
    if (equals <= 0) return undefined;
    const path = parseKey(part.slice(0, equals));
    const raw = part.slice(equals + 1);
    if (!path) return undefined;
    const value = raw.startsWith('{') ? parseList(raw) : typedValue(unescape(raw));
    if (value === undefined) return undefined;
    assignments.push({ path, value, text: part });
  }
  return assignments;
}

/**
 * strvals typedVal: `true`/`false`/`null` (any case) are a boolean and null, digits not starting with 0 an int64, `0`
 * zero, anything else a string (so `08080` stays a string).
 */
export function typedValue(text: string): unknown {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (text === '0') return 0;
  if (/^[+-]?[1-9][0-9]*$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  return text;
}

/** `{a,b}` as a list of typed values; undefined when the braces do not close at the end. */
function parseList(raw: string): unknown[] | undefined {
  if (!raw.endsWith('}')) return undefined;
  const inner = raw.slice(1, -1);
  return inner === '' ? [] : splitUnescaped(inner, ',', false).map((item) => typedValue(unescape(item)));
}

/** `a.b\.c[0]` as ['a', 'b.c', 0]; undefined for a malformed index. */
function parseKey(key: string): ValuesPath | undefined {
  const path: Array<string | number> = [];
  for (const dotted of splitUnescaped(key, '.', false)) {
    const match = /^((?:[^[\\]|\\.)*)((?:\[\d+\])*)$/.exec(dotted);
    if (!match || match[1] === '') return undefined;
    path.push(unescape(match[1]));
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

/** Splits at `separator` unless escaped; with `braces`, not inside a `{...}` list value either. */
function splitUnescaped(text: string, separator: string, braces: boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (braces && char === '{') depth++;
    else if (braces && char === '}') depth = Math.max(0, depth - 1);
    else if (char === separator && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

function indexOfUnescaped(text: string, char: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === char) return i;
  }
  return -1;
}

const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

/** A path written the way `--set` and `--set-json` read it: dots and separators in keys escaped, indices in brackets. */
export function formatSetPath(path: ValuesPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += (out === '' ? '' : '.') + segment.replace(/[\\.,=[\]]/g, (char) => `\\${char}`);
  }
  return out;
}
