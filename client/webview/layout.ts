import type { Direction } from '../src/preview/messages';

/**
 * Which way the graph is drawn. The server writes `flowchart LR` (clients → Service → pods, left to right), which
 * suits a wide panel; a tall side panel shows the same graph far bigger top-down. Both are rendered and the page
 * shows the one that fits the panel at the larger scale.
 */

export interface Size {
  width: number;
  height: number;
}

/**
 * The graph drawn in `direction`, or undefined when the text is not the server's left-to-right flowchart. Only
 * whole lines the server's writer emits are rewritten: a label cannot start a line, because the writer turns
 * every line break inside manifest text into a space.
 */
export function withDirection(source: string, direction: Direction): string | undefined {
  const lines = source.split('\n');
  if (lines[0]?.trim() !== 'flowchart LR') return undefined;
  if (direction === 'LR') return source;
  return ['flowchart TD', ...lines.slice(1).map((line) => line.replace(/^(\s*)direction LR\s*$/, '$1direction TB'))].join('\n');
}

/** Empty space kept between the diagram and each edge of the panel when fitted. */
export const FIT_MARGIN = 12;

/**
 * The scale at which `content` fits inside `box`, however small that is. Never above 1: a small diagram is
 * shown at its natural size rather than blown up.
 */
export function fitScale(content: Size, box: Size): number {
  const width = box.width - 2 * FIT_MARGIN;
  const height = box.height - 2 * FIT_MARGIN;
  if (content.width <= 0 || content.height <= 0 || width <= 0 || height <= 0) return 1;
  return Math.min(1, width / content.width, height / content.height);
}

/** The layout shown biggest in `box`; on a near tie the earlier one (the server's own direction) wins. */
export function bestLayout<T extends Size>(layouts: readonly T[], box: Size): T | undefined {
  let best: T | undefined;
  for (const layout of layouts) {
    if (!best || fitScale(layout, box) > fitScale(best, box) * 1.02) best = layout;
  }
  return best;
}
