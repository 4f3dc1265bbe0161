import type { FixProvider } from '../analysis/fix';
import { fixOf, locatedAt } from './helpers';
import { replaceNode } from '../document/edits';

/**
 * The three mechanical repairs the rule's data names, each keeping the value the user wrote, only in the type the
 * API expects (safe): unquote a number (`port: "80"`), unquote a boolean (`"true"`), quote a YAML 1.1 boolean word
 * or a number where a string belongs (`yes` → `"yes"`).
 */
export const fixValueType: FixProvider = (ctx) => {
  const data = ctx.finding.data ?? {};
  const located = locatedAt(ctx);
  if (!located || located.kind === 'key') return [];
  const replace = (text: string) => replaceNode(ctx.chunk, located.node, text);
  if (typeof data.number === 'number') return fixOf(`Remove the quotes (${data.number} is a number)`, [replace(String(data.number))], { safe: true, preferred: true });
  if (typeof data.boolean === 'boolean') return fixOf(`Remove the quotes (${data.boolean} is a boolean)`, [replace(String(data.boolean))], { safe: true, preferred: true });
  if (typeof data.text === 'string') return fixOf(`Quote it ("${data.text}" is text)`, [replace(JSON.stringify(data.text))], { safe: true, preferred: true });
  return [];
};
