import { isAlias, isMap, isSeq, type Document, type Node } from 'yaml';
import { defineRule } from '../analysis/rule';
import { fixOf, removeEntryAtFinding } from '../analysis/fixHelpers';
import { jsonView, resolvePlain } from '../document/jsonView';
import { resolveAlias } from '../document/aliases';
import { allFieldsOf, duplicateKey, fieldsOf, type Field } from '../document/yamlNodes';

type Data = { path: string; key: string; occurrences: number; kept: string; dropped: string; same: boolean };

/**
 * A key written twice in one mapping. kubectl does NOT reject this: cli-runtime's StreamVisitor decodes each
 * document with apimachinery's YAMLOrJSONDecoder, i.e. sigs.k8s.io/yaml `YAMLToJSON`, which calls go-yaml v2
 * `Unmarshal`, not `UnmarshalStrict` (yaml.go: "Duplicate fields are case-sensitively ignored"; go-yaml v2 sets
 * each pair into the map in order, so the last one wins). The API server gets that JSON and never sees the
 * duplicate, so even `--validate=strict` (server-side fieldValidation=Strict) passes (kubernetes/kubernetes#125885,
 * #99286, #89303). kubectl's own client-side NoDoubleKeySchema (kubectl/pkg/validation/schema.go) runs only when
 * the server lacks field validation (NewParamVerifyingSchema; its test case "supported, strict, invalid schema"
 * passes), on the already converted JSON, and only for metadata.labels/annotations, so
 * it never sees a YAML duplicate either. Only a raw YAML body sent to the API server gets `strict decoding error:
 * yaml: unmarshal errors: line N: key "x" already set in map`, and kustomize (`kubectl apply -k`) rejects the file
 * with `mapping key "x" already defined`. So it is a Warning when the values differ (what the file says is not
 * what is applied) and Information when they are the same. Every occurrence but the last is reported, since those
 * are the values that vanish; every other rule reads the last one (yamlNodes.fieldsOf).
 */
export const duplicateField = defineRule<Data>({
  id: 'duplicate-field',
  defaultSeverity: 'warning',
  description: 'A key written twice in the same mapping: kubectl keeps only the last value and silently drops the others.',
  crossResource: false,
  partialSafe: true,
  check(object, ctx) {
    const visit = (node: unknown, path: string): void => {
      if (isSeq(node)) node.items.forEach((item, i) => visit(item, `${path}[${i}]`));
      if (!isMap(node)) return;
      const byKey = new Map<string, Field[]>();
      for (const field of allFieldsOf(node)) {
        const key = duplicateKey(field);
        if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), field]);
      }
      for (const [key, fields] of byKey) {
        // Only the value kubectl keeps matters inside; aliases are checked where their anchor is.
        const kept = fields[fields.length - 1];
        if (!isAlias(kept.node)) visit(kept.node as Node | null, path ? `${path}.${key}` : key);
        if (fields.length < 2) continue;
        const where = path ? `in \`${path}\`` : `at the top level of this ${object.kind}`;
        const keptValue = sentValue(kept.node, object.doc);
        for (const field of fields.slice(0, -1)) {
          const droppedValue = sentValue(field.node, object.doc);
          const same = canonical(keptValue) === canonical(droppedValue);
          const data = { path: path ? `${path}.${key}` : key, key, occurrences: fields.length, kept: shown(keptValue), dropped: shown(droppedValue), same };
          ctx.report({
            span: field.keySpan,
            severity: same ? 'information' : 'warning',
            message: same
              ? `\`${key}\` is set again later ${where} to the same value; kubectl apply keeps the last one, so this one changes nothing ` +
                `(kustomize rejects the file, though): keep a single \`${key}:\`.`
              : `\`${key}\` is set again later ${where}; kubectl apply keeps the last value, \`${data.kept}\`, and silently drops this one, ` +
                `\`${data.dropped}\` (kustomize rejects the file instead): keep a single \`${key}:\` with the value you mean.`,
            data,
            tags: ['unnecessary'],
          });
        }
      }
    };
    visit(object.root, '');
  },
  /**
   * kubectl keeps only the last occurrence of a key and silently drops this one, so removing it changes nothing in the
   * cluster (safe) and makes the file acceptable to kustomize too.
   */
  fixes(ctx) {
    const { key, same } = ctx.data;
    if (!key) return [];
    const title = same
      ? `Remove this repeated \`${key}\` (the same value is set again later)`
      : `Remove this earlier \`${key}\` (kubectl ignores it; the later one wins)`;
    return fixOf(title, [removeEntryAtFinding(ctx)], { safe: true, preferred: true });
  },
});

/** A value as the JSON kubectl sends: go-yaml v2's types, the last of repeated keys, aliases followed. */
type Sent = { kind: 'scalar'; json: string; text: string } | { kind: 'list'; items: Sent[] } | { kind: 'map'; entries: Array<[string, Sent]> };

function sentValue(node: Node | null, doc: Document, enclosing: ReadonlySet<Node> = new Set()): Sent {
  const target = isAlias(node) ? resolveAlias(node, doc) : node;
  // An alias of an enclosing node (`a: &x {b: *x}`) would never end; it is shown as what it stands for, once.
  if (target && enclosing.has(target)) return { kind: 'scalar', json: `*${String(isAlias(node) ? node.source : '')}`, text: '…' };
  const inside = target ? new Set([...enclosing, target]) : enclosing;
  if (isMap(target)) return { kind: 'map', entries: fieldsOf(target).map((field) => [duplicateKey(field) ?? field.key, sentValue(field.node, doc, inside)]) };
  if (isSeq(target)) return { kind: 'list', items: target.items.map((item) => sentValue(item as Node, doc, inside)) };
  const view = jsonView(target, doc);
  const text = view.text ?? '';
  if (view.kind === 'number') return { kind: 'scalar', json: view.numberText ?? text, text };
  if (view.kind === 'bool') return { kind: 'scalar', json: String(/^(y|yes|true|on)$/i.test(text)), text };
  if (view.kind === 'null') return { kind: 'scalar', json: 'null', text: 'null' };
  // `"80"` stays quoted where `80` would be a number, or the two values would read the same.
  const asWritten = view.quoted && resolvePlain(text).kind !== 'string' ? JSON.stringify(text) : text;
  return { kind: 'scalar', json: JSON.stringify(text), text: asWritten };
}

/** Equal JSON: a Go map has no order, so neither do the keys here. */
function canonical(value: Sent): string {
  if (value.kind === 'scalar') return value.json;
  if (value.kind === 'list') return `[${value.items.map(canonical).join(',')}]`;
  const entries = value.entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).sort();
  return `{${entries.join(',')}}`;
}

const MAX_SHOWN = 60;

/** The value in YAML flow style as written, cut short when long: enough to tell the two apart. */
function shown(value: Sent): string {
  const text = flow(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

function flow(value: Sent): string {
  if (value.kind === 'scalar') return value.text;
  if (value.kind === 'list') return `[${value.items.map(flow).join(', ')}]`;
  return `{${value.entries.map(([key, inner]) => `${key}: ${flow(inner)}`).join(', ')}}`;
}
