/**
 * A document nested deeper than any Kubernetes object ever is (hundreds of levels) is not handed to the parser at
 * all. The `yaml` parser recurses per level; past ~1,000 levels it runs out of stack, and when that happens while V8
 * compiles a regular expression the process aborts ("RegExpCompiler Allocation failed") instead of throwing: one
 * hostile file killed the server.
 */
/** Flow collections (`[`, `{`) open at once; each level costs the parser several stack frames. */
export const MAX_FLOW_DEPTH = 200;
/**
 * Leading columns of a line (indentation plus compact `- ` / `? ` indicators, each of which opens a block level).
 * Kubernetes objects stay far below; the parser's stack lasts until about 1,000 levels.
 */
export const MAX_LINE_LEAD = 400;

/**
 * Whether a document nests deeper than the parser can be trusted with. An over-estimate on purpose: brackets inside
 * quoted strings and comments count too, which only matters for text no manifest contains (hundreds of `[` in a row).
 */
export function nestsTooDeep(text: string): boolean {
  let flow = 0;
  let lead = 0;
  let inLead = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      inLead = true;
      lead = 0;
      continue;
    }
    if (inLead) {
      // space, tab, '-', '?' (indicators are only levels when followed by a blank, but counting all is safe).
      if (c === 32 || c === 9 || c === 45 || c === 63) {
        if (++lead > MAX_LINE_LEAD) return true;
        continue;
      }
      inLead = false;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++flow > MAX_FLOW_DEPTH) return true;
    } else if ((c === 93 /* ] */ || c === 125) /* } */ && flow > 0) {
      flow--;
    }
  }
  return false;
}
