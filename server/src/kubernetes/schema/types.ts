/**
 * The shape of a Kubernetes object as kube-apiserver decodes it: every field's JSON type plus the Go type name
 * that the decoder prints in `json: cannot unmarshal ... of type <Go type>` errors. Schemas are plain data so
 * tests can check them against the Kubernetes API reference field by field.
 */

export interface StructType {
  kind: 'struct';
  /** The Go struct name, printed as `Go struct field <name>.<path>` for errors on its fields. */
  name: string;
  /** The Go type as `reflect.Type.String()` prints it, e.g. `v1.ServiceSpec`. */
  go: string;
  fields: Readonly<Record<string, FieldType>>;
  /** Fields the API once had and has since dropped, with the release that dropped them: unknown today. */
  removed?: Readonly<Record<string, string>>;
}

export type FieldType =
  /** A Go string or named string type (`v1.ServiceType`, `types.UID`). */
  | { kind: 'string'; go: string }
  | { kind: 'integer'; go: 'int32' | 'int64' }
  | { kind: 'bool' }
  /** intstr.IntOrString: a JSON string, or a number decoded into its int32 half. */
  | { kind: 'intOrString' }
  /** metav1.Time: its UnmarshalJSON reads a JSON string (or null) into a Go string first. */
  | { kind: 'time' }
  /** map[string]string (labels, annotations, selector). */
  | { kind: 'stringMap' }
  | { kind: 'list'; go: string; items: FieldType }
  /** Any JSON value is kept as raw bytes (metav1.FieldsV1). */
  | { kind: 'any' }
  | StructType;

export const str = (go = 'string'): FieldType => ({ kind: 'string', go });
export const int32: FieldType = { kind: 'integer', go: 'int32' };
export const int64: FieldType = { kind: 'integer', go: 'int64' };
export const bool: FieldType = { kind: 'bool' };
export const intOrString: FieldType = { kind: 'intOrString' };
export const time: FieldType = { kind: 'time' };
export const stringMap: FieldType = { kind: 'stringMap' };
export const any: FieldType = { kind: 'any' };

export function listOf(items: FieldType): FieldType {
  return { kind: 'list', go: `[]${goTypeOf(items)}`, items };
}

export function struct(name: string, pkg: string, fields: Record<string, FieldType>, removed?: Record<string, string>): StructType {
  return { kind: 'struct', name, go: `${pkg}.${name}`, fields, ...(removed ? { removed } : {}) };
}

/** The Go type the decoder names when a JSON value of the wrong kind meets a field of this type. */
export function goTypeOf(type: FieldType): string {
  switch (type.kind) {
    case 'string':
    case 'integer':
    case 'list':
    case 'struct':
      return type.go;
    case 'bool':
      return 'bool';
    // IntOrString.UnmarshalJSON decodes every non-string into its int32 field.
    case 'intOrString':
      return 'int32';
    // Time.UnmarshalJSON decodes into a Go string before parsing RFC 3339.
    case 'time':
      return 'string';
    case 'stringMap':
      return 'map[string]string';
    case 'any':
      return 'interface {}';
  }
}
