import { isAlias, isMap, isSeq, type Node } from 'yaml';
import { defineRule } from '../analysis/rule';
import { fixOf, removeEntryAtFinding } from '../analysis/fixHelpers';
import { convertsToJson } from '../kubernetes/schema/walk';
import { allFieldsOf, duplicateKey, type Field } from '../document/yamlNodes';

/**
 * A key written twice in one mapping. kubectl does NOT reject this: it converts YAML to JSON with
 * sigs.k8s.io/yaml (non-strict go-yaml v2), where the last value silently wins, so the API server never sees the
 * duplicate (kubernetes/kubernetes#125885, #99286, #89303). Only a raw YAML body sent to the API server gets
 * `strict decoding error: yaml: unmarshal errors: line N: key "x" already set in map`, and kustomize
 * (`kubectl apply -k`) rejects the file with `mapping key "x" already defined`. Every occurrence but the last is
 * reported, since those are the values that vanish.
 */
export const duplicateField = defineRule<{ path: string; key: string; occurrences: number }>({
  id: 'duplicate-field',
  defaultSeverity: 'error',
  description: 'A key written twice in the same mapping: kubectl keeps only the last value and silently drops the others.',
  crossResource: false,
  partialSafe: true,
  check(object, ctx) {
    const visit = (node: unknown, path: string): void => {
      if (isSeq(node)) node.items.forEach((item, i) => visit(item, `${path}[${i}]`));
      if (!isMap(node)) return;
      const byKey = new Map<string, Field[]>();
      // Every pair as written: the rest of the model sees only the last of a repeated key (fieldsOf).
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
        for (const field of fields.slice(0, -1)) {
          ctx.report({
            span: field.keySpan,
            message:
              `\`${key}\` is set again later ${where}; kubectl apply keeps only the last one and silently ignores this one ` +
              `(kustomize rejects the file instead): keep a single \`${key}:\`.`,
            data: { path: path ? `${path}.${key}` : key, key, occurrences: fields.length },
            tags: ['unnecessary'],
          });
        }
      }
    };
    // A document kubectl cannot parse fails before duplicates matter; yamlSyntax reports it.
    if (convertsToJson(object.doc)) visit(object.root, '');
  },
  /**
   * kubectl keeps only the last occurrence of a key and silently drops this one, so removing it changes nothing in the
   * cluster (safe) and makes the file acceptable to kustomize too.
   */
  fixes(ctx) {
    const { key } = ctx.data;
    if (!key) return [];
    return fixOf(`Remove this earlier \`${key}\` (kubectl ignores it; the later one wins)`, [removeEntryAtFinding(ctx)], { safe: true, preferred: true });
  },
});
