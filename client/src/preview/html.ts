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
    <button id="zoom" type="button" aria-pressed="true" title="Switch between fitting the diagram to the panel and its actual size">Actual size</button>
    <button id="copy" type="button" title="Copy the Mermaid source as a Markdown code block">Copy Mermaid</button>
    <button id="save" type="button" title="Save the diagram as an SVG file">Save SVG</button>
  </div>
</header>
<main>
  <div id="diagram" class="diagram" aria-label="Traffic path diagram"></div>
  <pre id="error" class="error" hidden></pre>
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
body { margin: 0; padding: 0; color: var(--vscode-foreground, #333); background: var(--vscode-editor-background, #fff);
  font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px); }
.toolbar { position: sticky; top: 0; left: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center;
  padding: 6px 12px; background: var(--vscode-editor-background, #fff); border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); }
.heading { flex: 1 1 12em; min-width: 0; }
.title { font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.status { opacity: .75; font-size: 90%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; }
button { white-space: nowrap; font: inherit; color: var(--vscode-button-secondaryForeground, #fff); background: var(--vscode-button-secondaryBackground, #5f6a79);
  border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 3px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-secondaryHoverBackground, #4c5561); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0078d4); outline-offset: 2px; }
main { padding: 12px; overflow: auto; }
/* Hidden until Mermaid has produced the SVG, so raw source never flashes. */
.diagram { visibility: hidden; }
.diagram.ready { visibility: visible; }
.diagram svg { height: auto; }
.diagram .node.clickable { cursor: pointer; }
.diagram .node.clickable:hover > * { filter: brightness(1.08); }
.error { color: var(--vscode-errorForeground, #e51400); white-space: pre-wrap; font-family: var(--vscode-editor-font-family, monospace); }
`;
