import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { SHOW_TRAFFIC_PREVIEW_COMMAND, TRAFFIC_GRAPH_METHOD, type TrafficGraphResult } from '../../../server/src/protocol/index';
import { unavailableHtml } from './html';
import { PREVIEW_VIEW_TYPE, type PreviewState } from './messages';
import { TrafficPreviewPanel, type RenderAck } from './panel';

export const SHOW_IN_PLACE_COMMAND = 'kubeServiceLens.showTrafficPreview';
export const SHOW_LOCKED_COMMAND = 'kubeServiceLens.showLockedTrafficPreviewToSide';
export const TOGGLE_LOCK_COMMAND = 'kubeServiceLens.toggleTrafficPreviewLock';
export const LOCK_COMMAND = 'kubeServiceLens.lockTrafficPreview';
export const UNLOCK_COMMAND = 'kubeServiceLens.unlockTrafficPreview';

/** Context key behind the editor-title button: the active YAML editor holds at least one Service. */
const HAS_SERVICE_CONTEXT = 'kubeServiceLens.editorHasService';
/** Context keys behind the preview's own title buttons (lock / unlock). */
const FOCUS_CONTEXT = 'kubeServiceLens.trafficPreviewFocus';
const LOCKED_CONTEXT = 'kubeServiceLens.trafficPreviewLocked';
const CLIENT_WAIT_MS = 30_000;

/**
 * Owns the traffic previews, the way VS Code's Markdown preview does: one preview that follows the active
 * editor (switching to each YAML editor that holds a Service), plus any number of previews the user locked,
 * one per document. Restored after a window reload (serializer), kept in step with edits and the cursor, and
 * the source of the `onDidRender` event the extension API exposes.
 */
export class TrafficPreviewManager implements vscode.WebviewPanelSerializer<PreviewState>, vscode.Disposable {
  private readonly previews = new Set<TrafficPreviewPanel>();
  private readonly renderEmitter = new vscode.EventEmitter<RenderAck>();
  private readonly lastRenders = new Map<string, RenderAck>();
  private contextTimer: NodeJS.Timeout | undefined;
  /** Fires each time a preview has drawn a diagram. */
  readonly onDidRender = this.renderEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly languageClient: () => LanguageClient | undefined,
  ) {}

  /** Registers the commands, the serializer and the listeners; call during activation (serializers must be). */
  register(): vscode.Disposable[] {
    this.scheduleContextUpdate(); // for the editor that is already open at start-up
    return [
      vscode.commands.registerCommand(SHOW_TRAFFIC_PREVIEW_COMMAND, (uri?: unknown, position?: unknown) => this.show(uri, position, { toSide: true })),
      vscode.commands.registerCommand(SHOW_IN_PLACE_COMMAND, (uri?: unknown, position?: unknown) => this.show(uri, position, { toSide: false })),
      vscode.commands.registerCommand(SHOW_LOCKED_COMMAND, (uri?: unknown, position?: unknown) => this.show(uri, position, { toSide: true, locked: true })),
      vscode.commands.registerCommand(TOGGLE_LOCK_COMMAND, () => this.toggleLock()),
      vscode.commands.registerCommand(LOCK_COMMAND, () => this.toggleLock(true)),
      vscode.commands.registerCommand(UNLOCK_COMMAND, () => this.toggleLock(false)),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (contentChanges.length === 0 || document.languageId !== 'yaml') return;
        // Workloads, Ingresses and routes in one file change the diagrams of Services in others.
        for (const preview of this.previews) preview.refresh();
        if (document === vscode.window.activeTextEditor?.document) this.scheduleContextUpdate();
      }),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor, selections }) => {
        const uri = textEditor.document.uri.toString();
        for (const preview of this.previews) if (preview.documentUri.toString() === uri) preview.follow(selections[0]?.active);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.scheduleContextUpdate()),
      // A chart or overlay rendered again (after a save) republishes its files' diagnostics: their diagrams are new too.
      vscode.languages.onDidChangeDiagnostics(({ uris }) => {
        const changed = new Set(uris.map((uri) => uri.toString()));
        for (const preview of this.previews) if (changed.has(preview.documentUri.toString())) preview.refresh();
      }),
    ];
  }

  /** The last diagram drawn for `uri`, if a preview has rendered one. */
  lastRender(uri: vscode.Uri | string): RenderAck | undefined {
    return this.lastRenders.get(uri.toString());
  }

  /** The preview that follows the active editor, if one is open. */
  get followingPreview(): TrafficPreviewPanel | undefined {
    return [...this.previews].find((p) => !p.locked);
  }

  /**
   * Opens (or reveals) a preview of a document; arguments as the CodeLens and menus pass them. The following
   * preview is reused and moved to the document; a locked one is per document.
   */
  async show(uriArg: unknown, positionArg: unknown, options: { toSide: boolean; locked?: boolean }): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg instanceof vscode.Uri ? uriArg : editor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a YAML file with a Kubernetes Service to preview its traffic path.');
      return;
    }
    const position = toPosition(positionArg) ?? (editor?.document.uri.toString() === uri.toString() ? editor.selection.active : undefined);
    const locked = options.locked === true;
    let preview = locked ? [...this.previews].find((p) => p.locked && p.documentUri.toString() === uri.toString()) : this.followingPreview;
    if (preview) {
      preview.panel.reveal(options.toSide ? preview.panel.viewColumn : (editor?.viewColumn ?? vscode.ViewColumn.Active), options.toSide);
    } else {
      const column = options.toSide ? vscode.ViewColumn.Beside : (editor?.viewColumn ?? vscode.ViewColumn.Active);
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Traffic', { viewColumn: column, preserveFocus: options.toSide });
      preview = this.adopt(panel, uri, locked);
    }
    preview.show(uri, position);
  }

  /**
   * Locks the active preview to its document, or lets it follow the active editor again (`locked` undefined:
   * the other state). Without an active preview: the only one, else the following one. As in the Markdown preview, a
   * preview left redundant by the change (a second following one, or a second locked one of the same
   * document) is closed.
   */
  toggleLock(locked?: boolean): void {
    const all = [...this.previews];
    const target = all.find((p) => p.panel.active) ?? (all.length === 1 ? all[0] : this.followingPreview);
    if (!target) return;
    const next = locked ?? !target.locked;
    target.setLocked(next);
    for (const other of [...this.previews]) {
      if (other === target || other.locked !== next) continue;
      if (!next || other.documentUri.toString() === target.documentUri.toString()) other.dispose();
    }
    // Unlocked from the command palette while a YAML editor is active: follow it now, not at the next switch.
    if (!next) this.scheduleContextUpdate();
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    if (!state || typeof state.uri !== 'string') {
      panel.webview.html = unavailableHtml(panel.webview.cspSource, 'This traffic preview cannot be restored. Open it again from a YAML file with a Service.');
      return;
    }
    const uri = vscode.Uri.parse(state.uri);
    const locked = state.locked === true;
    const duplicate = [...this.previews].some((p) => p.locked === locked && (!locked || p.documentUri.toString() === uri.toString()));
    if (duplicate) {
      panel.dispose(); // one following preview, one locked preview per document
      return;
    }
    this.adopt(panel, uri, locked, typeof state.seq === 'number' ? state.seq : 0).refresh();
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, locked: boolean, restoredSeq = 0): TrafficPreviewPanel {
    const preview = new TrafficPreviewPanel(
      panel,
      uri,
      locked,
      {
        extensionUri: this.extensionUri,
        client: () => this.readyClient(),
        onRendered: (ack) => {
          this.lastRenders.set(ack.uri, ack);
          this.renderEmitter.fire(ack);
        },
        onDisposed: (p) => {
          this.previews.delete(p);
          this.updatePreviewContext();
        },
        onDidChangeState: () => this.updatePreviewContext(),
      },
      restoredSeq,
    );
    this.previews.add(preview);
    this.updatePreviewContext();
    return preview;
  }

  private updatePreviewContext(): void {
    const active = [...this.previews].find((p) => p.panel.active);
    void vscode.commands.executeCommand('setContext', FOCUS_CONTEXT, active !== undefined);
    void vscode.commands.executeCommand('setContext', LOCKED_CONTEXT, active?.locked === true);
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

  /** Debounced: asks the server whether the active YAML editor holds a Service. */
  private scheduleContextUpdate(): void {
    if (this.contextTimer) clearTimeout(this.contextTimer);
    this.contextTimer = setTimeout(() => void this.updateContext(), 250);
  }

  /**
   * Sets the title-button context key and moves the following preview to the active editor. Only YAML
   * editors that hold a Service are followed: a Deployment-only file has no traffic path, and switching to it
   * would only blank the diagram. Editors without a column (diff and output views) are not followed either.
   */
  private async updateContext(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const document = editor?.document;
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
    const following = this.followingPreview;
    if (hasService && following && editor?.viewColumn !== undefined && vscode.window.activeTextEditor === editor) {
      following.show(editor.document.uri, editor.selection.active);
    }
  }

  dispose(): void {
    if (this.contextTimer) clearTimeout(this.contextTimer);
    for (const preview of [...this.previews]) preview.dispose();
    this.renderEmitter.dispose();
  }
}

function toPosition(value: unknown): vscode.Position | undefined {
  if (value instanceof vscode.Position) return value;
  const p = value as { line?: unknown; character?: unknown } | undefined;
  return p && typeof p.line === 'number' && typeof p.character === 'number' ? new vscode.Position(p.line, p.character) : undefined;
}
