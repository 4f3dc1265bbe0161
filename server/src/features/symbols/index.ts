/**
 * The outline of a manifest file: one symbol per Kubernetes object (`Service/web`, `Deployment/web`, the items of a
 * `kind: List` too), Services with their ports as children. Objects of kinds parse.ts skips, and documents that do not
 * parse, are found by a line scan (scan.ts). Symbols are computed once per parsed chunk, so an edit re-outlines only the document it touched.
 */
import { isService, type K8sObject } from '../../kubernetes/model';
import type { FileModel, ParsedChunk } from '../../kubernetes/manifest';
import type { WorkspaceIndex } from '../../kubernetes/workspace';
import { fieldOf, spanOf, type Span } from '../../document/yamlNodes';
import { scanObject } from './scan';

export interface ObjectSymbol {
  /** `Service/web`; `(unnamed)` when metadata.name is missing. */
  name: string;
  kind: string;
  namespace?: string;
  /** Absolute offsets in the file. */
  span: Span;
  selection: Span;
  children: PortSymbol[];
}

export interface PortSymbol {
  /** The port's name, or `port 80` when it has none. */
  name: string;
  /** `80 → http`, `53/UDP → 53`. */
  detail: string;
  span: Span;
  selection: Span;
}

interface CachedSymbol {
  symbol: ObjectSymbol;
  /** The name lower-cased once, for workspace symbol queries. */
  search: string;
}

const chunkSymbols = new WeakMap<ParsedChunk, CachedSymbol[]>();
const fileSymbols = new WeakMap<FileModel, ObjectSymbol[]>();

export function documentSymbols(file: FileModel): ObjectSymbol[] {
  let symbols = fileSymbols.get(file);
  if (!symbols) {
    symbols = [];
    for (const chunk of file.chunks) for (const { symbol } of relativeSymbols(chunk.parsed)) symbols.push(shift(symbol, chunk.start));
    fileSymbols.set(file, symbols);
  }
  return symbols;
}

function relativeSymbols(parsed: ParsedChunk): CachedSymbol[] {
  let symbols = chunkSymbols.get(parsed);
  if (!symbols) chunkSymbols.set(parsed, (symbols = symbolsOf(parsed).map((symbol) => ({ symbol, search: symbol.name.toLowerCase() }))));
  return symbols;
}

function shift(symbol: ObjectSymbol, by: number): ObjectSymbol {
  if (by === 0) return symbol;
  // Plain literals rather than spreads: this runs for every object of a file after each edit.
  const children =
    symbol.children.length === 0
      ? symbol.children
      : symbol.children.map((child) => ({ name: child.name, detail: child.detail, span: move(child.span, by), selection: move(child.selection, by) }));
  return { name: symbol.name, kind: symbol.kind, namespace: symbol.namespace, span: move(symbol.span, by), selection: move(symbol.selection, by), children };
}

function move(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/**
 * Symbols of one chunk, relative to it. A document with syntax errors has no objects (manifest.ts), but it keeps its
 * line in the outline, found by the line scan: the outline must not jump while the user types through a broken
 * state, and the scan reads only `kind` and `metadata.name`, never the ports of a recovered tree.
 */
function symbolsOf(parsed: ParsedChunk): ObjectSymbol[] {
  if (parsed.skippedKind !== undefined || (parsed.recovered && parsed.objects.length === 0)) {
    const scanned = scanObject(parsed.text);
    if (!scanned) return [];
    return [
      {
        name: `${scanned.kind}/${scanned.name ?? '(unnamed)'}`,
        kind: scanned.kind,
        namespace: scanned.namespace,
        span: scanned.span,
        selection: scanned.nameSpan ?? scanned.kindSpan,
        children: [],
      },
    ];
  }
  return parsed.objects.map(objectSymbol);
}

function objectSymbol(object: K8sObject): ObjectSymbol {
  const span = spanOf(object.root) ?? object.anchorSpan;
  const selection = fieldOf(object.metadata, 'name')?.valueSpan ?? object.anchorSpan;
  const children = isService(object)
    ? object.ports.map((port) => {
        const protocol = port.protocol === 'TCP' ? '' : `/${port.protocol}`;
        const numberSpan = port.fields.port?.valueSpan ?? port.span;
        return {
          name: port.name ?? `port ${port.port ?? '?'}`,
          detail: `${port.port ?? '?'}${protocol} → ${port.targetPort ?? '?'}`,
          span: port.span,
          selection: port.fields.name?.valueSpan ?? numberSpan,
        };
      })
    : [];
  return { name: `${object.kind}/${object.name ?? '(unnamed)'}`, kind: object.kind, namespace: object.namespace, span, selection, children };
}

export interface WorkspaceSymbol {
  uri: string;
  symbol: ObjectSymbol;
}

/**
 * Objects of every indexed file whose `Kind/name` contains the query's characters in order (case-insensitive),
 * as editors filter symbol names; at most `limit` of them.
 */
export function workspaceSymbols(workspace: WorkspaceIndex, query: string, limit: number): { symbols: WorkspaceSymbol[]; truncated: boolean } {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const symbols: WorkspaceSymbol[] = [];
  for (const uri of workspace.uris()) {
    const file = workspace.get(uri);
    if (!file) continue;
    for (const chunk of file.chunks) {
      for (const { symbol, search } of relativeSymbols(chunk.parsed)) {
        if (!matches(search, wanted)) continue;
        if (symbols.length >= limit) return { symbols, truncated: true };
        symbols.push({ uri, symbol: shift(symbol, chunk.start) });
      }
    }
  }
  return { symbols, truncated: false };
}

function matches(name: string, query: string): boolean {
  let at = 0;
  for (const char of query) {
    at = name.indexOf(char, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}
