import { createConnection, LSPErrorCodes, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile, type FileModel } from './core/parse';
import { DEFAULT_SETTINGS, sizeLimit } from './core/settings';
import { WorkspaceIndex } from './core/workspace';
import type { ServerContext } from './handlers/context';
import { registerDiagnostics } from './handlers/diagnostics';
import { SettingsStore } from './handlers/settings';
import { WorkspaceFiles } from './handlers/workspaceFiles';
import { FEATURES } from './handlers';
import type { InitializationOptions } from './protocol';

// The transport (--stdio, --node-ipc, --socket=N) comes from the command line, so any LSP client can start us.
const connection = createConnection(ProposedFeatures.all, {
  // A request the client cancels while it still waits behind slow work is answered at once and never run, so
  // abandoned hovers and code actions (the mouse moved on) do not pile up behind a big file.
  cancelUndispatched: (message) => ({
    jsonrpc: '2.0',
    id: 'id' in message ? (message.id as number | string | null) : null,
    error: { code: LSPErrorCodes.RequestCancelled, message: 'Request cancelled before it started.' },
  }),
});
const documents = new TextDocuments(TextDocument);
const index = new WorkspaceIndex();
/** `version/limit` of the text each open document's model was parsed from. */
const parsedVersions = new Map<string, string>();
const indexListeners: Array<(uri: string) => void> = [];
let settingsStore: SettingsStore | undefined;
let scheduleDiagnostics: (uri?: string) => void = () => undefined;

const ctx: ServerContext = {
  connection,
  documents,
  index,
  settings: (uri?: string) => settingsStore?.get(uri) ?? (() => { throw new Error('settings used before initialize'); })(),
  fileModel(uri: string): FileModel | undefined {
    const document = documents.get(uri);
    if (!document) return index.get(uri);
    // Only the part of a huge document within kubeServiceLens.maxFileSize is parsed (core/limits.ts).
    const maxSize = sizeLimit(settingsStore?.get(uri) ?? DEFAULT_SETTINGS);
    const parsedAs = `${document.version}/${maxSize ?? 'all'}`;
    if (parsedVersions.get(uri) !== parsedAs || !index.get(uri)) {
      index.set(parseFile(uri, document.getText(), index.get(uri), { maxSize }));
      parsedVersions.set(uri, parsedAs);
    }
    return index.get(uri);
  },
  scheduleDiagnostics: (uri) => scheduleDiagnostics(uri),
  clientHasTrafficPreview: () => (initParams?.initializationOptions as InitializationOptions | undefined)?.trafficPreviewCommand === true,
  onIndexChanged: (listener) => indexListeners.push(listener),
  indexChanged: (uri) => indexListeners.forEach((listener) => listener(uri)),
};

const workspaceFiles = new WorkspaceFiles(ctx);
let initParams: InitializeParams | undefined;

connection.onInitialize((params) => {
  initParams = params;
  const capabilities = params.capabilities;
  settingsStore = new SettingsStore(connection, params.initializationOptions as InitializationOptions | undefined, !!capabilities.workspace?.configuration);
  scheduleDiagnostics = registerDiagnostics(settingsStore.withProjectFileProblems(ctx));
  ctx.clientCapabilities = params.capabilities;
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
  const folders = initParams?.workspaceFolders ?? (initParams?.rootUri ? [{ uri: initParams.rootUri, name: 'root' }] : []);
  // Before any await: documents opened next are checked with the project file already applied.
  settingsStore?.watchProjectFiles(ctx, folders);
  await settingsStore?.register(() => scheduleDiagnostics());
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
