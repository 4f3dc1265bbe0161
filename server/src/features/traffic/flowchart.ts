import type { SourceLink } from '../../protocol/trafficGraph';

/**
 * A tiny Mermaid flowchart writer whose only way to put text into the diagram is `label()`, which escapes
 * everything. Manifest text is hostile by default: names and annotations can hold `"]`, `-->`, `%%{init}%%`,
 * `click`, HTML or backticks, and any of them would otherwise change the diagram's structure or its
 * security settings. Node ids are generated here and never contain manifest text.
 */

/** Characters that are inert inside a quoted Mermaid label and in the HTML it becomes. */
const INERT = /^[A-Za-z0-9 .,_/=+*@()'-]$/;
/** Long user values are cut so one hostile name cannot blow the layout up. */
const MAX_VALUE_LENGTH = 63;

/**
 * Escapes text for a quoted label. Everything outside a small inert set becomes a Mermaid entity code
 * (`#60;` for `<`), which Mermaid turns into an HTML character reference, i.e. text, never markup. `:` and
 * `;` are escaped too: Mermaid pre-processes lines matching `style…:…#…;` before parsing. Newlines and tabs
 * collapse to spaces, so a label can never end a statement.
 */
export function escapeLabel(text: string): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ')) out += INERT.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return out;
}

/** A manifest value, shortened and escaped. */
export function value(text: string | number | undefined, fallback = '?'): string {
  if (text === undefined || text === '') return escapeLabel(fallback);
  const s = String(text);
  return escapeLabel(s.length > MAX_VALUE_LENGTH ? `${s.slice(0, MAX_VALUE_LENGTH - 1)}…` : s);
}

/** Our own wording (no manifest text); escaped all the same so ':' and friends are safe. */
export function words(text: string): string {
  return escapeLabel(text);
}

export type Shape = 'rect' | 'round' | 'stadium' | 'subroutine' | 'hexagon' | 'parallelogram' | 'flag';

const SHAPES: Record<Shape, [string, string]> = {
  rect: ['["', '"]'],
  round: ['("', '")'],
  stadium: ['(["', '"])'],
  subroutine: ['[["', '"]]'],
  hexagon: ['{{"', '"}}'],
  parallelogram: ['[/"', '"/]'],
  flag: ['>"', '"]'],
};

export type NodeClass = 'client' | 'problem' | 'warning' | 'info' | 'muted';
export type EdgeStyle = 'solid' | 'dotted' | 'link';

const ARROWS: Record<EdgeStyle, string> = { solid: '-->', dotted: '-.->', link: '-.-' };

/** Builds `flowchart LR` text plus the node → YAML location table the preview uses for click-to-reveal. */
export class Flowchart {
  private readonly lines: string[] = ['flowchart LR'];
  // Written after every node: Mermaid puts a node into each subgraph whose body mentions it, edges included.
  private readonly edges: string[] = [];
  private readonly classes = new Map<NodeClass, string[]>();
  private depth = 1;
  readonly links: Record<string, SourceLink> = {};
  nodeCount = 0;
  edgeCount = 0;

  /**
   * @param parts label lines, each already escaped with `value()`/`words()`; the first is shown in bold
   */
  node(id: string, shape: Shape, parts: string[], link?: SourceLink, cls?: NodeClass): string {
    const [open, close] = SHAPES[shape];
    const [title, ...rest] = parts;
    const text = [`<b>${title}</b>`, ...rest].join('<br/>');
    this.push(`${id}${open}${text}${close}`);
    if (link) this.links[id] = link;
    if (cls) this.classes.set(cls, [...(this.classes.get(cls) ?? []), id]);
    this.nodeCount++;
    return id;
  }

  edge(from: string, to: string, style: EdgeStyle = 'solid', label?: string): void {
    this.edges.push(`  ${label ? `${from} ${ARROWS[style]}|"${label}"| ${to}` : `${from} ${ARROWS[style]} ${to}`}`);
    this.edgeCount++;
  }

  /** A titled group; its id can be an edge end (an edge to the whole Service). */
  group(id: string, title: string, body: () => void): void {
    this.push(`subgraph ${id} ["${title}"]`);
    this.depth++;
    this.push('direction LR');
    body();
    this.depth--;
    this.push('end');
  }

  toString(): string {
    const out = [...this.lines, ...this.edges];
    // Colours that read on light, dark and high-contrast themes; the webview theme supplies the rest.
    out.push('  classDef client stroke-dasharray:3 3');
    out.push('  classDef problem stroke:#e51400,stroke-width:3px');
    out.push('  classDef warning stroke:#bf8803,stroke-width:3px');
    out.push('  classDef info stroke:#1a85ff,stroke-width:2px');
    out.push('  classDef muted stroke-dasharray:2 4');
    for (const [cls, ids] of this.classes) out.push(`  class ${[...new Set(ids)].join(',')} ${cls}`);
    return out.join('\n') + '\n';
  }

  private push(line: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${line}`);
  }
}
