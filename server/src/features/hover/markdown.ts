/**
 * Tiny Markdown builders for hover text. Values come from the user's manifest, so everything that is not our own
 * prose goes through `code` or `text` escaping: a label value with a backtick or a `[` must not break the hover.
 */

/** Inline code that survives backticks inside the value (CommonMark: a longer fence, padded by spaces). */
export function code(value: string | number): string {
  const s = String(value);
  if (s === '') return '`""`';
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** Plain text from the manifest inside a line (link labels): the characters that start inline Markdown are escaped. */
export function text(value: string): string {
  return value.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

export function link(label: string, target: string): string {
  // Parentheses and spaces would end the destination early; percent-encode them.
  const safe = target.replace(/[() ]/g, (c) => encodeURIComponent(c));
  return `[${text(label)}](${safe})`;
}

/** `app=web, tier=front` as inline code, the way kubectl prints selectors. */
export function labels(map: Record<string, string>): string {
  const entries = Object.entries(map);
  return entries.length === 0 ? '(none)' : code(entries.map(([k, v]) => `${k}=${v}`).join(','));
}

/** A Markdown table; cells are already formatted Markdown and must not contain `|` unescaped. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** "1 pod" / "3 pods". */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** "a", "a and b", "a, b and c". */
export function listing(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Sections separated by blank lines; empty sections are dropped. */
export function sections(...parts: Array<string | undefined | false>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n\n');
}
