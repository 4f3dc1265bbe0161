/**
 * Formats errors the way kube-apiserver prints a field.Error
 * (staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go): `<path>: <Type>: <value>: <detail>`.
 * Required, Forbidden, TooLong and InternalError print no value.
 */

/** Go's %q-style rendering of the value the API server echoes back. */
export function goValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[]string{${value.map((v) => JSON.stringify(String(v))).join(', ')}}`;
  if (value === null || value === undefined) return '<nil>';
  return JSON.stringify(value);
}

export const apiError = {
  required: (path: string, detail?: string) => `${path}: Required value${detail ? `: ${detail}` : ''}`,
  forbidden: (path: string, detail: string) => `${path}: Forbidden: ${detail}`,
  invalid: (path: string, value: unknown, detail: string) => `${path}: Invalid value: ${goValue(value)}: ${detail}`,
  duplicate: (path: string, value: unknown) => `${path}: Duplicate value: ${goValue(value)}`,
  unsupported: (path: string, value: unknown, supported: readonly string[]) =>
    `${path}: Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
  tooLong: (path: string, max: number) => `${path}: Too long: must have at most ${max} bytes`,
};

/**
 * A validation error as a rule reports it: where it is written, the API server's text plus advice, and data for fixes
 * (left out only when the Data type admits undefined).
 */
export type FieldProblem<Data> = {
  span: { start: number; end: number };
  message: string;
} & (undefined extends Data ? { data?: Data } : { data: Data });
