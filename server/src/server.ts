import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile, type FileModel } from './core/parse';
import { WorkspaceIndex } from './core/workspace';
import type { ServerContext } from './handlers/context';
import { registerDiagnostics } from './handlers/diagnostics';
import { SettingsStore } from './handlers/settings';
import { WorkspaceFiles } from './handlers/workspaceFiles';
import { FEATURES } from './handlers';
import type { InitializationOptions } from './protocol';

// The transport (--stdio, --node-ipc, --socket=N) comes from the command line, so any LSP client can start us.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const index = new WorkspaceIndex();
const parsedVersions = new Map<string, number>();
const indexListeners: Array<(uri: string) => void> = [];
let settingsStore: SettingsStore | undefined;
let scheduleDiagnostics: (uri?: string) => void = () => undefined;

const ctx: ServerContext = {
  connection,
  documents,
  index,
  settings: () => settingsStore?.get() ?? (() => { throw new Error('settings used before initialize'); })(),
  fileModel(uri: string): FileModel | undefined {
    const document = documents.get(uri);
    if (!document) return index.get(uri);
    if (parsedVersions.get(uri) !== document.version || !index.get(uri)) {
      index.set(parseFile(uri, document.getText(), index.get(uri)));
      parsedVersions.set(uri, document.version);
    }
    return index.get(uri);
  },
  scheduleDiagnostics: (uri) => scheduleDiagnostics(uri),
  onIndexChanged: (listener) => indexListeners.push(listener),
  indexChanged: (uri) => indexListeners.forEach((listener) => listener(uri)),
};

const workspaceFiles = new WorkspaceFiles(ctx);
let initParams: InitializeParams | undefined;

connection.onInitialize((params) => {
  initParams = params;
  const capabilities = params.capabilities;
  settingsStore = new SettingsStore(connection, params.initializationOptions as InitializationOptions | undefined, !!capabilities.workspace?.configuration);
  scheduleDiagnostics = registerDiagnostics(ctx);
  for (const feature of FEATURES) feature.register(ctx);
  return {
    capabilities: Object.assign(
      {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        workspace: { workspaceFolders: { supported: true } },
      },
      ...FEATURES.map((feature) => feature.capabilities),
    ),
    serverInfo: { name: 'kube-service-lens', version: process.env.KSL_VERSION ?? '0.1.0' },
  };
});

connection.onInitialized(async () => {
  const capabilities = initParams?.capabilities;
  await settingsStore?.register(() => scheduleDiagnostics());
  const folders = initParams?.workspaceFolders ?? (initParams?.rootUri ? [{ uri: initParams.rootUri, name: 'root' }] : []);
  await workspaceFiles.start(folders, !!capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration);
});

documents.onDidChangeContent(({ document }) => {
  ctx.fileModel(document.uri);
  ctx.indexChanged(document.uri);
});

documents.onDidClose(({ document }) => {
  parsedVersions.delete(document.uri);
  void workspaceFiles.closed(document.uri);
});

documents.listen(connection);
connection.listen();
