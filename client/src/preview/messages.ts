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
  /** Whether the panel stays on `uri` instead of following the active editor (saved for the serializer). */
  locked?: boolean;
}

/** Host → webview: the user locked or unlocked the preview; only saved, nothing is redrawn. */
export interface LockMessage {
  type: 'lock';
  locked: boolean;
}

export type ToWebview = UpdateMessage | LockMessage;

/** Webview → host. */
export type FromWebview =
  | { type: 'ready' }
  /** The diagram of `seq` is on screen: what the E2E tests and the extension API wait for. */
  | { type: 'rendered'; seq: number; nodes: number; edges: number; labels: string[] }
  | { type: 'renderError'; seq: number; message: string }
  | { type: 'reveal'; nodeId: string }
  | { type: 'copyMermaid' }
  | { type: 'saveSvg'; svg: string };

/** Mermaid's `flowchart LR` as the server writes it, or the same graph drawn top-down for tall panels. */
export type Direction = 'LR' | 'TD';

/** A zoom and pan the user chose; absent while the diagram is fitted to the panel. */
export interface SavedView {
  direction: Direction;
  scale: number;
  /** Where the diagram's top-left corner is, in CSS pixels from the viewport's top-left corner. */
  x: number;
  y: number;
}

/** What the webview persists with `setState`, and what the serializer gets back after a reload. */
export interface PreviewState {
  uri: string;
  seq: number;
  title: string;
  mermaid: string;
  clickable: string[];
  locked?: boolean;
  view?: SavedView;
}

export const PREVIEW_VIEW_TYPE = 'kubeServiceLens.trafficPreview';
