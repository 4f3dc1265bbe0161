import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { contentSecurityPolicy } from '../../client/src/preview/html';
import { HOSTILE_EXAMPLE, HOSTILE_VALUES, LOADBALANCER_EXAMPLE, NODEPORT_EXAMPLE } from '../kit/trafficManifests';
import { renderChecked, update, URI } from './diagram';
import { REPO_ROOT, RESULTS_DIR, startHarness, THEMES, type Harness, type PanelSize, type PreviewPage } from './harness';

let harness: Harness;
before(async () => {
  harness = await startHarness();
  mkdirSync(RESULTS_DIR, { recursive: true });
});
after(() => harness?.close());

test('the page carries the production CSP: nonce-only scripts, no remote origins', async () => {
  const view = await harness.open();
  const csp = await view.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.equal(csp, contentSecurityPolicy(harness.origin, harness.nonce));
  assert.match(csp ?? '', /^default-src 'none'; script-src 'nonce-[^']+'; style-src http:\/\/127\.0\.0\.1:\d+ 'unsafe-inline';/);
  assert.deepEqual(
    (await view.posted()).map((m) => m.type),
    ['ready'],
  );
  await view.page.context().close();
});

test('NodePort preview: lanes, node ports, kube-proxy, pods and the Deployment, drawn as SVG', async () => {
  const view = await harness.open('vscode-light', 2, README_EDITOR);
  const { ack } = await renderChecked(view, 1, NODEPORT_EXAMPLE);
  if (ack.type !== 'rendered') return;
  for (const label of [
    'Every node NodeIP:30080',
    'ClusterIP :80 allocated by the API server',
    'Deployment web 3 replicas',
    'Ingress shop shop.example.com/',
    'Every node NodeIP:nodePort allocated from 30000-32767',
  ]) {
    assert.ok(ack.labels.includes(label), `missing node "${label}" in ${JSON.stringify(ack.labels)}`);
  }
  assert.equal(await view.page.locator('#title').textContent(), 'shop.yaml: web (NodePort)');
  await screenshot(view, 'preview-nodeport.png', true);
  await view.page.context().close();
});

test('LoadBalancer preview (dark theme, side panel): the load balancer, health-checked nodes and client IP kept', async () => {
  const view = await harness.open('vscode-dark', 2, README_SIDE_PANEL);
  const { ack, fill } = await renderChecked(view, 1, LOADBALANCER_EXAMPLE);
  if (ack.type !== 'rendered') return;
  assert.ok(
    ack.labels.some((l) => l.startsWith('Load balancer ') && l.includes('allowed sources 203.0.113.0/24') && l.includes('passes only where a ready pod runs')),
    JSON.stringify(ack.labels),
  );
  assert.ok(ack.labels.includes('Every node NodeIP:nodePort allocated from 30000-32767 a node without a ready pod does not forward'));
  assert.ok(await view.page.getByText('only to pods on this node, client IP kept').first().isVisible());
  assert.notEqual(fill, 'rgb(255, 255, 255)', 'dark theme nodes are not white');
  await screenshot(view, 'preview-loadbalancer.png', true);
  await view.page.context().close();
});

test('hostile names, labels and annotations: no script runs, no javascript: link, the diagram still renders', async () => {
  const view = await harness.open();
  const { ack } = await renderChecked(view, 1, HOSTILE_EXAMPLE);
  if (ack.type !== 'rendered') return;
  const page = view.page;
  // Click every node too: no click callback or link may exist.
  for (const node of await page.locator('#diagram svg g.node').all()) await node.click({ force: true });
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
  assert.equal(await page.locator('#diagram a, #diagram script, #diagram iframe, #diagram img, #diagram [onerror], #diagram [onclick]').count(), 0);
  assert.equal(await page.locator('[href^="javascript:" i], [*|href^="javascript:" i]').count(), 0);
  // The values are shown as text, exactly.
  const text = (await page.locator('#diagram').textContent()) ?? '';
  for (const value of [HOSTILE_VALUES.name, HOSTILE_VALUES.annotation, HOSTILE_VALUES.externalName, HOSTILE_VALUES.namespace, HOSTILE_VALUES.lbClass]) {
    assert.ok(text.includes(value), `"${value}" is not shown verbatim`);
  }
  assert.deepEqual(await view.cspViolations(), []);
  await screenshot(view, 'preview-hostile.png', false);
  await page.context().close();
});

test('theme switch: VS Code changing the body class re-renders with the new theme', async () => {
  const view = await harness.open('vscode-light');
  const { fill: light } = await renderChecked(view, 1, NODEPORT_EXAMPLE);
  const before = (await view.posted()).filter((m) => m.type === 'rendered').length;
  // What VS Code does on a theme change: new variables on <html>, new class on <body>.
  await view.page.evaluate((vars) => {
    for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(name, value);
    document.body.className = 'vscode-high-contrast';
  }, THEMES['vscode-high-contrast']);
  await view.page.waitForFunction(
    (n) => (window as unknown as { __posted: Array<{ type: string }> }).__posted.filter((m) => m.type === 'rendered').length > n,
    before,
  );
  const dark = await view.page
    .locator('#diagram svg g.node')
    .first()
    .locator('rect, path, polygon')
    .first()
    .evaluate((el) => getComputedStyle(el).fill);
  assert.notEqual(dark, light);
  assert.equal(dark, 'rgb(0, 0, 0)', 'high contrast uses the editor background for shapes');
  const stroke = await view.page
    .locator('#diagram svg g.node')
    .first()
    .locator('rect, path, polygon')
    .first()
    .evaluate((el) => getComputedStyle(el).stroke);
  assert.notEqual(stroke, 'rgb(0, 0, 0)', 'and a visible border');
  assert.deepEqual(await view.cspViolations(), []);
  await screenshot(view, 'preview-high-contrast.png', false);
  await view.page.context().close();
});

test('three rapid updates leave only the last diagram; an older update arriving late is ignored', async () => {
  const view = await harness.open();
  const texts = [NODEPORT_EXAMPLE, LOADBALANCER_EXAMPLE, NODEPORT_EXAMPLE.replace(/name: web/g, 'name: last')];
  const messages = texts.map((text, i) => update(i + 1, text));
  await view.page.evaluate(
    (ms) => ms.forEach((m) => window.postMessage({ type: 'update', ...m }, '*')),
    messages.map(({ graph: _graph, ...m }) => m),
  );
  const ack = await view.waitForAck(3);
  if (ack.type !== 'rendered') throw new Error('not rendered');
  assert.ok(ack.labels.includes('Deployment last 3 replicas'));
  await view.post({ ...messages[1], seq: 2 });
  await view.page.waitForTimeout(300);
  const acks = (await view.posted()).filter((m) => m.type === 'rendered').map((m) => (m as { seq: number }).seq);
  assert.equal(acks[acks.length - 1], 3, `the last diagram shown is the newest: ${acks.join(',')}`);
  assert.equal(await view.page.locator('#diagram svg').count(), 1);
  assert.ok(((await view.page.locator('#diagram').textContent()) ?? '').includes('Deployment last'));
  await view.page.context().close();
});

test('state survives a reload: the saved diagram is drawn again before the host answers', async () => {
  const view = await harness.open();
  await renderChecked(view, 4, NODEPORT_EXAMPLE);
  await view.page.reload();
  const ack = await view.waitForAck(4);
  assert.equal(ack.type, 'rendered');
  // Only what the page did by itself: no update was posted after the reload.
  assert.deepEqual((await view.posted()).map((m) => m.type).sort(), ['ready', 'rendered']);
  assert.ok(((await view.page.locator('#diagram').textContent()) ?? '').includes('NodeIP:30080'));
  await view.page.context().close();
});

test('clicks reveal YAML, exports are requested from the host, and a broken diagram shows its error as text', async () => {
  const view = await harness.open();
  await renderChecked(view, 1, NODEPORT_EXAMPLE);
  const page = view.page;
  await page.locator('#diagram svg g.node.clickable[id*="flowchart-s0_w0-"]').click();
  await page.locator('#diagram svg g.node.clickable[id*="flowchart-s0_l0_np-"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('#copy').click();
  await page.locator('#save').click();
  const posted = await view.posted();
  assert.deepEqual(
    posted.filter((m) => m.type === 'reveal'),
    [
      { type: 'reveal', nodeId: 's0_w0' },
      { type: 'reveal', nodeId: 's0_l0_np' },
    ],
  );
  assert.ok(posted.some((m) => m.type === 'copyMermaid'));
  const saved = posted.find((m) => m.type === 'saveSvg') as { svg: string } | undefined;
  assert.ok(saved?.svg.startsWith('<svg'));
  assert.equal(
    await page.evaluate((svg) => new DOMParser().parseFromString(svg, 'image/svg+xml').getElementsByTagName('parsererror').length, saved?.svg ?? ''),
    0,
    'saved SVG is well-formed XML',
  );

  await view.post({ seq: 2, uri: URI, title: 'broken', mermaid: 'flowchart LR\n  a[[["', clickable: [] });
  const failed = await view.waitForAck(2, 'renderError');
  assert.equal(failed.type, 'renderError');
  assert.equal(await page.locator('#error').isVisible(), true);
  assert.match((await page.locator('#error').textContent()) ?? '', /^The diagram could not be drawn:/);
  await page.context().close();
});

/** README images: the preview in a wide editor column, and in a side panel beside the YAML (drawn top-down). */
const README_EDITOR: PanelSize = { width: 900, height: 560 };
const README_SIDE_PANEL: PanelSize = { width: 520, height: 760 };

/** Screenshots the whole page, at the size it was opened with (fitted, the default). */
async function screenshot(view: PreviewPage, name: string, forReadme: boolean): Promise<void> {
  const file = path.join(RESULTS_DIR, name);
  await view.settle();
  await view.page.screenshot({ path: file });
  // A test run must not rewrite tracked files (PNG bytes differ run to run): README images only on request.
  if (forReadme && process.env.UPDATE_README_IMAGES === '1') {
    mkdirSync(path.join(REPO_ROOT, 'docs', 'images'), { recursive: true });
    copyFileSync(file, path.join(REPO_ROOT, 'docs', 'images', name));
  }
}
