import { MessageType, ShowMessageNotification, TextDocumentSyncKind, type Connection, type ServerCapabilities } from 'vscode-languageserver/node';
import { WORKSPACE_TRUSTED_NOTIFICATION, type InitializationOptions } from '../protocol/index';
import { LanguageService } from '../service/languageService';
import type { ServerContext } from './context';
import { registerDiagnostics } from './diagnostics';
import { FEATURES } from './index';
import { EditorSettings } from './settings';
import { WorkspaceFiles } from './workspaceFiles';

/** Serves one client on `connection`: everything lives as long as the connection, nothing in module state. */
export function startServer(connection: Connection): void {
  const service = new LanguageService({
    // window/showMessage, not connection.window.showWarningMessage (a showMessageRequest, whose rejection by a
    // client without it would go unhandled): a warning with no actions needs no answer.
    warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined),
    logError: (message) => connection.console.error(message),
  });
  listenToDocuments(connection, service);

  connection.onInitialize((params) => {
    const init = params.initializationOptions as InitializationOptions | undefined;
    // An untrusted workspace's charts and overlays are not rendered until the user trusts it (the client says so).
    service.setRenderingAllowed(init?.workspaceTrusted !== false);
    connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => service.setRenderingAllowed(true));
    const editorSettings = new EditorSettings(connection, service, init, !!params.capabilities.workspace?.configuration);
    const ctx: ServerContext = {
      connection,
      service,
      clientCapabilities: params.capabilities,
      clientHasTrafficPreview: init?.trafficPreviewCommand === true,
      scheduleDiagnostics: (uri) => diagnostics.schedule(uri),
    };
    const diagnostics = registerDiagnostics(ctx);
    for (const feature of FEATURES) feature.register(ctx);
    const workspaceFiles = new WorkspaceFiles(ctx);
    // A closed document's text is read back from disk, or dropped when it is not part of the workspace.
    service.onDidCloseDocument((uri) => void workspaceFiles.closed(uri));

    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    connection.onInitialized(async () => {
      // Before any await: documents opened next are checked with the project files already applied.
      service.setWorkspaceFolders(folders);
      await editorSettings.start(folders, () => {
        void workspaceFiles
          .excludesChanged()
          .catch((error) => connection.console.error(`Applying files.exclude failed: ${error instanceof Error ? error.stack : String(error)}`));
      });
      await workspaceFiles.start(folders, !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
      // Every chart and overlay among the indexed files, once; later, when a file they read changes on disk.
      service.renderWorkspace();
    });

    return {
      capabilities: Object.assign(
        {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
          workspace: { workspaceFolders: { supported: true } },
        },
        ...FEATURES.map((feature) => feature.capabilities),
      ) as ServerCapabilities,
      serverInfo: { name: 'kube-service-lens', version: process.env.KSL_VERSION ?? '0.1.0' },
    };
  });
  connection.listen();
}

/** The editor's text of open documents goes to the service, which owns them from there. */
function listenToDocuments(connection: Connection, service: LanguageService): void {
  connection.onDidOpenTextDocument(({ textDocument: { uri, languageId, version, text } }) => service.openDocument(uri, languageId, version, text));
  connection.onDidChangeTextDocument(({ textDocument: { uri, version }, contentChanges }) => service.changeDocument(uri, version, contentChanges));
  connection.onDidCloseTextDocument(({ textDocument: { uri } }) => service.closeDocument(uri));
  // A render reads the disk: a save is when an edit reaches the charts and overlays that read the file.
  connection.onDidSaveTextDocument(({ textDocument: { uri } }) => service.fileChangedOnDisk(uri));
}
