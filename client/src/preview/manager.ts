import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { SHOW_TRAFFIC_PREVIEW_COMMAND, TRAFFIC_GRAPH_METHOD, type TrafficGraphResult } from '../../../server/src/protocol/index';
import { unavailableHtml } from './html';
import { PREVIEW_VIEW_TYPE, type PreviewState } from './messages';
import { TrafficPreviewPanel, type RenderAck } from './panel';

/** Context key behind the editor-title button: the active YAML editor holds at least one Service. */
const HAS_SERVICE_CONTEXT = 'kubeServiceLens.editorHasService';
const CLIENT_WAIT_MS = 30_000;

/**
 * Owns the traffic previews: one panel per document, restored after a window reload (serializer), kept in
 * step with edits and with the cursor, and the source of the `onDidRender` event the extension API exposes.
 */
export class TrafficPreviewManager implements vscode.WebviewPanelSerializer<PreviewState>, vscode.Disposable {
  private readonly panels = new Map<string, TrafficPreviewPanel>();
  private readonly renderEmitter = new vscode.EventEmitter<RenderAck>();
  private readonly lastRenders = new Map<string, RenderAck>();
  private contextTimer: NodeJS.Timeout | undefined;
  /** Fires each time a preview has drawn a diagram. */
  readonly onDidRender = this.renderEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly languageClient: () => LanguageClient | undefined,
  ) {}

  /** Registers the command, the serializer and the listeners; call during activation (serializers must be). */
  register(): vscode.Disposable[] {
    this.scheduleContextUpdate(); // for the editor that is already open at start-up
    return [
      vscode.commands.registerCommand(SHOW_TRAFFIC_PREVIEW_COMMAND, (uri?: unknown, position?: unknown) => this.show(uri, position)),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (contentChanges.length === 0 || document.languageId !== 'yaml') return;
        // Workloads, Ingresses and routes in one file change the diagrams of Services in others.
        for (const preview of this.panels.values()) preview.refresh();
        if (document === vscode.window.activeTextEditor?.document) this.scheduleContextUpdate();
      }),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor, selections }) => {
        this.panels.get(textEditor.document.uri.toString())?.follow(selections[0]?.active);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.scheduleContextUpdate()),
    ];
  }

  /** The last diagram drawn for `uri`, if its preview has rendered one. */
  lastRender(uri: vscode.Uri | string): RenderAck | undefined {
    return this.lastRenders.get(uri.toString());
  }

  /** Opens (or reveals) the preview of a document beside it; arguments as the CodeLens and menus pass them. */
  async show(uriArg?: unknown, positionArg?: unknown): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg instanceof vscode.Uri ? uriArg : editor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a YAML file with a Kubernetes Service to preview its traffic path.');
      return;
    }
    const position = toPosition(positionArg) ?? (editor?.document.uri.toString() === uri.toString() ? editor.selection.active : undefined);
    const key = uri.toString();
    let preview = this.panels.get(key);
    if (preview) {
      preview.panel.reveal(preview.panel.viewColumn, true);
    } else {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Traffic', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
      preview = this.adopt(panel, uri);
    }
    preview.follow(position);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    if (!state || typeof state.uri !== 'string') {
      panel.webview.html = unavailableHtml(panel.webview.cspSource, 'This traffic preview cannot be restored. Open it again from a YAML file with a Service.');
      return;
    }
    const uri = vscode.Uri.parse(state.uri);
    if (this.panels.has(uri.toString())) {
      panel.dispose(); // one panel per document
      return;
    }
    this.adopt(panel, uri, typeof state.seq === 'number' ? state.seq : 0).refresh();
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, restoredSeq = 0): TrafficPreviewPanel {
    const preview = new TrafficPreviewPanel(
      panel,
      uri,
      {
        extensionUri: this.extensionUri,
        client: () => this.readyClient(),
        onRendered: (ack) => {
          this.lastRenders.set(ack.uri, ack);
          this.renderEmitter.fire(ack);
        },
        onDisposed: (p) => {
          if (this.panels.get(p.documentUri.toString()) === p) this.panels.delete(p.documentUri.toString());
        },
      },
      restoredSeq,
    );
    this.panels.set(uri.toString(), preview);
    return preview;
  }

  /** The running language client; waits (bounded) while it starts or restarts. */
  private async readyClient(): Promise<LanguageClient> {
    const deadline = Date.now() + CLIENT_WAIT_MS;
    for (;;) {
      const client = this.languageClient();
      if (client?.state === State.Running) return client;
      if (Date.now() > deadline) throw new Error('the language server is not running');
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          subscription?.dispose();
          resolve();
        };
        const timer = setTimeout(done, 500);
        const subscription = client?.onDidChangeState(done);
      });
    }
  }

  /** Debounced: asks the server whether the active YAML editor holds a Service (for the title button). */
  private scheduleContextUpdate(): void {
    if (this.contextTimer) clearTimeout(this.contextTimer);
    this.contextTimer = setTimeout(() => void this.updateContext(), 250);
  }

  private async updateContext(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    let hasService = false;
    if (document?.languageId === 'yaml') {
      try {
        const client = await this.readyClient();
        const result = await client.sendRequest<TrafficGraphResult>(TRAFFIC_GRAPH_METHOD, { textDocument: { uri: document.uri.toString() } });
        hasService = result.services.length > 0;
      } catch {
        hasService = false;
      }
    }
    await vscode.commands.executeCommand('setContext', HAS_SERVICE_CONTEXT, hasService);
  }

  dispose(): void {
    if (this.contextTimer) clearTimeout(this.contextTimer);
    for (const preview of [...this.panels.values()]) preview.dispose();
    this.renderEmitter.dispose();
  }
}

function toPosition(value: unknown): vscode.Position | undefined {
  if (value instanceof vscode.Position) return value;
  const p = value as { line?: unknown; character?: unknown } | undefined;
  return p && typeof p.line === 'number' && typeof p.character === 'number' ? new vscode.Position(p.line, p.character) : undefined;
}
