/**
 * Messages between the extension host (panel.ts) and the preview webview (client/webview/main.ts).
 * Types only: both sides import this file, so a renamed field fails to compile on both.
 */

/** Host → webview: a new diagram. `seq` grows with every update; the webview ignores older ones. */
export interface UpdateMessage {
  type: 'update';
  seq: number;
  /** The document the diagram describes; kept in the webview state so a reload can restore the panel. */
  uri: string;
  title: string;
  mermaid: string;
  /** Ids of nodes that reveal YAML when clicked (the host keeps where each one points). */
  clickable: string[];
}

export type ToWebview = UpdateMessage;

/** Webview → host. */
export type FromWebview =
  | { type: 'ready' }
  /** The diagram of `seq` is on screen: what the E2E tests and the extension API wait for. */
  | { type: 'rendered'; seq: number; nodes: number; edges: number; labels: string[] }
  | { type: 'renderError'; seq: number; message: string }
  | { type: 'reveal'; nodeId: string }
  | { type: 'copyMermaid' }
  | { type: 'saveSvg'; svg: string };

/** What the webview persists with `setState`, and what the serializer gets back after a reload. */
export interface PreviewState {
  uri: string;
  seq: number;
  title: string;
  mermaid: string;
  clickable: string[];
  /** Fit the diagram to the panel width (the default) instead of showing it at its actual size. */
  fit?: boolean;
}

export const PREVIEW_VIEW_TYPE = 'kubeServiceLens.trafficPreview';
