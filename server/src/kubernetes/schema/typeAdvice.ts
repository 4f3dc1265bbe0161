import type { TypeMismatch } from './walk';

/**
 * The plain sentence and quick-fix data for a value of the wrong JSON type. The data says what the value must
 * become (`expected`) and, where a mechanical fix exists, the replacement: unquote a number (`number`), unquote a
 * boolean (`boolean`) or quote a scalar (`text`).
 */
export interface TypeAdvice {
  sentence: string;
  data: TypeAdviceData;
}

export interface TypeAdviceData {
  path: string;
  expected: string;
  actual: string;
  number?: number;
  boolean?: boolean;
  text?: string;
}

/** The advice of one kind of type, before the path is added. */
interface Advice {
  sentence: string;
  data: Omit<TypeAdviceData, 'path'>;
}

const BOOLEAN_WORDS = new Set(['true', 'false']);

/** How the sentence names the value's place: "`port`", or "Each entry of `spec.ports`" for list items. */
function subject(mismatch: TypeMismatch): string {
  if (mismatch.leaf !== undefined) return `\`${mismatch.leaf}\``;
  return `Each entry of \`${mismatch.path.replace(/\[\d+\]$/, '')}\``;
}

function shown(mismatch: TypeMismatch): string {
  const { view } = mismatch;
  if (view.text === undefined) return view.kind === 'array' ? 'a list' : 'a mapping';
  return view.quoted ? `\`"${view.text}"\`` : `\`${view.text}\``;
}

function forInteger(mismatch: TypeMismatch, who: string): Advice {
  const { view } = mismatch;
  const base = { expected: 'integer', actual: view.kind };
  if (mismatch.expected.kind === 'intOrString' && view.kind !== 'number') {
    return { sentence: `${who} must be a port number or a port name, not ${shown(mismatch)}.`, data: { ...base, expected: 'integer or string' } };
  }
  if (view.kind === 'number') {
    const fraction = /[.eE]/.test(view.numberText ?? '');
    const bits = mismatch.expected.kind === 'integer' ? mismatch.expected.go.slice(3) : '32';
    return { sentence: fraction ? `${who} must be a whole number.` : `${who} is out of range: it must fit in a ${bits}-bit integer.`, data: base };
  }
  if (view.kind === 'string' && view.quoted && /^-?[0-9]+$/.test(view.text ?? '')) {
    return {
      sentence: `${who} must be a number, but ${shown(mismatch)} is in quotes, which makes it a string: remove the quotes.`,
      data: { ...base, number: Number(view.text) },
    };
  }
  if (view.kind === 'bool') return { sentence: `${who} must be a number, but ${shown(mismatch)} is read as a boolean.`, data: base };
  if (view.kind === 'string') return { sentence: `${who} must be a number, not the text ${shown(mismatch)}.`, data: base };
  return { sentence: `${who} must be a single number, not ${shown(mismatch)}.`, data: base };
}

function forString(mismatch: TypeMismatch, who: string): Advice {
  const { view } = mismatch;
  const base = { expected: 'string', actual: view.kind };
  if (view.yaml11Bool) {
    return {
      sentence: `Kubernetes reads YAML 1.1, where an unquoted \`${view.yaml11Bool}\` is a boolean, not a string: write \`"${view.yaml11Bool}"\`.`,
      data: { ...base, text: view.yaml11Bool },
    };
  }
  if (mismatch.expected.kind === 'time') {
    return { sentence: `${who} must be an RFC 3339 timestamp such as \`2024-01-01T00:00:00Z\`, or null, not ${shown(mismatch)}.`, data: base };
  }
  // Quoting only helps free-form strings; an enum-like type (`v1.ServiceType`) needs one of its values instead.
  if ((view.kind === 'bool' || view.kind === 'number') && mismatch.expected.kind === 'string' && mismatch.expected.go !== 'string') {
    return { sentence: `${who} must be a string, not the ${view.kind === 'bool' ? 'boolean' : 'number'} ${shown(mismatch)}.`, data: base };
  }
  if (view.kind === 'bool' || view.kind === 'number') {
    return {
      sentence: `${who} must be a string, but ${shown(mismatch)} is a ${view.kind === 'bool' ? 'boolean' : 'number'}: quote it (\`"${view.text}"\`).`,
      data: { ...base, text: view.text },
    };
  }
  return { sentence: `${who} must be a single string, not ${shown(mismatch)}.`, data: base };
}

function forBoolean(mismatch: TypeMismatch, who: string): Advice {
  const { view } = mismatch;
  const base = { expected: 'boolean', actual: view.kind };
  if (view.kind === 'string' && view.quoted && BOOLEAN_WORDS.has(view.text ?? '')) {
    return {
      sentence: `${who} must be true or false, but ${shown(mismatch)} is in quotes, which makes it a string: remove the quotes.`,
      data: { ...base, boolean: view.text === 'true' },
    };
  }
  return { sentence: `${who} must be true or false, not ${shown(mismatch)}.`, data: base };
}

function forCollection(mismatch: TypeMismatch, who: string): Advice {
  const { view, expected } = mismatch;
  if (expected.kind === 'list') {
    const how = view.kind === 'object' ? 'start each entry with `- `' : 'put each entry on its own line, starting with `- `';
    return { sentence: `${who} must be a list: ${how}.`, data: { expected: 'list', actual: view.kind } };
  }
  const what = expected.kind === 'stringMap' ? 'a mapping of `key: value` pairs' : 'a mapping of fields';
  const how = view.kind === 'array' ? 'remove the `- ` in front of its entries' : 'write each entry as an indented `key: value` line';
  if (expected.kind === 'struct' && /\[\d+\]$/.test(mismatch.path) && mismatch.path.startsWith('spec.ports')) {
    return { sentence: `${who} must be ${what} such as \`- port: 80\`, not ${shown(mismatch)}.`, data: { expected: 'mapping', actual: view.kind } };
  }
  return { sentence: `${who} must be ${what}, not ${shown(mismatch)}: ${how}.`, data: { expected: 'mapping', actual: view.kind } };
}

export function typeAdvice(mismatch: TypeMismatch): TypeAdvice {
  const who = subject(mismatch);
  let advice: Advice;
  switch (mismatch.expected.kind) {
    case 'integer':
    case 'intOrString':
      advice = forInteger(mismatch, who);
      break;
    case 'string':
    case 'time':
      advice = forString(mismatch, who);
      break;
    case 'bool':
      advice = forBoolean(mismatch, who);
      break;
    default:
      advice = forCollection(mismatch, who);
  }
  return { sentence: advice.sentence, data: { path: mismatch.path, ...advice.data } };
}
