import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { Feature } from './feature';

/**
 * textDocument/hover: offsets and positions go through the open document, whose line table is built once per
 * version, so a hover costs a walk of the hovered YAML document only.
 */
export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(ctx) {
    const { service } = ctx;
    ctx.connection.onHover(({ textDocument, position }): Hover | null => {
      const file = service.file(textDocument.uri);
      if (!file) return null;
      const positions = service.positions(file);
      try {
        const result = service.hover(file, positions.offsetAt(position), { commandLinks: ctx.clientHasTrafficPreview });
        if (!result) return null;
        return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: positions.rangeOf(result.start, result.end) };
      } catch (error) {
        // A bug in one explanation must not look like "no hover" without a trace.
        ctx.connection.console.error(
          `Hover failed at ${textDocument.uri}:${position.line + 1}:${position.character + 1}: ${error instanceof Error ? error.stack : String(error)}`,
        );
        return null;
      }
    });
  },
};
