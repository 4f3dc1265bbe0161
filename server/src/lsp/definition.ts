import type { Definition, LocationLink } from 'vscode-languageserver/node';
import type { NavigationTarget } from '../features/navigation/targets';
import type { ServerContext } from './context';
import type { Feature } from './feature';

/**
 * textDocument/definition: from a Service's selector to the workloads' pod labels, from a targetPort to the
 * container port, in whichever workspace file they are. Location links when the client takes them (they show the
 * whole label mapping or port entry and highlight the origin), plain locations otherwise.
 */
export const definitionFeature: Feature = {
  capabilities: { definitionProvider: true },
  register(ctx) {
    const { service } = ctx;
    const links = ctx.clientCapabilities.textDocument?.definition?.linkSupport === true;
    ctx.connection.onDefinition(({ textDocument, position }): Definition | LocationLink[] | null => {
      const file = service.file(textDocument.uri);
      if (!file) return null;
      const positions = service.positions(file);
      const result = service.definition(file, positions.offsetAt(position));
      if (!result) return null;
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
  const file = ctx.service.index.get(target.uri);
  if (!file) return undefined;
  const positions = ctx.service.positions(file);
  return {
    range: { start: positions.positionAt(target.start), end: positions.positionAt(target.end) },
    selection: { start: positions.positionAt(target.selectionStart), end: positions.positionAt(target.selectionEnd) },
  };
}
