import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisSettings } from '../analysis/settings';
import type { WorkspaceIndex } from '../kubernetes/workspace';
import type { FileModel } from '../kubernetes/manifest';

/** What every feature handler gets; handlers talk to each other only through this. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly index: WorkspaceIndex;
  settings(): AnalysisSettings;
  /** The capabilities the client sent in initialize; undefined before it. */
  clientCapabilities?: ClientCapabilities;
  /** Whether the client can run the traffic-preview command (see InitializationOptions.trafficPreviewCommand). */
  clientHasTrafficPreview(): boolean;
  /** The current model of a file: parsed from the open document, or from disk by the workspace scan. */
  fileModel(uri: string): FileModel | undefined;
  /** Ask for diagnostics of open documents to be recomputed (debounced). */
  scheduleDiagnostics(uri?: string): void;
  /**
   * Listeners run after any file in the index changed (open, edit, disk change). For an edit of an open document,
   * `receivedAt` is when handling of the edit began (performance.now()), before it was parsed.
   */
  onIndexChanged(listener: (uri: string, receivedAt?: number) => void): void;
  indexChanged(uri: string, receivedAt?: number): void;
}
