import type { ClientCapabilities } from 'vscode-languageserver/node';
import { WorkloadChanges } from '../features/navigation/workloadChanges';
import type { ServerContext } from './context';

/**
 * A debounced sender of a `workspace/.../refresh` request, for results the client caches until told otherwise
 * (inlay hints, CodeLenses). Sent only when the client announced it supports the request.
 */
export function clientRefresher(ctx: ServerContext, method: string, supported: (caps: ClientCapabilities) => boolean | undefined, delayMs = 300): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (!supported(ctx.clientCapabilities) || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      ctx.connection.sendRequest(method).then(undefined, () => undefined);
    }, delayMs);
  };
}

/** Calls `refresh` when the workloads of any indexed file change (not on edits that leave them alone). */
export function refreshOnWorkloadChanges(ctx: ServerContext, refresh: () => void): void {
  const changes = new WorkloadChanges();
  ctx.service.onDidChangeFile((uri) => {
    if (changes.changed(uri, ctx.service.index.get(uri))) refresh();
  });
}
