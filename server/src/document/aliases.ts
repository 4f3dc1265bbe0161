import { isAlias, visit, type Alias, type Document, type Node } from 'yaml';

const aliasTargets = new WeakMap<Document, WeakMap<Alias, Node | undefined>>();

/**
 * The node an alias stands for. yaml's `Alias.resolve(doc)` searches the whole document on every call, so N aliases
 * cost N² (3,000 aliases took seconds on every keystroke); one pass per document records every alias's target,
 * with the same rule: the last node with that anchor before the alias, in document order.
 */
export function resolveAlias(alias: Alias, doc: Document): Node | undefined {
  let targets = aliasTargets.get(doc);
  if (!targets) {
    const table = new WeakMap<Alias, Node | undefined>();
    const anchors = new Map<string, Node>();
    visit(doc, {
      Node(_key, node) {
        if (isAlias(node)) table.set(node, anchors.get(node.source));
        else if (node.anchor) anchors.set(node.anchor, node);
      },
    });
    aliasTargets.set(doc, (targets = table));
  }
  return targets.has(alias) ? targets.get(alias) : (alias.resolve(doc) as Node | undefined);
}
