import type { FromWebview, PreviewState, SavedView, ToWebview } from '../src/preview/messages';
import { bindGestures, ZOOM_STEP } from './gestures';
import { bestLayout, type Size } from './layout';
import { PanZoom } from './panzoom';
import { DiagramRenderer, labelText, nodeIdOf, type Layout } from './render';
import { mermaidTheme, watchTheme } from './theme';

/**
 * The preview page's script. It knows nothing about Kubernetes: it draws the Mermaid text the host sends,
 * fitted to the panel in whichever direction shows it biggest, lets the user zoom and pan, remembers all of it
 * with setState (the panel is not kept alive while hidden, and is restored after a reload), and reports
 * renders, clicks and export requests back to the host.
 */

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const element = (id: string) => document.getElementById(id) as HTMLElement;
const viewport = element('viewport');
const diagram = element('diagram');
const errorBox = element('error');
const title = element('title');
const status = element('status');
const zoomLevel = element('zoom-level');
const fitButton = element('fit');
const renderer = new DiagramRenderer();
const panZoom = new PanZoom(viewport, diagram, viewChanged);
let current = validState(vscode.getState());
let layouts: Layout[] = [];
let shown: Layout | undefined;
let clickable = new Set<string>();
let saveTimer: ReturnType<typeof setTimeout> | undefined;

async function show(state: PreviewState): Promise<void> {
  title.textContent = state.title;
  title.title = state.title;
  status.textContent = 'Drawing…';
  const outcome = await renderer.render(state.mermaid, mermaidTheme(document.body));
  if (outcome.kind === 'stale') return;
  if (outcome.kind === 'failed') {
    errorBox.textContent = `The diagram could not be drawn:\n${outcome.message}`;
    errorBox.hidden = false;
    status.textContent = 'The diagram could not be drawn.';
    vscode.postMessage({ type: 'renderError', seq: state.seq, message: outcome.message });
    return;
  }
  errorBox.hidden = true;
  errorBox.textContent = '';
  layouts = outcome.layouts;
  clickable = new Set(state.clickable);
  const kept = state.view && layouts.find((layout) => layout.direction === state.view?.direction);
  const svg = mount(kept ?? bestLayout(layouts, panelSize()) ?? layouts[0], kept ? state.view : undefined);
  keepMarkedBoxesInView();
  status.textContent = clickable.size > 0 ? 'Click a box to show its YAML.' : '';
  const nodes = [...svg.querySelectorAll('g.node')];
  vscode.postMessage({
    type: 'rendered',
    seq: state.seq,
    nodes: nodes.length,
    edges: svg.querySelectorAll('path.flowchart-link').length,
    labels: nodes.map(labelText),
  });
}

function mount(layout: Layout, view?: SavedView): SVGSVGElement {
  // Mermaid's output with securityLevel 'strict': labels were sanitised by DOMPurify, and the CSP would block
  // any script or inline handler that still got through.
  diagram.innerHTML = layout.markup;
  diagram.classList.add('ready');
  shown = layout;
  const svg = diagram.querySelector('svg') as SVGSVGElement;
  for (const node of svg.querySelectorAll('g.node')) {
    const id = nodeIdOf(node);
    if (id && clickable.has(id)) {
      node.classList.add('clickable');
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'button');
    }
  }
  panZoom.mount(svg, layout, view);
  return svg;
}

/** Fits the diagram to the panel, switching to the direction that shows it biggest at the panel's shape. */
function fitToPanel(): void {
  const best = bestLayout(layouts, panelSize());
  if (best && best !== shown) mount(best);
  else panZoom.fit();
}

/**
 * Boxes carrying findings are what the user most needs to see. A fitted diagram shows every box; at the
 * user's own zoom, a redraw or resize pans (and if needed zooms out) until all of them are on screen.
 */
function keepMarkedBoxesInView(): void {
  if (panZoom.fitted) return;
  const areas = [...diagram.querySelectorAll('g.node.problem, g.node.warning, g.node.info')].flatMap((node) => panZoom.areaOf(node) ?? []);
  if (areas.length === 0) return;
  const left = Math.min(...areas.map((a) => a.x));
  const top = Math.min(...areas.map((a) => a.y));
  const right = Math.max(...areas.map((a) => a.x + a.width));
  const bottom = Math.max(...areas.map((a) => a.y + a.height));
  panZoom.bringIntoView({ x: left, y: top, width: right - left, height: bottom - top });
}

function panelSize(): Size {
  return { width: viewport.clientWidth, height: viewport.clientHeight };
}

function currentView(): SavedView | undefined {
  return shown && !panZoom.fitted ? { direction: shown.direction, ...panZoom.current } : undefined;
}

function viewChanged(): void {
  zoomLevel.textContent = shown ? `${Math.round(panZoom.current.scale * 100)} %` : '';
  fitButton.setAttribute('aria-pressed', String(panZoom.fitted));
  // Wheel and drag report many steps a second; the state is saved once they settle.
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    if (!current) return;
    current = { ...current, view: currentView() };
    vscode.setState(current);
  }, 250);
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message?.type === 'lock') {
    if (current) vscode.setState((current = { ...current, locked: message.locked === true }));
    return;
  }
  if (message?.type !== 'update') return;
  // The version guard: an update older than what is shown (or being drawn) is dropped.
  if (current && message.uri === current.uri && message.seq <= current.seq) return;
  // A redraw of the same document keeps the user's zoom; another document starts fitted.
  const view = current?.uri === message.uri ? currentView() : undefined;
  const locked = message.locked ?? current?.locked;
  current = { uri: message.uri, seq: message.seq, title: message.title, mermaid: message.mermaid, clickable: message.clickable, locked, view };
  vscode.setState(current);
  void show(current);
});

function reveal(target: EventTarget | null): void {
  const node = target instanceof Element ? target.closest('g.node') : null;
  const id = node ? nodeIdOf(node) : undefined;
  if (id && clickable.has(id)) vscode.postMessage({ type: 'reveal', nodeId: id });
}

diagram.addEventListener('click', (event) => reveal(event.target));
// Tabbing to a box off screen: the browser would scroll the viewport (overflow: hidden still scrolls) and
// throw the zoom's geometry off. The scroll is undone and the box panned into view instead.
viewport.addEventListener('scroll', () => viewport.scrollTo(0, 0));
diagram.addEventListener('focusin', (event) => {
  const node = event.target instanceof Element ? event.target.closest('g.node') : null;
  const area = node ? panZoom.areaOf(node) : undefined;
  if (area) panZoom.bringIntoView(area);
});
diagram.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    reveal(event.target);
  }
});

bindGestures(viewport, panZoom, fitToPanel);
element('zoom-in').addEventListener('click', () => panZoom.zoomBy(ZOOM_STEP));
element('zoom-out').addEventListener('click', () => panZoom.zoomBy(1 / ZOOM_STEP));
element('actual').addEventListener('click', () => panZoom.zoomTo(1));
fitButton.addEventListener('click', fitToPanel);
new ResizeObserver(() => {
  if (!shown) return;
  if (panZoom.fitted) fitToPanel();
  else panZoom.resized();
  keepMarkedBoxesInView();
}).observe(viewport);

element('copy').addEventListener('click', () => vscode.postMessage({ type: 'copyMermaid' }));
element('save').addEventListener('click', () => {
  const svg = diagram.querySelector('svg');
  if (!svg || !shown) return;
  // Saved at its natural size, not at the zoom on screen.
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.style.removeProperty('width');
  copy.style.removeProperty('height');
  copy.setAttribute('width', String(shown.width));
  copy.setAttribute('height', String(shown.height));
  // XMLSerializer, not outerHTML: the labels are XHTML inside <foreignObject>, and a .svg file must be XML.
  vscode.postMessage({ type: 'saveSvg', svg: new XMLSerializer().serializeToString(copy) });
});

watchTheme(document.body, () => {
  if (!current) return;
  current = { ...current, view: currentView() };
  void show(current);
});

function validState(state: unknown): PreviewState | undefined {
  const s = state as Partial<PreviewState> | undefined;
  if (!s || typeof s.uri !== 'string' || typeof s.mermaid !== 'string' || typeof s.seq !== 'number') return undefined;
  const clickable = Array.isArray(s.clickable) ? s.clickable.filter((c) => typeof c === 'string') : [];
  const v = s.view;
  const view =
    v && (v.direction === 'LR' || v.direction === 'TD') && [v.scale, v.x, v.y].every((n) => typeof n === 'number' && Number.isFinite(n)) && v.scale > 0
      ? { direction: v.direction, scale: v.scale, x: v.x, y: v.y }
      : undefined;
  return { uri: s.uri, seq: s.seq, title: typeof s.title === 'string' ? s.title : '', mermaid: s.mermaid, clickable, locked: s.locked === true, view };
}

// After a reload the last diagram is drawn at once from the saved state, before the host answers.
viewChanged();
if (current) void show(current);
vscode.postMessage({ type: 'ready' });
