import { InlayHintKind, MarkupKind, type InlayHint } from 'vscode-languageserver/node';
import type { Feature } from './feature';
import { clientRefresher, refreshOnWorkloadChanges } from './refresh';

/**
 * textDocument/inlayHint over features/inlay, plus `workspace/inlayHint/refresh` when a workload changes in any file
 * (a named targetPort elsewhere may now resolve differently) or the settings change (the hints may be switched off).
 */
export const inlayHintsFeature: Feature = {
  capabilities: { inlayHintProvider: { resolveProvider: false } },
  register(ctx) {
    const { service } = ctx;
    ctx.connection.languages.inlayHint.on(({ textDocument, range }): InlayHint[] => {
      const file = service.file(textDocument.uri);
      if (!file) return [];
      const positions = service.positions(file);
      return service.inlayHints(file, positions.offsetAt(range.start), positions.offsetAt(range.end)).map((hint) => ({
        position: positions.positionAt(hint.offset),
        label: hint.label,
        kind: InlayHintKind.Type,
        tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip },
        paddingLeft: true,
      }));
    });
    const refresh = clientRefresher(ctx, 'workspace/inlayHint/refresh', (caps) => caps.workspace?.inlayHint?.refreshSupport);
    refreshOnWorkloadChanges(ctx, refresh);
    service.onDidChangeSettings(refresh);
  },
};
