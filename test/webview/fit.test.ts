import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { LOADBALANCER_EXAMPLE, NODEPORT_EXAMPLE } from '../kit/trafficManifests';
import { assertInside, boxOf, direction, renderChecked, windowBox, zoomPercent, type Box } from './diagram';
import { RESULTS_DIR, startHarness, type Harness, type PanelSize, type PreviewPage, type Theme } from './harness';

/**
 * The preview in the panel sizes people actually use: a narrow side panel, the default side-by-side half of a
 * laptop screen, and a wide editor. Each must show the whole diagram (no cropping, no scrollbar-less overflow)
 * with the box that carries an error on screen, then let the user zoom and pan and get back to the fit.
 */

let harness: Harness;
before(async () => {
  harness = await startHarness();
  mkdirSync(RESULTS_DIR, { recursive: true });
});
after(() => harness?.close());

/** The NodePort example with an invalid targetPort: the first lane's pods box is marked as an error. */
const WITH_ERROR = NODEPORT_EXAMPLE.replace('targetPort: http', 'targetPort: 70000');
const ERROR_BOX = '#diagram g.node.problem';
const PANEL_HEIGHT = 800;
const THEME_NAMES: Record<Theme, string> = { 'vscode-light': 'light', 'vscode-dark': 'dark', 'vscode-high-contrast': 'high-contrast' };

async function opened(theme: Theme, panel: PanelSize, text = WITH_ERROR): Promise<PreviewPage> {
  const view = await harness.open(theme, 1, panel);
  await renderChecked(view, 1, text);
  await view.settle();
  return view;
}

/** The diagram is inside the page and below the toolbar, and as big as the panel allows (or at actual size). */
async function assertFitted(view: PreviewPage, what: string): Promise<Box> {
  const svg = await boxOf(view.page, '#diagram svg');
  const viewport = await boxOf(view.page, '#viewport');
  assertInside(svg, await windowBox(view.page), `${what}: the diagram`);
  assertInside(svg, viewport, `${what}: the diagram`);
  const fillsWidth = svg.width >= viewport.width - 24 - 1;
  const fillsHeight = svg.height >= viewport.height - 24 - 1;
  assert.ok(fillsWidth || fillsHeight || (await zoomPercent(view.page)) === 100, `${what}: fitted, not just shrunk (${JSON.stringify({ svg, viewport })})`);
  assert.equal(await view.page.locator('#fit').getAttribute('aria-pressed'), 'true');
  return svg;
}

for (const width of [360, 520, 900]) {
  for (const theme of ['vscode-light', 'vscode-dark', 'vscode-high-contrast'] as const) {
    test(`${width} px panel, ${THEME_NAMES[theme]}: the whole diagram and its error box are in view`, async () => {
      const view = await opened(theme, { width, height: PANEL_HEIGHT });
      await assertFitted(view, `${width} px`);
      assertInside(await boxOf(view.page, ERROR_BOX), await boxOf(view.page, '#viewport'), 'the error box');
      // Narrower than tall: the graph is drawn top-down, which shows this diagram at a larger scale.
      if (width < PANEL_HEIGHT) assert.equal(await direction(view.page), 'TD');
      await view.page.screenshot({ path: path.join(RESULTS_DIR, `preview-${width}-${THEME_NAMES[theme]}.png`) });
      await view.page.context().close();
    });
  }
}

test('a wide, short panel (the bottom panel) keeps the left-to-right layout', async () => {
  const view = await opened('vscode-light', { width: 1400, height: 420 });
  await assertFitted(view, 'bottom panel');
  assert.equal(await direction(view.page), 'LR');
  await view.page.context().close();
});

test('resizing a fitted preview fits it again, switching direction when the panel changes shape', async () => {
  const view = await opened('vscode-light', { width: 1400, height: 420 });
  assert.equal(await direction(view.page), 'LR');
  await view.page.setViewportSize({ width: 400, height: 900 });
  await view.settle();
  await assertFitted(view, 'after narrowing');
  assert.equal(await direction(view.page), 'TD');
  await view.page.setViewportSize({ width: 1400, height: 420 });
  await view.settle();
  await assertFitted(view, 'after widening');
  assert.equal(await direction(view.page), 'LR');
  await view.page.context().close();
});

test('a diagram smaller than the panel is shown at its actual size, not blown up', async () => {
  const view = await harness.open('vscode-light', 1, { width: 1800, height: 1200 });
  await view.post({ seq: 1, uri: 'file:///small.yaml', title: 'small', mermaid: 'flowchart LR\n  a["<b>a</b>"] --> b["<b>b</b>"]\n', clickable: [] });
  await view.waitForAck(1);
  await view.settle();
  assert.equal(await zoomPercent(view.page), 100);
  await assertFitted(view, 'small diagram');
  await view.page.context().close();
});

test('wheel, drag and keys zoom and pan; Fit and 0 restore the fitted view', async () => {
  const view = await opened('vscode-light', { width: 520, height: PANEL_HEIGHT });
  const page = view.page;
  const fitted = await assertFitted(view, 'initially');
  const fittedZoom = await zoomPercent(page);
  const viewport = await boxOf(page, '#viewport');
  const centre = { x: viewport.left + viewport.width / 2, y: viewport.top + viewport.height / 2 };

  // Wheel up zooms in around the pointer: the diagram grows and the point under the pointer stays put.
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.wheel(0, -300);
  await view.settle();
  const zoomed = await boxOf(page, '#diagram svg');
  assert.ok(zoomed.width > fitted.width * 1.3, `wheel zooms in: ${fitted.width} → ${zoomed.width}`);
  const ratio = zoomed.width / fitted.width;
  assert.ok(Math.abs(centre.x - zoomed.left - (centre.x - fitted.left) * ratio) < 2, 'the point under the pointer stays under it');
  assert.ok((await zoomPercent(page)) > fittedZoom);
  assert.equal(await page.locator('#fit').getAttribute('aria-pressed'), 'false');

  // Dragging pans by the distance dragged.
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  await page.mouse.move(centre.x + 60, centre.y + 40, { steps: 5 });
  await page.mouse.up();
  await view.settle();
  const dragged = await boxOf(page, '#diagram svg');
  assert.ok(Math.abs(dragged.left - zoomed.left - 60) < 1 && Math.abs(dragged.top - zoomed.top - 40) < 1, `drag pans: ${JSON.stringify({ zoomed, dragged })}`);
  assert.equal((await view.posted()).filter((m) => m.type === 'reveal').length, 0, 'a drag is not a click');

  // Shift+wheel pans sideways.
  await page.keyboard.down('Shift');
  await page.mouse.wheel(0, 100);
  await page.keyboard.up('Shift');
  await view.settle();
  const shifted = await boxOf(page, '#diagram svg');
  assert.notEqual(Math.round(shifted.left), Math.round(dragged.left), 'Shift+wheel pans');
  assert.equal(Math.round(shifted.width), Math.round(dragged.width), 'without zooming');

  // The Fit button is the visible way back.
  await page.getByRole('button', { name: 'Fit the diagram to the panel' }).click();
  await view.settle();
  assert.deepEqual(await boxOf(page, '#diagram svg'), fitted);
  assert.equal(await page.locator('#fit').getAttribute('aria-pressed'), 'true');

  // Keyboard, with the diagram focused: + zooms in, arrows pan, - zooms out, 0 fits.
  await page.locator('#viewport').focus();
  await page.keyboard.press('+');
  await view.settle();
  const keyZoomed = await boxOf(page, '#diagram svg');
  assert.ok(Math.abs(keyZoomed.width / fitted.width - 1.25) < 0.01, `+ zooms by one step: ${keyZoomed.width / fitted.width}`);
  await page.keyboard.press('ArrowRight');
  await view.settle();
  const panned = await boxOf(page, '#diagram svg');
  assert.ok(panned.left < keyZoomed.left - 40, 'ArrowRight shows more of the right side');
  await page.keyboard.press('ArrowDown');
  await view.settle();
  assert.ok((await boxOf(page, '#diagram svg')).top < panned.top - 40, 'ArrowDown shows more of the bottom');
  await page.keyboard.press('-');
  await view.settle();
  assert.ok(Math.abs((await boxOf(page, '#diagram svg')).width - fitted.width) < 1, '- zooms back out by one step');
  await page.keyboard.press('1');
  await view.settle();
  assert.equal(await zoomPercent(page), 100, '1 shows the actual size');
  await page.keyboard.press('0');
  await view.settle();
  assert.deepEqual(await boxOf(page, '#diagram svg'), fitted, '0 fits again');

  // The buttons do the same.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await view.settle();
  assert.ok((await zoomPercent(page)) > fittedZoom);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await view.settle();
  assert.ok((await zoomPercent(page)) <= fittedZoom, 'zooming out may go below the fit');
  await page.getByRole('button', { name: 'Show at actual size' }).click();
  await view.settle();
  assert.equal(await zoomPercent(page), 100);

  // Zoomed in, a box that gets keyboard focus off screen is panned into view (the viewport itself never scrolls).
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  const lastBox = page.locator('#diagram g.node.clickable').last();
  await lastBox.focus();
  await view.settle();
  assertInside(await boxOf(page, '#diagram g.node.clickable:focus'), viewport, 'the focused box');
  assert.deepEqual(await page.locator('#viewport').evaluate((el) => [el.scrollLeft, el.scrollTop]), [0, 0]);
  assert.deepEqual(view.pageErrors, []);
  await page.context().close();
});

test('every control has an accessible name, and the diagram can take keyboard focus', async () => {
  const view = await opened('vscode-light', { width: 520, height: PANEL_HEIGHT });
  const page = view.page;
  for (const name of ['Zoom out', 'Zoom in', 'Fit the diagram to the panel', 'Show at actual size', 'Copy Mermaid', 'Save SVG']) {
    assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, `button "${name}"`);
  }
  // Every toolbar button has a tooltip saying what it does (and the key, where there is one).
  for (const button of await page.locator('header button').all()) assert.ok(((await button.getAttribute('title')) ?? '').length > 5);
  assert.match((await page.locator('#zoom-in').getAttribute('title')) ?? '', /\(\+\)/);
  assert.match((await page.locator('#fit').getAttribute('title')) ?? '', /\(0\)/);
  const diagram = page.getByRole('group', { name: /Traffic path diagram/ });
  assert.equal(await diagram.getAttribute('tabindex'), '0');
  await page.keyboard.press('Tab');
  let focused = '';
  for (let i = 0; i < 12 && focused !== 'viewport'; i++) {
    focused = await page.evaluate(() => document.activeElement?.id ?? '');
    if (focused !== 'viewport') await page.keyboard.press('Tab');
  }
  assert.equal(focused, 'viewport', 'Tab reaches the diagram');
  await page.context().close();
});

test('the error box is brought into view when the diagram is redrawn while zoomed in elsewhere', async () => {
  const view = await opened('vscode-dark', { width: 520, height: PANEL_HEIGHT });
  const page = view.page;
  // Zoom far in on the top-left corner, away from the error box (bottom right in this layout).
  await page.locator('#viewport').focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('+');
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowUp');
  }
  await view.settle();
  const viewport = await boxOf(page, '#viewport');
  const error = await boxOf(page, ERROR_BOX);
  assert.ok(error.left > viewport.right || error.top > viewport.bottom, `the error box is off screen before the redraw: ${JSON.stringify(error)}`);
  const zoom = await zoomPercent(page);

  // The user keeps typing: the same document is redrawn.
  await renderChecked(view, 2, WITH_ERROR.replace('replicas: 3', 'replicas: 4'));
  await view.settle();
  assertInside(await boxOf(page, ERROR_BOX), viewport, 'the error box after the redraw');
  assert.equal(await page.locator('#fit').getAttribute('aria-pressed'), 'false', 'the user’s zoom is kept, not reset to the fit');
  assert.ok((await zoomPercent(page)) > 100 && (await zoomPercent(page)) <= zoom);
  await page.screenshot({ path: path.join(RESULTS_DIR, 'preview-520-error-in-view.png') });
  await page.context().close();
});

test('zoom survives a reload; another document starts fitted', async () => {
  const view = await opened('vscode-light', { width: 900, height: 700 }, NODEPORT_EXAMPLE);
  const page = view.page;
  await page.locator('#viewport').focus();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowRight');
  await view.settle();
  const before = await boxOf(page, '#diagram svg');
  await page.waitForTimeout(400); // the view is saved once zooming settles
  await page.reload();
  await view.waitForAck(1);
  await view.settle();
  assert.deepEqual(await boxOf(page, '#diagram svg'), before);
  assert.equal(await page.locator('#fit').getAttribute('aria-pressed'), 'false');

  await renderChecked(view, 2, LOADBALANCER_EXAMPLE, 'file:///workspace/storefront.yaml');
  await view.settle();
  await assertFitted(view, 'another document');
  await page.context().close();
});
