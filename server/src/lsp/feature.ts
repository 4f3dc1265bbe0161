import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from './context';

/** One LSP feature: the capabilities it announces and the handlers it installs. */
export interface Feature {
  capabilities: ServerCapabilities;
  register(ctx: ServerContext): void;
}
