import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TRAFFIC_GRAPH_METHOD, type TrafficGraphParams, type TrafficGraphResult } from '../../../server/src/protocol/index';
import { previewHtml } from './html';
import type { FromWebview, LockMessage, UpdateMessage } from './messages';

/** First refresh at once, then at most one server request per interval while the user types. */
const THROTTLE_MS = 300;

/** What the webview reports once a diagram is on screen (also the extension API's render event). */
export interface RenderAck {
  uri: string;
  seq: number;
  nodes: number;
  edges: number;
  labels: string[];
}

export interface PanelDeps {
  extensionUri: vscode.Uri;
  client(): Promise<LanguageClient>;
  onRendered(ack: RenderAck): void;
  onDisposed(panel: TrafficPreviewPanel): void;
  /** The panel became (or stopped being) the active editor, or was locked or unlocked. */
  onDidChangeState(panel: TrafficPreviewPanel): void;
}

/**
 * One preview panel. The page is loaded once; later diagrams are posted as messages. An unlocked panel is
 * moved from document to document as the user switches editors (the manager decides when); a locked one
 * stays on its document. Every refresh gets a sequence number and an answer older than one already posted
 * is dropped, so out-of-order server answers never replace a newer diagram.
 */
export class TrafficPreviewPanel implements vscode.Disposable {
  private seq: number;
  private posted: number;
  /** The document the posted diagram describes: acknowledgements are reported for it. */
  private postedUri: string | undefined;
  private last: TrafficGraphResult | undefined;
  private position: vscode.Position | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastRequestAt = 0;
  private disposed = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private resource: vscode.Uri,
    private lockedToResource: boolean,
    private readonly deps: PanelDeps,
    /** After a window reload: the webview's saved sequence number, so its version guard keeps working. */
    restoredSeq = 0,
  ) {
    this.seq = restoredSeq;
    this.posted = restoredSeq;
    if (restoredSeq > 0) this.postedUri = resource.toString(); // the restored page redraws its saved diagram
    const dist = vscode.Uri.joinPath(deps.extensionUri, 'dist');
    panel.webview.options = { enableScripts: true, enableForms: false, localResourceRoots: [dist] };
    panel.title = previewTitle(resource, lockedToResource);
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
    });
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: FromWebview) => this.onMessage(message)),
      panel.onDidChangeViewState(() => deps.onDidChangeState(this)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The document shown. */
  get documentUri(): vscode.Uri {
    return this.resource;
  }

  get locked(): boolean {
    return this.lockedToResource;
  }

  /** Shows `uri` from now on (the position picks its Service); the diagram of the previous one is dropped. */
  show(uri: vscode.Uri, position: vscode.Position | undefined): void {
    if (uri.toString() === this.resource.toString()) {
      this.follow(position);
      return;
    }
    this.resource = uri;
    this.position = position;
    this.last = undefined;
    this.panel.title = previewTitle(uri, this.lockedToResource);
    this.refresh();
  }

  setLocked(locked: boolean): void {
    if (locked === this.lockedToResource) return;
    this.lockedToResource = locked;
    this.panel.title = previewTitle(this.resource, locked);
    const message: LockMessage = { type: 'lock', locked };
    void this.panel.webview.postMessage(message);
    this.deps.onDidChangeState(this);
  }

  /** Shows the Service under `position` (or all Services of the document when it is not inside one). */
  follow(position: vscode.Position | undefined): void {
    if (position && this.position?.isEqual(position)) return;
    this.position = position;
    this.refresh();
  }

  /** Schedules a server request: immediately if the last one is old enough, else at the end of the interval. */
  refresh(): void {
    if (this.disposed || this.timer) return;
    const wait = Math.max(0, this.lastRequestAt + THROTTLE_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, wait);
  }

  private async update(): Promise<void> {
    this.lastRequestAt = Date.now();
    const seq = ++this.seq;
    const uri = this.resource.toString();
    const params: TrafficGraphParams = {
      textDocument: { uri },
      ...(this.position ? { position: { line: this.position.line, character: this.position.character } } : {}),
    };
    let result: TrafficGraphResult;
    try {
      const client = await this.deps.client();
      result = await client.sendRequest<TrafficGraphResult>(TRAFFIC_GRAPH_METHOD, params);
    } catch (error) {
      if (!this.disposed) void vscode.window.setStatusBarMessage(`Traffic preview: ${error instanceof Error ? error.message : String(error)}`, 5000);
      return;
    }
    // A newer answer is already on its way or shown, or the panel has moved on to another document.
    if (this.disposed || seq <= this.posted || uri !== this.resource.toString()) return;
    this.posted = seq;
    this.last = result;
    this.post();
  }

  private post(): void {
    if (!this.last) return;
    const message: UpdateMessage = {
      type: 'update',
      seq: this.posted,
      uri: this.resource.toString(),
      title: this.title(this.last),
      mermaid: this.last.mermaid,
      clickable: Object.keys(this.last.links),
      locked: this.lockedToResource,
    };
    this.postedUri = message.uri;
    void this.panel.webview.postMessage(message);
  }

  private title(result: TrafficGraphResult): string {
    const names = result.services.map((s) => `${s.name ?? '(unnamed)'} (${s.type})`);
    if (names.length === 0) return baseName(this.documentUri);
    return result.scope === 'service' ? `Service ${names[0]}` : `${baseName(this.documentUri)}: ${names.join(', ')}`;
  }

  private onMessage(message: FromWebview): void {
    switch (message?.type) {
      case 'ready':
        // A (re)loaded page: give it the newest diagram we have, then ask for a fresh one.
        this.post();
        this.refresh();
        return;
      case 'rendered':
        // Only the newest diagram counts; an older one finishing late may belong to the previous document.
        if (message.seq !== this.posted || !this.postedUri) return;
        this.deps.onRendered({ uri: this.postedUri, seq: message.seq, nodes: message.nodes, edges: message.edges, labels: message.labels });
        return;
      case 'reveal':
        void this.reveal(message.nodeId);
        return;
      case 'copyMermaid':
        void this.copyMermaid();
        return;
      case 'saveSvg':
        void this.saveSvg(message.svg);
        return;
      default:
        return;
    }
  }

  /** Only node ids the server listed can be revealed: the webview never names a file itself. */
  private async reveal(nodeId: string): Promise<void> {
    const link = this.last?.links[nodeId];
    if (!link) return;
    const uri = vscode.Uri.parse(link.uri);
    const { start, end } = link.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const shown =
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === link.uri) ??
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.documentUri.toString());
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async copyMermaid(): Promise<void> {
    if (!this.last) return;
    await vscode.env.clipboard.writeText('```mermaid\n' + this.last.mermaid + '```\n');
    void vscode.window.setStatusBarMessage('Traffic preview: Mermaid source copied as a Markdown block.', 3000);
  }

  private async saveSvg(svg: unknown): Promise<void> {
    if (typeof svg !== 'string' || !svg.startsWith('<svg')) return;
    const folder = this.documentUri.scheme === 'file' ? vscode.Uri.joinPath(this.documentUri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `${baseName(this.documentUri).replace(/\.ya?ml$/i, '')}-traffic.svg`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { 'SVG image': ['svg'] },
      title: 'Save traffic diagram as SVG',
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, 'utf8'));
    void vscode.window.setStatusBarMessage(`Traffic preview: saved ${baseName(target)}`, 3000);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.deps.onDisposed(this);
    this.panel.dispose();
  }
}

/** As VS Code's Markdown preview names its tabs: "Traffic x.yaml", and "[Traffic] x.yaml" when locked. */
export function previewTitle(uri: vscode.Uri, locked: boolean): string {
  return locked ? `[Traffic] ${baseName(uri)}` : `Traffic ${baseName(uri)}`;
}

function baseName(uri: vscode.Uri): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1) || uri.toString();
}
