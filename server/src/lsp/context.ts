import type { ClientCapabilities, Connection } from 'vscode-languageserver/node';
import type { LanguageService } from '../service/languageService';

/** What every handler gets: the connection it answers on, the language service it adapts, and what the client said. */
export interface ServerContext {
  readonly connection: Connection;
  readonly service: LanguageService;
  /** The capabilities the client sent in initialize. */
  readonly clientCapabilities: ClientCapabilities;
  /** Whether the client can run the traffic-preview command (see InitializationOptions.trafficPreviewCommand). */
  readonly clientHasTrafficPreview: boolean;
  /** Ask for diagnostics of open documents to be recomputed (debounced). */
  scheduleDiagnostics(uri?: string): void;
}
