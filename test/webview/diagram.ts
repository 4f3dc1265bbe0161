import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { build } from '../kit/traffic';
import type { PreviewPage } from './harness';

/** Helpers shared by the webview tests: the host's update message, a checked render, and page geometry. */

export const URI = 'file:///workspace/shop.yaml';

/** The update the host (panel.ts) posts for `text`, built by the server's own model and Mermaid generator. */
export function update(seq: number, text: string, uri = URI) {
  const { graph, paths } = build(text);
  const title = `shop.yaml: ${paths.map((p) => `${p.name} (${p.type})`).join(', ')}`;
  return { seq, uri, title, mermaid: graph.text, clickable: Object.keys(graph.links), graph };
}

/** Renders, then checks what every diagram must satisfy: SVG nodes/edges, clean CSP and console, real colours. */
export async function renderChecked(view: PreviewPage, seq: number, text: string, uri = URI) {
  const message = update(seq, text, uri);
  const { graph: _graph, ...posted } = message;
  await view.post(posted);
  const ack = await view.waitForAck(seq);
  assert.equal(ack.type, 'rendered');
  if (ack.type !== 'rendered') throw new Error('unreachable');
  const svg = view.page.locator('#diagram svg');
  assert.equal(await svg.count(), 1);
  assert.equal(await view.page.locator('#diagram svg g.node').count(), message.graph.nodeCount);
  assert.equal(await view.page.locator('#diagram svg path.flowchart-link').count(), message.graph.edgeCount);
  assert.equal(ack.nodes, message.graph.nodeCount);
  assert.equal(ack.edges, message.graph.edgeCount);
  assert.deepEqual(await view.cspViolations(), []);
  assert.deepEqual(view.consoleErrors, []);
  assert.deepEqual(view.pageErrors, []);
  // A CSP that blocks Mermaid's inline styles leaves the shapes filled black; this catches it. High contrast
  // fills them with the (black) editor background on purpose, so there the border must stand out instead.
  const shape = view.page.locator('#diagram svg g.node').first().locator('rect, path, polygon').first();
  const { fill, stroke } = await shape.evaluate((el) => ({ fill: getComputedStyle(el).fill, stroke: getComputedStyle(el).stroke }));
  const highContrast = await view.page.evaluate(() => document.body.classList.contains('vscode-high-contrast'));
  assert.notEqual(fill, 'none');
  if (highContrast) assert.notEqual(stroke, fill);
  else assert.notEqual(fill, 'rgb(0, 0, 0)');
  return { ack, message, fill };
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** The client rectangle of the first element matching `selector`. */
export async function boxOf(page: Page, selector: string): Promise<Box> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    });
}

/** The page's own size: what VS Code gives the webview. */
export async function windowBox(page: Page): Promise<Box> {
  return page.evaluate(() => ({ left: 0, top: 0, right: innerWidth, bottom: innerHeight, width: innerWidth, height: innerHeight }));
}

export function assertInside(inner: Box, outer: Box, what: string): void {
  const slack = 0.5; // sub-pixel rounding of transforms
  const ok = inner.left >= outer.left - slack && inner.top >= outer.top - slack && inner.right <= outer.right + slack && inner.bottom <= outer.bottom + slack;
  assert.ok(ok, `${what} ${JSON.stringify(inner)} is not inside ${JSON.stringify(outer)}`);
}

/** Which way the graph runs: from the in-cluster client box to the first lane's pods box. */
export async function direction(page: Page): Promise<'LR' | 'TD'> {
  const client = await boxOf(page, '#diagram g.node[id*="flowchart-s0_in-"]');
  const pods = await boxOf(page, '#diagram g.node[id*="flowchart-s0_l0_pod-"]');
  const dx = pods.left + pods.width / 2 - (client.left + client.width / 2);
  const dy = pods.top + pods.height / 2 - (client.top + client.height / 2);
  return dx > dy ? 'LR' : 'TD';
}

/** The zoom the toolbar shows, in per cent. */
export async function zoomPercent(page: Page): Promise<number> {
  return Number(/\d+/.exec((await page.locator('#zoom-level').textContent()) ?? '')?.[0]);
}
