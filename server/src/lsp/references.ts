import type { Location } from 'vscode-languageserver/node';
import { rangesOf } from './definition';
import type { Feature } from './feature';

/**
 * textDocument/references on a workload: the Services (in any workspace file) whose selector picks its pods, or, on
 * a container port, the Service ports that deliver traffic to it.
 */
export const referencesFeature: Feature = {
  capabilities: { referencesProvider: true },
  register(ctx) {
    ctx.connection.onReferences(({ textDocument, position, context }): Location[] | null => {
      const file = ctx.service.file(textDocument.uri);
      if (!file) return null;
      const positions = ctx.service.positions(file);
      const result = ctx.service.references(file, positions.offsetAt(position), context?.includeDeclaration ?? false);
      if (!result) return null;
      return result.targets.flatMap((target) => {
        const ranges = rangesOf(ctx, target);
        return ranges ? [{ uri: target.uri, range: ranges.selection }] : [];
      });
    });
  },
};
