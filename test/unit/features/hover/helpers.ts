// Test helpers for the hover core: hover at a needle of an in-memory file, in a workspace of in-memory files.
import type { AnalysisSettings } from '../../../../server/src/analysis/settings';
import { hoverAt, type HoverResult } from '../../../../server/src/features/hover';
import { offsetOf } from '../../../kit/markers';
import { workspace } from '../../../kit/workspace';

export const URI = 'file:///workspace/service.yaml';

export interface HoverOptions {
  /** Other files of the workspace, by URI. */
  others?: Record<string, string>;
  settings?: Partial<AnalysisSettings>;
  /** Which occurrence of the needle (0-based). */
  occurrence?: number;
  /** Whether the client runs our commands (the VS Code extension does). */
  commandLinks?: boolean;
}

export function hoverResult(text: string, needle: string, options: HoverOptions = {}): HoverResult | undefined {
  const files = workspace({ [URI]: text, ...options.others });
  return hoverAt({ ...files.env(URI, options.settings), commandLinks: options.commandLinks }, offsetOf(text, needle, options.occurrence));
}

/** The hover Markdown at the needle; throws when there is no hover. */
export function hover(text: string, needle: string, options: HoverOptions = {}): string {
  const result = hoverResult(text, needle, options);
  if (!result) throw new Error(`no hover at ${JSON.stringify(needle)}`);
  return result.markdown;
}

/** A field hover's value here: its lead line after `**`path`**: ` (and the sub-items under it). */
export function hereOf(markdown: string): string {
  const lead = /^\*\*`[^`]+`\*\*: /.exec(markdown);
  if (!lead) throw new Error(`no lead line with a value here in:\n${markdown}`);
  const end = markdown.indexOf('\n\n', lead[0].length);
  return markdown.slice(lead[0].length, end < 0 ? undefined : end);
}

/** The "this Service" lines of a type hover: the list after its lead line. */
export function thisServiceOf(markdown: string): string {
  const start = markdown.indexOf('\n\n- ');
  if (start < 0) throw new Error(`no list of this Service's ports in:\n${markdown}`);
  const end = markdown.indexOf('\n\n', start + 2);
  return markdown.slice(start + 2, end < 0 ? undefined : end);
}
