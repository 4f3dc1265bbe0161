import type { ServiceModel } from '../../kubernetes/model';
import type { PlacedChunk } from '../../kubernetes/manifest';
import { SHOW_SERVICE_TYPES_COMMAND, SHOW_TRAFFIC_PREVIEW_COMMAND } from '../../protocol/index';
import { SERVICE_TYPES_PAGE_URL } from './docs';
import { link } from './markdown';
import { anchorPosition, refOf, type HoverEnv } from './places';

/**
 * `[Show traffic path](command:kubeServiceLens.showTrafficPreviewToSide?[uri, position])`: the preview command (id
 * shared through protocol.ts, registered by the client) takes the document URI and a position inside the Service,
 * here its `kind` value. VS Code runs command links in hovers only when the client marks the hover Markdown as trusted
 * for this command (see docs/hovers.md).
 */
export function trafficPathLink(env: HoverEnv, service: ServiceModel, chunk: PlacedChunk): string {
  const { line, character } = anchorPosition(env, refOf(env, service, chunk));
  const args = encodeURIComponent(JSON.stringify([env.uri, { line, character }]));
  return `[Show traffic path](command:${SHOW_TRAFFIC_PREVIEW_COMMAND}?${args} "Open the traffic-path preview for this Service")`;
}

/**
 * The four types and NodePort vs LoadBalancer, one click away: the page shipped with the extension, opened by the
 * client's command, or the same page on the web for editors that cannot run our commands.
 *
 * Why not VS Code's hover verbosity (`VerboseHover`, the +/- buttons): it is the proposed API
 * `editorHoverVerbosityLevel`, which published extensions cannot enable, and LSP has no verbosity in `HoverParams`;
 * vscode-languageclient 11 calls the server without the hover context (lib/common/hover.js `provideHover(document,
 * position, token)`), so a language server cannot take part in it today.
 */
export function serviceTypesLink(env: HoverEnv): string {
  const label = 'Compare Service types';
  if (env.commandLinks) return `[${label}](command:${SHOW_SERVICE_TYPES_COMMAND} "ClusterIP, NodePort, LoadBalancer and ExternalName side by side")`;
  return link(label, SERVICE_TYPES_PAGE_URL);
}
