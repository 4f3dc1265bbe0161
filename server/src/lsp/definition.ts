import type { Definition, LocationLink } from 'vscode-languageserver/node';
import { definitionAt } from '../features/navigation/definition';
import { positionMapper } from '../document/positions';
import type { NavigationTarget } from '../features/navigation/targets';
import type { ServerContext } from './context';
import type { Feature } from './feature';
import { clientCapabilities } from './inlayHints';

/**
 * textDocument/definition: from a Service's selector to the workloads' pod labels, from a targetPort to the
 * container port, in whichever workspace file they are. Location links when the client takes them (they show the
 * whole label mapping or port entry and highlight the origin), plain locations otherwise.
 */
export const definitionFeature: Feature = {
  capabilities: { definitionProvider: true },
  register(ctx) {
    ctx.connection.onDefinition(({ textDocument, position }): Definition | LocationLink[] | null => {
      const file = ctx.fileModel(textDocument.uri);
      if (!file) return null;
      const positions = positionMapper(file, ctx.documents.get(textDocument.uri));
      const result = definitionAt({ uri: textDocument.uri, file, workspace: ctx.index }, positions.offsetAt(position));
      if (!result) return null;
      const caps = clientCapabilities(ctx);
      const links = caps === undefined || caps.textDocument?.definition?.linkSupport === true;
      const origin = { start: positions.positionAt(result.origin.start), end: positions.positionAt(result.origin.end) };
      const found = result.targets.flatMap((target) => {
        const ranges = rangesOf(ctx, target);
        return ranges ? [{ uri: target.uri, ...ranges }] : [];
      });
      if (!links) return found.map(({ uri, selection }) => ({ uri, range: selection }));
      return found.map(({ uri, range, selection }) => ({ originSelectionRange: origin, targetUri: uri, targetRange: range, targetSelectionRange: selection }));
    });
  },
};

/** LSP ranges of a target in any indexed file; undefined when the file left the index meanwhile. */
export function rangesOf(ctx: ServerContext, target: NavigationTarget) {
  const file = ctx.index.get(target.uri);
  if (!file) return undefined;
  const positions = positionMapper(file, ctx.documents.get(target.uri));
  return {
    range: { start: positions.positionAt(target.start), end: positions.positionAt(target.end) },
    selection: { start: positions.positionAt(target.selectionStart), end: positions.positionAt(target.selectionEnd) },
  };
}
