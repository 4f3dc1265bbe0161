import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { contentSecurityPolicy } from '../../client/src/preview/html';
import { build } from '../kit/traffic';
import { HOSTILE_EXAMPLE, HOSTILE_VALUES, LOADBALANCER_EXAMPLE, NODEPORT_EXAMPLE } from '../kit/trafficManifests';
import { REPO_ROOT, RESULTS_DIR, startHarness, THEMES, type Harness, type PreviewPage } from './harness';

let harness: Harness;
before(async () => {
  harness = await startHarness();
  mkdirSync(RESULTS_DIR, { recursive: true });
});
after(() => harness?.close());

const URI = 'file:///workspace/shop.yaml';
/** The update the host (panel.ts) posts for `text`, built by the server's own model and Mermaid generator. */
const update = (seq: number, text: string) => {
  const { graph, paths } = build(text);
  const title = `shop.yaml: ${paths.map((p) => `${p.name} (${p.type})`).join(', ')}`;
  return { seq, uri: URI, title, mermaid: graph.text, clickable: Object.keys(graph.links), graph };
};

/** Renders, then checks what every diagram must satisfy: SVG nodes/edges, clean CSP and console, real colours. */
async function renderChecked(view: PreviewPage, seq: number, text: string) {
  const message = update(seq, text);
  await view.post(message);
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
  // A CSP that blocks Mermaid's inline styles leaves the shapes filled black; this catches it.
  const fill = await view.page.locator('#diagram svg g.node').first().locator('rect, path, polygon').first().evaluate((el) => getComputedStyle(el).fill);
  assert.notEqual(fill, 'rgb(0, 0, 0)');
  assert.notEqual(fill, 'none');
  return { ack, message, fill };
}

test('the page carries the production CSP: nonce-only scripts, no remote origins', async () => {
  const view = await harness.open();
  const csp = await view.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.equal(csp, contentSecurityPolicy(harness.origin, harness.nonce));
  assert.match(csp ?? '', /^default-src 'none'; script-src 'nonce-[^']+'; style-src http:\/\/127\.0\.0\.1:\d+ 'unsafe-inline';/);
  assert.deepEqual((await view.posted()).map((m) => m.type), ['ready']);
  await view.page.context().close();
});

test('NodePort preview: lanes, node ports, kube-proxy, pods and the Deployment, drawn as SVG', async () => {
  const view = await harness.open('vscode-light', 2);
  const { ack } = await renderChecked(view, 1, NODEPORT_EXAMPLE);
  if (ack.type !== 'rendered') return;
  for (const label of ['Every node NodeIP:30080', 'ClusterIP :80 allocated by the API server', 'Deployment web 3 replicas', 'Ingress shop shop.example.com/', 'Every node NodeIP:nodePort allocated from 30000-32767']) {
    assert.ok(ack.labels.includes(label), `missing node "${label}" in ${JSON.stringify(ack.labels)}`);
  }
  assert.equal(await view.page.locator('#title').textContent(), 'shop.yaml: web (NodePort)');
  await screenshot(view, 'preview-nodeport.png', true);
  await view.page.context().close();
});

test('LoadBalancer preview (dark theme): the load balancer, health-checked nodes and client IP kept', async () => {
  const view = await harness.open('vscode-dark', 2);
  const { ack, fill } = await renderChecked(view, 1, LOADBALANCER_EXAMPLE);
  if (ack.type !== 'rendered') return;
  assert.ok(ack.labels.some((l) => l.startsWith('Load balancer ') && l.includes('allowed sources 203.0.113.0/24') && l.includes('passes only where a ready pod runs')), JSON.stringify(ack.labels));
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
  await view.page.waitForFunction((n) => (window as unknown as { __posted: Array<{ type: string }> }).__posted.filter((m) => m.type === 'rendered').length > n, before);
  const dark = await view.page.locator('#diagram svg g.node').first().locator('rect, path, polygon').first().evaluate((el) => getComputedStyle(el).fill);
  assert.notEqual(dark, light);
  assert.equal(dark, 'rgb(0, 0, 0)', 'high contrast uses the editor background for shapes');
  const stroke = await view.page.locator('#diagram svg g.node').first().locator('rect, path, polygon').first().evaluate((el) => getComputedStyle(el).stroke);
  assert.notEqual(stroke, 'rgb(0, 0, 0)', 'and a visible border');
  assert.deepEqual(await view.cspViolations(), []);
  await screenshot(view, 'preview-high-contrast.png', false);
  await view.page.context().close();
});

test('three rapid updates leave only the last diagram; an older update arriving late is ignored', async () => {
  const view = await harness.open();
  const texts = [NODEPORT_EXAMPLE, LOADBALANCER_EXAMPLE, NODEPORT_EXAMPLE.replace(/name: web/g, 'name: last')];
  const messages = texts.map((text, i) => update(i + 1, text));
  await view.page.evaluate((ms) => ms.forEach((m) => window.postMessage({ type: 'update', ...m }, '*')), messages.map(({ graph: _graph, ...m }) => m));
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
  assert.deepEqual(posted.filter((m) => m.type === 'reveal'), [{ type: 'reveal', nodeId: 's0_w0' }, { type: 'reveal', nodeId: 's0_l0_np' }]);
  assert.ok(posted.some((m) => m.type === 'copyMermaid'));
  const saved = posted.find((m) => m.type === 'saveSvg') as { svg: string } | undefined;
  assert.ok(saved?.svg.startsWith('<svg'));
  assert.equal(await page.evaluate((svg) => new DOMParser().parseFromString(svg, 'image/svg+xml').getElementsByTagName('parsererror').length, saved?.svg ?? ''), 0, 'saved SVG is well-formed XML');

  await view.post({ seq: 2, uri: URI, title: 'broken', mermaid: 'flowchart LR\n  a[[["', clickable: [] });
  const failed = await view.waitForAck(2, 'renderError');
  assert.equal(failed.type, 'renderError');
  assert.equal(await page.locator('#error').isVisible(), true);
  assert.match((await page.locator('#error').textContent()) ?? '', /^The diagram could not be drawn:/);
  await page.context().close();
});

test('fitted to the panel by default (never below 60 %), actual size on request, remembered across reloads', async () => {
  const view = await harness.open();
  await view.page.setViewportSize({ width: 1800, height: 600 });
  await renderChecked(view, 1, NODEPORT_EXAMPLE);
  const svg = () => view.page.locator('#diagram svg');
  const natural = await svg().evaluate((el) => (el as SVGSVGElement).viewBox.baseVal.width);
  const shown = async () => Math.round((await svg().boundingBox())?.width ?? 0);
  assert.ok(natural > 1800, `the example is wider than the panel (${natural})`);
  assert.equal(await shown(), 1800 - 24, 'fits the panel (minus padding)');
  await view.page.setViewportSize({ width: 500, height: 600 });
  assert.equal(await shown(), Math.round(natural * 0.6), 'but stays readable: scrolls below 60 %');
  await view.page.locator('#zoom').click();
  assert.equal(await view.page.locator('#zoom').getAttribute('aria-pressed'), 'false');
  assert.equal(await shown(), Math.round(natural));
  await view.page.reload();
  await view.waitForAck(1);
  assert.equal(await view.page.locator('#zoom').textContent(), 'Fit to width');
  assert.equal(await shown(), Math.round(natural));
  await view.page.context().close();
});

/** Screenshots the preview as a user sees it in a 1400 px wide editor column (fitted, the default). */
async function screenshot(view: PreviewPage, name: string, forReadme: boolean): Promise<void> {
  const file = path.join(RESULTS_DIR, name);
  await view.page.setViewportSize({ width: 1400, height: 720 });
  const box = await view.page.locator('main').boundingBox();
  await view.page.screenshot({ path: file, clip: { x: 0, y: 0, width: 1400, height: Math.min(1400, Math.ceil((box?.y ?? 0) + (box?.height ?? 720))) }, fullPage: true });
  // A test run must not rewrite tracked files (PNG bytes differ run to run): README images only on request.
  if (forReadme && process.env.UPDATE_README_IMAGES === '1') {
    mkdirSync(path.join(REPO_ROOT, 'docs', 'images'), { recursive: true });
    copyFileSync(file, path.join(REPO_ROOT, 'docs', 'images', name));
  }
}
