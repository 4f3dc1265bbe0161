import type { ServiceModel } from '../../kubernetes/model';
import type { PlacedChunk } from '../../kubernetes/manifest';
import { SHOW_TRAFFIC_PREVIEW_COMMAND } from '../../protocol/index';
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
