import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver/node';
import type { PositionMapper } from '../document/positions';
import { WORKLOAD_KINDS } from '../kubernetes/model';
import type { FileModel } from '../kubernetes/manifest';
import type { ObjectSymbol } from '../features/symbols';
import type { Span } from '../document/yamlNodes';
import type { Feature } from './feature';

/** Workspace symbol queries answer at most this many objects; typing more of the name narrows them. */
const WORKSPACE_SYMBOL_LIMIT = 1000;
/**
 * Above this many objects in one file the outline lists the objects without their ports: the answer for a
 * 10,000-document file is 4 MB with them, and encoding it blocks the server for other requests.
 */
const PORTS_IN_OUTLINE_UP_TO = 1000;

/** The outline of each parsed version of a file, so repeated requests (breadcrumbs, sticky scroll) reuse it. */
const outlines = new WeakMap<FileModel, DocumentSymbol[]>();

function kindOf(kind: string): SymbolKind {
  if (kind === 'Service') return SymbolKind.Interface;
  if ((WORKLOAD_KINDS as readonly string[]).includes(kind)) return SymbolKind.Class;
  return SymbolKind.Object;
}

/** textDocument/documentSymbol (the outline: every object of a multi-document file) and workspace/symbol. */
export const symbolsFeature: Feature = {
  capabilities: { documentSymbolProvider: { label: 'Kubernetes objects' }, workspaceSymbolProvider: true },
  register(ctx) {
    const { service } = ctx;
    const hierarchical = ctx.clientCapabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    ctx.connection.onDocumentSymbol(({ textDocument }): DocumentSymbol[] | SymbolInformation[] => {
      const file = service.file(textDocument.uri);
      if (!file) return [];
      const positions = service.positions(file);
      if (!hierarchical) return service.documentSymbols(file).map((symbol) => information(textDocument.uri, symbol, positions));
      let outline = outlines.get(file);
      if (!outline) outlines.set(file, (outline = toDocumentSymbols(service.documentSymbols(file), positions)));
      return outline;
    });
    ctx.connection.onWorkspaceSymbol(({ query }): SymbolInformation[] => {
      const { symbols } = service.workspaceSymbols(query ?? '', WORKSPACE_SYMBOL_LIMIT);
      return symbols.flatMap(({ uri, symbol }) => {
        const file = service.index.get(uri);
        return file ? [information(uri, symbol, service.positions(file))] : [];
      });
    });
  },
};

function toDocumentSymbols(symbols: ObjectSymbol[], positions: PositionMapper): DocumentSymbol[] {
  const withPorts = symbols.length <= PORTS_IN_OUTLINE_UP_TO;
  return symbols.map((symbol) => ({
    name: symbol.name,
    detail: symbol.namespace,
    kind: kindOf(symbol.kind),
    range: range(symbol.span, positions),
    selectionRange: range(symbol.selection, positions),
    children: withPorts
      ? symbol.children.map((port) => ({
          name: port.name,
          detail: port.detail,
          kind: SymbolKind.Field,
          range: range(port.span, positions),
          selectionRange: range(port.selection, positions),
        }))
      : [],
  }));
}

function range(span: Span, positions: PositionMapper) {
  return { start: positions.positionAt(span.start), end: positions.positionAt(span.end) };
}

function information(uri: string, symbol: ObjectSymbol, positions: PositionMapper): SymbolInformation {
  return { name: symbol.name, kind: kindOf(symbol.kind), containerName: symbol.namespace, location: { uri, range: range(symbol.selection, positions) } };
}
