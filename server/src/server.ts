import { createConnection, LSPErrorCodes, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile, parseFileInSlices, type FileModel, type PlacedChunk } from './kubernetes/manifest';
import { DEFAULT_SETTINGS, sizeLimit } from './analysis/settings';
import { WorkspaceIndex } from './kubernetes/workspace';
import type { ServerContext } from './lsp/context';
import { registerDiagnostics, type DiagnosticsPublisher } from './lsp/diagnostics';
import type { TextDocument as OpenDocument } from 'vscode-languageserver-textdocument';
import { SettingsStore } from './lsp/settings';
import { WorkspaceFiles } from './lsp/workspaceFiles';
import { FEATURES } from './lsp';
import type { InitializationOptions } from './protocol/index';
import type { ServerCapabilities } from 'vscode-languageserver/node';

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
const indexListeners: Array<(uri: string, receivedAt?: number) => void> = [];
let settingsStore: SettingsStore | undefined;
let diagnostics: DiagnosticsPublisher | undefined;
/** Open documents larger than this are parsed in slices when first opened (see openInSlices). */
const SLICED_OPEN_CHARS = 256 * 1024;
/** The chunks parsed so far of documents being opened in slices: any parse meanwhile starts from them. */
const opening = new Map<string, { chunks: PlacedChunk[] }>();

const ctx: ServerContext = {
  connection,
  documents,
  index,
  settings: (uri?: string) => settingsStore?.get(uri) ?? (() => { throw new Error('settings used before initialize'); })(),
  fileModel(uri: string): FileModel | undefined {
    const document = documents.get(uri);
    if (!document) return index.get(uri);
    const maxSize = maxSizeOf(uri);
    const parsedAs = parsedAsOf(document.version, maxSize);
    if (parsedVersions.get(uri) !== parsedAs || !index.get(uri)) {
      index.set(parseFile(uri, document.getText(), opening.get(uri) ?? index.get(uri), { maxSize }));
      parsedVersions.set(uri, parsedAs);
    }
    return index.get(uri);
  },
  scheduleDiagnostics: (uri) => diagnostics?.schedule(uri),
  clientHasTrafficPreview: () => (initParams?.initializationOptions as InitializationOptions | undefined)?.trafficPreviewCommand === true,
  onIndexChanged: (listener) => indexListeners.push(listener),
  indexChanged: (uri, receivedAt) => indexListeners.forEach((listener) => listener(uri, receivedAt)),
};

const workspaceFiles = new WorkspaceFiles(ctx);
let initParams: InitializeParams | undefined;

connection.onInitialize((params) => {
  initParams = params;
  const capabilities = params.capabilities;
  settingsStore = new SettingsStore(connection, params.initializationOptions as InitializationOptions | undefined, !!capabilities.workspace?.configuration);
  diagnostics = registerDiagnostics(settingsStore.withProjectFileProblems(ctx));
  ctx.clientCapabilities = params.capabilities;
  for (const feature of FEATURES) feature.register(ctx);
  return {
    capabilities: Object.assign(
      {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        workspace: { workspaceFolders: { supported: true } },
      },
      ...FEATURES.map((feature) => feature.capabilities),
    ) as ServerCapabilities,
    serverInfo: { name: 'kube-service-lens', version: process.env.KSL_VERSION ?? '0.1.0' },
  };
});

connection.onInitialized(async () => {
  const capabilities = initParams?.capabilities;
  const folders = initParams?.workspaceFolders ?? (initParams?.rootUri ? [{ uri: initParams.rootUri, name: 'root' }] : []);
  // Before any await: documents opened next are checked with the project file already applied.
  settingsStore?.watchProjectFiles(ctx, folders);
  await settingsStore?.register(() => diagnostics?.schedule());
  await workspaceFiles.start(folders, !!capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration);
});

// Only the part of a huge document within kubeServiceLens.maxFileSize is parsed (analysis/limits.ts).
const maxSizeOf = (uri: string) => sizeLimit(settingsStore?.get(uri) ?? DEFAULT_SETTINGS);
const parsedAsOf = (version: number, maxSize: number | undefined) => `${version}/${maxSize ?? 'all'}`;

documents.onDidChangeContent(({ document }) => {
  const receivedAt = performance.now();
  if (opensInSlices(document)) {
    void openInSlices(document).catch((error) => connection.console.error(`Opening ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`));
    return;
  }
  ctx.fileModel(document.uri);
  ctx.indexChanged(document.uri, receivedAt);
});

/** The first parse of a big text; edits reuse every untouched document's parse and cost little. */
function opensInSlices(document: OpenDocument): boolean {
  if (parsedVersions.has(document.uri) || opening.has(document.uri)) return false;
  const text = document.getText();
  return text.length > SLICED_OPEN_CHARS && index.get(document.uri)?.text !== text;
}

/**
 * Opening a multi-megabyte manifest takes seconds of parsing. Done in slices, requests and edits are served
 * meanwhile, and the first screen's own findings are published as soon as it is parsed; the complete diagnostics
 * follow as for any other change. An edit or a request that needs the model meanwhile parses the rest at once,
 * starting from the chunks parsed so far.
 */
async function openInSlices(document: OpenDocument): Promise<void> {
  const { uri, version } = document;
  const progress = { chunks: [] as PlacedChunk[] };
  opening.set(uri, progress);
  const maxSize = maxSizeOf(uri);
  const parsedAs = parsedAsOf(version, maxSize);
  // The same open document (a close and reopen makes a new one, maybe with the same version) at the same version.
  const current = () => documents.get(uri) === document && document.version === version;
  try {
    const model = await parseFileInSlices(
      uri,
      document.getText(),
      index.get(uri),
      { maxSize, isStale: () => !current() || parsedVersions.get(uri) === parsedAs, onHead: (head) => diagnostics?.preliminary(uri, version, head) },
      progress,
    );
    // Edited or closed meanwhile: that change has been handled already.
    if (!current()) return;
    if (model && parsedVersions.get(uri) !== parsedAs) {
      index.set(model);
      parsedVersions.set(uri, parsedAs);
    }
    ctx.indexChanged(uri);
  } finally {
    if (opening.get(uri) === progress) opening.delete(uri);
  }
}

documents.onDidClose(({ document }) => {
  parsedVersions.delete(document.uri);
  opening.delete(document.uri);
  void workspaceFiles.closed(document.uri);
});

documents.listen(connection);
connection.listen();
