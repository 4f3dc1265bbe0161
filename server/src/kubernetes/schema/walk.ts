import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import type { K8sObject } from '../model';
import { fieldsOf, resolveAlias, spanOf, type Field, type Span } from '../../document/yamlNodes';
import { jsonKey, jsonView, type JsonView } from '../../document/jsonView';
import { goTypeOf, type FieldType, type StructType } from './types';

/** A key the schema does not declare: strict field validation rejects it as `unknown field "<path>"`. */
export interface UnknownKey {
  /** The key as the API server sees it (after YAML 1.1 key conversion). */
  key: string;
  field: Field;
  parent: StructType;
  /** JSON path of the mapping holding the key, with list indices: '' (the object), 'spec', 'spec.ports[0]'. */
  parentPath: string;
  map: YAMLMap;
}

/** A value of the wrong JSON type: decoding fails with the Go `json: cannot unmarshal` error in `message`. */
export interface TypeMismatch {
  span: Span;
  /** JSON path of the value with list indices and map keys, e.g. 'spec.ports[0].port', 'metadata.labels.tier'. */
  path: string;
  /** The field name or map key the value belongs to; undefined for list items. */
  leaf?: string;
  message: string;
  view: JsonView;
  expected: FieldType;
}

export interface SchemaWalk {
  unknownKeys: UnknownKey[];
  mismatches: TypeMismatch[];
}

/** Where the Go decoder is: the innermost struct and the dotted field path it reports (no list indices). */
interface Position {
  path: string;
  leaf?: string;
  goStruct: string;
  goPath: string;
}

const INT_RANGE = { int32: [-(2n ** 31n), 2n ** 31n - 1n], int64: [-(2n ** 63n), 2n ** 63n - 1n] } as const;

function fitsInteger(view: JsonView, go: 'int32' | 'int64'): boolean {
  // Go's json parses an integer field with strconv.ParseInt(text, 10, 64): no fraction, no exponent.
  if (view.kind !== 'number' || !view.numberText || !/^-?[0-9]+$/.test(view.numberText)) return false;
  const value = BigInt(view.numberText);
  return value >= INT_RANGE[go][0] && value <= INT_RANGE[go][1];
}

function accepts(type: FieldType, view: JsonView): boolean {
  switch (type.kind) {
    case 'string':
    case 'time':
      return view.kind === 'string';
    case 'integer':
      return fitsInteger(view, type.go);
    case 'bool':
      return view.kind === 'bool';
    case 'intOrString':
      return view.kind === 'string' || fitsInteger(view, 'int32');
    case 'stringMap':
    case 'struct':
      return view.kind === 'object';
    case 'list':
      return view.kind === 'array';
    case 'any':
      return true;
  }
}

/** encoding/json names a number with its text only when it is decoded into an integer and does not fit. */
function describe(view: JsonView, type: FieldType): string {
  if (view.kind !== 'number') return view.kind;
  return type.kind === 'integer' || type.kind === 'intOrString' ? `number ${view.numberText}` : 'number';
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Whether a YAML 1.1 merge key (`<<: *base`): go-yaml merges it, so it is no field of its own. */
function isMergeKey(field: Field): boolean {
  return field.key === '<<' && field.keyNode.type === 'PLAIN';
}

class Walker {
  readonly result: SchemaWalk = { unknownKeys: [], mismatches: [] };
  constructor(private readonly doc: Document) {}

  resolved(node: Node | null): Node | null {
    return isAlias(node) ? (resolveAlias(node, this.doc) ?? null) : node;
  }

  mismatch(node: Node | null, fallback: Span, at: Position, type: FieldType, view: JsonView): void {
    this.result.mismatches.push({
      span: spanOf(node) ?? fallback,
      path: at.path,
      leaf: at.leaf,
      message: `json: cannot unmarshal ${describe(view, type)} into Go struct field ${at.goStruct}.${at.goPath} of type ${goTypeOf(type)}`,
      view,
      expected: type,
    });
  }

  value(node: Node | null, fallback: Span, type: FieldType, at: Position): void {
    const view = jsonView(node, this.doc);
    // null decodes into anything as "not set"; unencodable values fail in kubectl before any type check.
    if (view.kind === 'null' || view.kind === 'unencodable') return;
    if (!accepts(type, view)) {
      this.mismatch(node, fallback, at, type, view);
      return;
    }
    const target = this.resolved(node);
    if (type.kind === 'struct' && isMap(target)) this.struct(target, type, at);
    else if (type.kind === 'list' && isSeq(target)) {
      target.items.forEach((item, i) => {
        this.value(item as Node, spanOf(item as Node) ?? fallback, type.items, { ...at, path: `${at.path}[${i}]`, leaf: undefined });
      });
    } else if (type.kind === 'stringMap' && isMap(target)) {
      // Map keys add nothing to Go's error path; they do to ours, so the user sees which entry is wrong.
      for (const field of fieldsOf(target)) {
        const valueView = jsonView(field.node, this.doc);
        if (valueView.kind === 'string' || valueView.kind === 'null' || valueView.kind === 'unencodable') continue;
        const entry = { ...at, path: join(at.path, field.key), leaf: field.key };
        this.mismatch(field.node, field.valueSpan, entry, { kind: 'string', go: 'string' }, valueView);
      }
    }
  }

  struct(map: YAMLMap, type: StructType, at: Pick<Position, 'path' | 'goPath'>): void {
    const { path } = at;
    for (const field of fieldsOf(map)) {
      if (isMergeKey(field)) continue;
      const key = jsonKey(field.keyNode);
      if (key === undefined) continue;
      const fieldType = Object.hasOwn(type.fields, key) ? type.fields[key] : undefined;
      if (!fieldType) {
        this.result.unknownKeys.push({ key, field, parent: type, parentPath: path, map });
        continue;
      }
      this.value(field.node, field.valueSpan, fieldType, { path: join(path, key), leaf: key, goStruct: type.name, goPath: join(at.goPath, key) });
    }
  }
}

/** Strategic-merge-patch directives (`$patch`, `$setElementOrder/...`) mark a patch, not an object to create. */
export function isPatch(node: unknown): boolean {
  if (isMap(node)) return node.items.some((pair) => (isScalar(pair.key) && String(pair.key.value).startsWith('$')) || isPatch(pair.value));
  if (isSeq(node)) return node.items.some(isPatch);
  return false;
}

const caches = new WeakMap<StructType, WeakMap<YAMLMap, SchemaWalk>>();

/** Decodes an object against its schema the way kube-apiserver would; the result is memoised per object node. */
export function walkObject(object: K8sObject, schema: StructType): SchemaWalk {
  let cache = caches.get(schema);
  if (!cache) caches.set(schema, (cache = new WeakMap()));
  let result = cache.get(object.root);
  if (!result) {
    const walker = new Walker(object.doc);
    if (!isPatch(object.root)) walker.struct(object.root, schema, { path: '', goPath: '' });
    result = walker.result;
    cache.set(object.root, result);
  }
  return result;
}
