import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { hoverAt } from '../features/hover';
import { LineIndex } from '../document/text';
import type { Feature } from './feature';

/**
 * textDocument/hover: a thin adapter over features/hover. Offsets and positions go through the open document, whose
 * line table is built once per version, so a hover costs a walk of the hovered YAML document only.
 */
export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(ctx) {
    ctx.connection.onHover(({ textDocument, position }): Hover | null => {
      const file = ctx.fileModel(textDocument.uri);
      if (!file) return null;
      const document = ctx.documents.get(textDocument.uri);
      const lines = document ? undefined : new LineIndex(file.text);
      const offsetAt = (p: typeof position) => (document ? document.offsetAt(p) : (lines as LineIndex).offsetAt(p));
      const positionAt = (offset: number) => (document ? document.positionAt(offset) : (lines as LineIndex).positionAt(offset));
      try {
        const result = hoverAt({ uri: textDocument.uri, file, workspace: ctx.index, settings: ctx.settings(), positionAt, commandLinks: ctx.clientHasTrafficPreview() }, offsetAt(position));
        if (!result) return null;
        return {
          contents: { kind: MarkupKind.Markdown, value: result.markdown },
          range: { start: positionAt(result.start), end: positionAt(result.end) },
        };
      } catch (error) {
        // A bug in one explanation must not look like "no hover" without a trace.
        ctx.connection.console.error(`Hover failed at ${textDocument.uri}:${position.line + 1}:${position.character + 1}: ${error instanceof Error ? error.stack : String(error)}`);
        return null;
      }
    });
  },
};
