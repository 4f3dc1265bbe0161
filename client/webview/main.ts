import type { FromWebview, PreviewState, ToWebview } from '../src/preview/messages';
import { DiagramRenderer, nodeIdOf } from './render';
import { mermaidTheme, watchTheme } from './theme';

/**
 * The preview page's script. It knows nothing about Kubernetes: it draws the Mermaid text the host sends,
 * remembers it with setState (the panel is not kept alive while hidden, and is restored after a reload),
 * and reports renders, clicks and export requests back to the host.
 */

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const diagram = document.getElementById('diagram') as HTMLElement;
const renderer = new DiagramRenderer(diagram, document.getElementById('error') as HTMLElement);
const title = document.getElementById('title') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const zoom = document.getElementById('zoom') as HTMLButtonElement;
let current = validState(vscode.getState());
let clickable = new Set<string>();
let fit = current?.fit !== false;

async function show(state: PreviewState): Promise<void> {
  title.textContent = state.title;
  status.textContent = 'Drawing…';
  const outcome = await renderer.render(state.mermaid, mermaidTheme(document.body));
  if (outcome.kind === 'stale') return;
  if (outcome.kind === 'failed') {
    status.textContent = 'The diagram could not be drawn.';
    vscode.postMessage({ type: 'renderError', seq: state.seq, message: outcome.message });
    return;
  }
  clickable = new Set(state.clickable);
  for (const node of outcome.result.svg.querySelectorAll('g.node')) {
    const id = nodeIdOf(node);
    if (id && clickable.has(id)) {
      node.classList.add('clickable');
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'button');
    }
  }
  applyZoom();
  status.textContent = clickable.size > 0 ? 'Click a box to show its YAML.' : '';
  const { nodes, edges, labels } = outcome.result;
  vscode.postMessage({ type: 'rendered', seq: state.seq, nodes, edges, labels });
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message?.type !== 'update') return;
  // The version guard: an update older than what is shown (or being drawn) is dropped.
  if (current && message.uri === current.uri && message.seq <= current.seq) return;
  current = { uri: message.uri, seq: message.seq, title: message.title, mermaid: message.mermaid, clickable: message.clickable, fit };
  vscode.setState(current);
  void show(current);
});

function reveal(target: EventTarget | null): void {
  const node = target instanceof Element ? target.closest('g.node') : null;
  const id = node ? nodeIdOf(node) : undefined;
  if (id && clickable.has(id)) vscode.postMessage({ type: 'reveal', nodeId: id });
}

diagram.addEventListener('click', (event) => reveal(event.target));
diagram.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    reveal(event.target);
  }
});

(document.getElementById('copy') as HTMLElement).addEventListener('click', () => vscode.postMessage({ type: 'copyMermaid' }));
(document.getElementById('save') as HTMLElement).addEventListener('click', () => {
  const svg = diagram.querySelector('svg');
  // XMLSerializer, not outerHTML: the labels are XHTML inside <foreignObject>, and a .svg file must be XML.
  if (svg) vscode.postMessage({ type: 'saveSvg', svg: new XMLSerializer().serializeToString(svg) });
});

/**
 * "Fit" (the default) shrinks the diagram to the panel so the whole path is visible, but never below
 * MIN_FIT_SCALE of its size (the panel scrolls instead), so labels stay readable in a narrow side panel.
 * "Actual size" shows it unscaled. Fitting never enlarges a small diagram.
 */
const MIN_FIT_SCALE = 0.6;

function applyZoom(): void {
  zoom.textContent = fit ? 'Actual size' : 'Fit to width';
  zoom.setAttribute('aria-pressed', String(fit));
  const svg = diagram.querySelector('svg');
  const width = svg?.viewBox.baseVal?.width;
  if (!svg || !width) return;
  svg.setAttribute('width', fit ? '100%' : String(width));
  svg.style.maxWidth = fit ? `${width}px` : 'none';
  svg.style.minWidth = fit ? `${Math.round(width * MIN_FIT_SCALE)}px` : '';
}

zoom.addEventListener('click', () => {
  fit = !fit;
  applyZoom();
  if (current) {
    current = { ...current, fit };
    vscode.setState(current);
  }
});

watchTheme(document.body, () => {
  if (current) void show(current);
});

function validState(state: unknown): PreviewState | undefined {
  const s = state as Partial<PreviewState> | undefined;
  if (!s || typeof s.uri !== 'string' || typeof s.mermaid !== 'string' || typeof s.seq !== 'number') return undefined;
  const clickable = Array.isArray(s.clickable) ? s.clickable.filter((c) => typeof c === 'string') : [];
  return { uri: s.uri, seq: s.seq, title: typeof s.title === 'string' ? s.title : '', mermaid: s.mermaid, clickable, fit: s.fit !== false };
}

// After a reload the last diagram is drawn at once from the saved state, before the host answers.
applyZoom();
if (current) void show(current);
vscode.postMessage({ type: 'ready' });
