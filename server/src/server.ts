import { createConnection, LSPErrorCodes, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

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
startServer(connection);
