import { InlayHintKind, MarkupKind, type ClientCapabilities, type InlayHint } from 'vscode-languageserver/node';
import { inlayHintsIn } from '../features/inlay';
import { positionMapper } from '../document/positions';
import { WorkloadChanges } from '../features/navigation/workloadChanges';
import type { AnalysisSettings } from '../analysis/settings';
import type { ServerContext } from './context';
import type { Feature } from './feature';
import { onEditorSettingsChanged } from './settings';

/**
 * textDocument/inlayHint over features/inlay, plus `workspace/inlayHint/refresh` when a workload changes in any file
 * (a named targetPort elsewhere may now resolve differently) or the settings change (the hints may be switched off).
 */
export const inlayHintsFeature: Feature = {
  capabilities: { inlayHintProvider: { resolveProvider: false } },
  register(ctx) {
    ctx.connection.languages.inlayHint.on(({ textDocument, range }): InlayHint[] => {
      const file = ctx.fileModel(textDocument.uri);
      if (!file) return [];
      const positions = positionMapper(file, ctx.documents.get(textDocument.uri));
      const hints = inlayHintsIn({ file, workspace: ctx.index, settings: settingsFor(ctx, textDocument.uri) }, positions.offsetAt(range.start), positions.offsetAt(range.end));
      return hints.map((hint) => ({
        position: positions.positionAt(hint.offset),
        label: hint.label,
        kind: InlayHintKind.Type,
        tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip },
        paddingLeft: true,
      }));
    });
    const refresh = clientRefresher(ctx, 'workspace/inlayHint/refresh', (caps) => caps.workspace?.inlayHint?.refreshSupport);
    refreshOnWorkloadChanges(ctx, refresh);
    onEditorSettingsChanged(refresh);
  },
};

/*
 * Shared by the navigation handlers (completion, CodeLens): things every request-handling feature needs from the
 * connection that ServerContext does not offer yet.
 */

/**
 * The client's capabilities, when server.ts puts the `initialize` capabilities on the context as `clientCapabilities`;
 * undefined until it does, and callers then assume what VS Code supports.
 */
export function clientCapabilities(ctx: ServerContext): ClientCapabilities | undefined {
  return (ctx as ServerContext & { clientCapabilities?: ClientCapabilities }).clientCapabilities;
}

/** The settings that apply to `uri` (a project file may differ per workspace folder); servers before that ignore it. */
export function settingsFor(ctx: ServerContext, uri: string): AnalysisSettings {
  return (ctx.settings as (uri?: string) => AnalysisSettings)(uri);
}

/**
 * A debounced sender of a `workspace/.../refresh` request. With known capabilities it sends only what the client
 * supports; with unknown ones it tries, and stops for good once the client answers with an error (such as "method
 * not found"), so a client without the request is asked once at most.
 */
export function clientRefresher(ctx: ServerContext, method: string, supported: (caps: ClientCapabilities) => boolean | undefined, delayMs = 300): () => void {
  let timer: NodeJS.Timeout | undefined;
  let disabled = false;
  return () => {
    const caps = clientCapabilities(ctx);
    if (disabled || (caps !== undefined && !supported(caps)) || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      ctx.connection.sendRequest(method).then(undefined, () => {
        if (caps === undefined) disabled = true;
      });
    }, delayMs);
  };
}

/** Calls `refresh` when the workloads of any indexed file change (not on edits that leave them alone). */
export function refreshOnWorkloadChanges(ctx: ServerContext, refresh: () => void): void {
  const changes = new WorkloadChanges();
  ctx.onIndexChanged((uri) => {
    if (changes.changed(uri, ctx.index.get(uri))) refresh();
  });
}
