import fc from 'fast-check';

/**
 * Edits a user (or a broken tool) makes to a manifest. Positions are free naturals, taken modulo the line count
 * or text length when applied, so every mutation fits every text and shrinks well.
 */
export type Mutation =
  | { kind: 'delete-line' | 'duplicate-line' | 'truncate'; at: number }
  | { kind: 'indent'; at: number; delta: number }
  | { kind: 'tab-indent'; at: number }
  | { kind: 'swap-scalars'; a: number; b: number }
  | { kind: 'replace-number'; at: number; value: number }
  | { kind: 'bytes'; at: number; bytes: number[]; utf8: boolean }
  | { kind: 'unicode'; at: number; text: string }
  | { kind: 'snippet'; at: number; snippet: string };

/** Line-start insertions that switch the YAML parser (and our special cases) into rarely used paths. */
export const SNIPPETS = [
  '---',
  '--- ',
  '...',
  '%YAML 1.1',
  '%TAG ! tag:example.com,2000:',
  '<<: *base',
  'base: &base {type: NodePort, nodePort: 80}',
  '$patch: delete',
  '$patch: replace',
  '{{ .Values.service.type }}',
  '{{- if .Values.enabled }}',
  '{{- end }}',
  '? complex key',
  ': value',
  '- ',
  '&anchor',
  '*anchor',
  '!!binary |',
  '!custom',
  '"unterminated',
  "'unterminated",
  '|',
  '>-',
  '#',
  'kind: Service',
  'apiVersion: v1',
  'spec:',
  '  ports:',
  '  - port: 80',
  '    nodePort: 80',
  '  type: NodePort',
  'items:',
  'kind: List',
  '\t',
  '\r',
  '\u2028',
  '\uFEFF',
  'k: "\ud83d\ude80\u00e9\u0301"',
  'k: \ud83d\ude80',
  'k: \udc00',
];

const at = fc.nat();

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-line', 'duplicate-line', 'truncate') as fc.Arbitrary<'delete-line' | 'duplicate-line' | 'truncate'>, at }),
  fc.record({ kind: fc.constant('indent' as const), at, delta: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('tab-indent' as const), at }),
  fc.record({ kind: fc.constant('swap-scalars' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant('replace-number' as const),
    at,
    value: fc.oneof(fc.integer({ min: -70000, max: 70000 }), fc.constantFrom(0, 80, 30000, 32767, 32768, 65536)),
  }),
  fc.record({ kind: fc.constant('bytes' as const), at, bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 8 }), utf8: fc.boolean() }),
  fc.record({ kind: fc.constant('unicode' as const), at, text: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('snippet' as const), at, snippet: fc.constantFrom(...SNIPPETS) }),
);

/** Values after `key: ` on a line: what a user swaps by mistake (a port for a name, a type for a protocol). */
const SCALAR = /(?<=:[ \t]+)[^\s#{}[\],&*!|>][^\n#]*?(?=[ \t]*(?:#|\r?$))/gm;

/** Random bytes as an editor would show them: decoded as UTF-8 (invalid sequences become U+FFFD) or as Latin-1. */
function decodeBytes(bytes: number[], utf8: boolean): string {
  return utf8 ? new TextDecoder('utf-8').decode(Uint8Array.from(bytes)) : String.fromCharCode(...bytes);
}

export function applyMutation(text: string, mutation: Mutation): string {
  const lines = text.split('\n');
  const line = (n: number) => n % Math.max(1, lines.length);
  switch (mutation.kind) {
    case 'delete-line':
      lines.splice(line(mutation.at), 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(line(mutation.at), 0, lines[line(mutation.at)] ?? '');
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, mutation.at % (text.length + 1));
    case 'indent': {
      const i = line(mutation.at);
      const current = lines[i] ?? '';
      lines[i] = mutation.delta >= 0 ? ' '.repeat(mutation.delta) + current : current.replace(new RegExp(`^ {0,${-mutation.delta}}`), '');
      return lines.join('\n');
    }
    case 'tab-indent': {
      const i = line(mutation.at);
      lines[i] = (lines[i] ?? '').replace(/^( +)/, (spaces) => '\t'.repeat(Math.max(1, spaces.length >> 1)));
      return lines.join('\n');
    }
    case 'swap-scalars': {
      const matches = [...text.matchAll(SCALAR)];
      if (matches.length < 2) return text;
      const [x, y] = [matches[mutation.a % matches.length], matches[mutation.b % matches.length]].sort((p, q) => (p.index ?? 0) - (q.index ?? 0));
      if (x.index === y.index) return text;
      const xi = x.index ?? 0;
      const yi = y.index ?? 0;
      return text.slice(0, xi) + y[0] + text.slice(xi + x[0].length, yi) + x[0] + text.slice(yi + y[0].length);
    }
    case 'replace-number': {
      const numbers = [...text.matchAll(/\b\d+\b/g)];
      if (numbers.length === 0) return text;
      const target = numbers[mutation.at % numbers.length];
      const index = target.index ?? 0;
      return text.slice(0, index) + String(mutation.value) + text.slice(index + target[0].length);
    }
    case 'bytes':
    case 'unicode': {
      const offset = mutation.at % (text.length + 1);
      const inserted = mutation.kind === 'bytes' ? decodeBytes(mutation.bytes, mutation.utf8) : mutation.text;
      return text.slice(0, offset) + inserted + text.slice(offset);
    }
    case 'snippet': {
      const i = line(mutation.at) + (mutation.at % 2);
      lines.splice(Math.min(i, lines.length), 0, mutation.snippet);
      return lines.join('\n');
    }
  }
}
