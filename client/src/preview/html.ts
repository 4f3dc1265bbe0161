/**
 * The preview page, built without any VS Code API so the browser tests load exactly the page (and the
 * Content-Security-Policy) the extension ships.
 */

export interface PreviewPageOptions {
  /** `webview.cspSource`: the origin allowed to serve the bundle. */
  cspSource: string;
  /** A fresh random value per page load; the only thing that lets a script run. */
  nonce: string;
  /** `webview.asWebviewUri(dist/webview.js)`. */
  scriptUri: string;
}

/**
 * Scripts run only with the nonce (no inline handlers, no eval). Styles must allow 'unsafe-inline':
 * Mermaid writes `style` attributes and a `<style>` element into every SVG, and without it Chromium
 * blocks them and draws black boxes. No nonce in style-src: a nonce would switch 'unsafe-inline' off.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource} data:`,
  ].join('; ');
}

export function previewHtml({ cspSource, nonce, scriptUri }: PreviewPageOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Traffic preview</title>
<style>${STYLE}</style>
</head>
<body>
<header class="toolbar">
  <div class="heading">
    <div id="title" class="title"></div>
    <div id="status" class="status" role="status" aria-live="polite"></div>
  </div>
  <div class="actions">
    <div class="zoom" role="group" aria-label="Zoom">
      <button id="zoom-out" type="button" aria-label="Zoom out" title="Zoom out (-)">−</button>
      <output id="zoom-level" class="level" aria-label="Zoom level"></output>
      <button id="zoom-in" type="button" aria-label="Zoom in" title="Zoom in (+)">+</button>
      <button id="fit" type="button" aria-pressed="true" aria-label="Fit the diagram to the panel" title="Fit the diagram to the panel (0)">Fit</button>
      <button id="actual" type="button" aria-label="Show at actual size" title="Show at actual size (1)">1:1</button>
    </div>
    <button id="copy" type="button" title="Copy the Mermaid source as a Markdown code block">Copy Mermaid</button>
    <button id="save" type="button" title="Save the diagram as an SVG file">Save SVG</button>
  </div>
</header>
<main>
  <pre id="error" class="error" hidden></pre>
  <div id="viewport" class="viewport" tabindex="0" role="group" aria-roledescription="diagram"
    aria-label="Traffic path diagram. Wheel or plus and minus zoom, drag or arrow keys pan, 0 fits it to the panel."
    title="Wheel: zoom. Drag, Shift+wheel or arrow keys: pan. 0: fit.">
    <div id="diagram" class="diagram"></div>
  </div>
</main>
<script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
</body>
</html>`;
}

/** Shown when a restored panel's saved state is unusable; no script at all. */
export function unavailableHtml(cspSource: string, message: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(`default-src 'none'; style-src ${cspSource} 'unsafe-inline'`)}">
<style>${STYLE}</style></head>
<body><main><p class="error">${text(message)}</p></main></body></html>`;
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// VS Code sets the --vscode-* variables and the body theme classes in every webview.
const STYLE = `
html, body { height: 100%; }
body { margin: 0; padding: 0; display: flex; flex-direction: column; overflow: hidden;
  color: var(--vscode-foreground, #333); background: var(--vscode-editor-background, #fff);
  font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px); }
.toolbar { flex: none; display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; padding: 6px 12px;
  border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); }
.heading { flex: 1 1 14em; min-width: 0; }
/* Long titles wrap onto a second line instead of losing their end; the full text is in the tooltip. */
.title { font-weight: 600; overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
.status { opacity: .75; font-size: 90%; overflow-wrap: anywhere; }
.actions, .zoom { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.zoom { gap: 2px; }
.level { min-width: 3.6em; text-align: center; font-variant-numeric: tabular-nums; opacity: .85; }
button { white-space: nowrap; font: inherit; color: var(--vscode-button-secondaryForeground, #fff); background: var(--vscode-button-secondaryBackground, #5f6a79);
  border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent)); border-radius: 2px; padding: 3px 10px; cursor: pointer; }
.zoom button { min-width: 2.2em; padding: 3px 6px; }
button:hover { background: var(--vscode-button-secondaryHoverBackground, #4c5561); }
button[aria-pressed="true"] { outline: 1px solid var(--vscode-focusBorder, #0078d4); outline-offset: -1px; }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0078d4); outline-offset: 2px; }
main { flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; }
/* The diagram is placed by the script (position and size); the viewport itself never scrolls. */
.viewport { flex: 1 1 auto; min-height: 0; position: relative; overflow: hidden; cursor: grab; touch-action: none; }
.viewport.dragging { cursor: grabbing; }
.viewport:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0078d4); outline-offset: -1px; }
/* Hidden until Mermaid has produced the SVG, so raw source never flashes. */
.diagram { position: absolute; left: 0; top: 0; visibility: hidden; }
.diagram.ready { visibility: visible; }
.diagram svg { display: block; }
.diagram .node.clickable { cursor: pointer; }
.diagram .node.clickable:hover > * { filter: brightness(1.08); }
.diagram .node.clickable:focus-visible { outline: 2px solid var(--vscode-focusBorder, #0078d4); }
.error { margin: 12px; color: var(--vscode-errorForeground, #e51400); white-space: pre-wrap; font-family: var(--vscode-editor-font-family, monospace); }
`;
