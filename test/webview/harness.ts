import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { contentSecurityPolicy, previewHtml } from '../../client/src/preview/html';
import type { FromWebview, UpdateMessage } from '../../client/src/preview/messages';

/**
 * Loads the real preview page (html.ts, production CSP) and the real bundle (dist/webview.js) in headless
 * Chromium, served from 127.0.0.1, with `acquireVsCodeApi` stubbed the way VS Code provides it.
 */

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const BUNDLE = path.join(REPO_ROOT, 'dist', 'webview.js');

/** The CSS variables and body class VS Code gives a webview, for the themes the tests use. */
export const THEMES = {
  'vscode-light': { '--vscode-editor-background': '#ffffff', '--vscode-foreground': '#3b3b3b', '--vscode-editor-foreground': '#3b3b3b' },
  'vscode-dark': { '--vscode-editor-background': '#1f1f1f', '--vscode-foreground': '#cccccc', '--vscode-editor-foreground': '#cccccc' },
  'vscode-high-contrast': {
    '--vscode-editor-background': '#000000',
    '--vscode-foreground': '#ffffff',
    '--vscode-editor-foreground': '#ffffff',
    '--vscode-contrastBorder': '#6fc3df',
  },
} as const;
export type Theme = keyof typeof THEMES;

export interface Harness {
  origin: string;
  nonce: string;
  browser: Browser;
  /** `scale` is the device pixel ratio (2 for crisp README screenshots); `panel` the page's size in CSS pixels. */
  open(theme?: Theme, scale?: number, panel?: PanelSize): Promise<PreviewPage>;
  close(): Promise<void>;
}

export interface PanelSize {
  width: number;
  height: number;
}

export interface PreviewPage {
  page: Page;
  /** Resolves once layout, resize observers and painting have caught up with the last change. */
  settle(): Promise<void>;
  consoleErrors: string[];
  pageErrors: string[];
  post(message: Omit<UpdateMessage, 'type'>): Promise<void>;
  /** Resolves with the webview's `rendered` (or `renderError`) message for `seq`. */
  waitForAck(seq: number, type?: 'rendered' | 'renderError'): Promise<FromWebview>;
  posted(): Promise<FromWebview[]>;
  cspViolations(): Promise<string[]>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
  const nonce = randomBytes(18).toString('base64');
  let html = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/dist/webview.js') {
      response.setHeader('content-type', 'text/javascript; charset=utf-8');
      createReadStream(BUNDLE).pipe(response);
    } else if (url.pathname === '/favicon.ico') {
      // Chromium asks for it on its own; a 404 would show up as a console error of the page.
      response.statusCode = 204;
      response.end();
    } else if (url.pathname === '/') {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(themed(html, (url.searchParams.get('theme') as Theme) ?? 'vscode-light'));
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  html = previewHtml({ cspSource: origin, nonce, scriptUri: `${origin}/dist/webview.js` });
  if (!html.includes(contentSecurityPolicy(origin, nonce))) throw new Error('page does not carry the production CSP');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    origin,
    nonce,
    browser,
    open: (theme = 'vscode-light', scale = 1, panel = { width: 1280, height: 720 }) => openPage(browser, origin, theme, scale, panel),
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What VS Code does to a webview page: theme class on <body>, --vscode-* variables on <html>. */
function themed(html: string, theme: Theme): string {
  const vars = Object.entries(THEMES[theme])
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return html.replace('<html lang="en">', `<html lang="en" style="${vars}">`).replace('<body>', `<body class="${theme}">`);
}

async function openPage(browser: Browser, origin: string, theme: Theme, scale: number, panel: PanelSize): Promise<PreviewPage> {
  const context = await browser.newContext({ viewport: panel, deviceScaleFactor: scale });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const posted: unknown[] = [];
    const violations: string[] = [];
    w.__posted = posted;
    w.__csp = violations;
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    // VS Code's API object; the state survives reloads of the page like VS Code's webview state does.
    w.acquireVsCodeApi = () => ({
      postMessage: (message: unknown) => posted.push(message),
      getState: () => JSON.parse(sessionStorage.getItem('vscode-state') ?? 'null') ?? undefined,
      setState: (state: unknown) => sessionStorage.setItem('vscode-state', JSON.stringify(state)),
    });
  });
  await page.goto(`${origin}/?theme=${theme}`);
  return {
    page,
    settle: () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))),
    consoleErrors,
    pageErrors,
    post: (message) => page.evaluate((m) => window.postMessage({ type: 'update', ...m }, '*'), message),
    async waitForAck(seq, type = 'rendered') {
      const handle = await page.waitForFunction(
        ([s, t]) => ((window as unknown as { __posted: Array<{ type: string; seq?: number }> }).__posted ?? []).find((m) => m.type === t && m.seq === s),
        [seq, type] as const,
        { timeout: 30_000 },
      );
      return (await handle.jsonValue()) as FromWebview;
    },
    posted: () => page.evaluate(() => (window as unknown as { __posted: FromWebview[] }).__posted),
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
}
