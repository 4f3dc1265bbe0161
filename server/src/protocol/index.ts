/**
 * Everything the client and other LSP clients need to know about this server's own protocol surface:
 * custom methods, initialization options and settings. The only server file the client imports.
 */
import type { SourceLink, TrafficPath } from './trafficGraph';

/** Options a client may pass in `initialize.initializationOptions`. */
export interface InitializationOptions {
  /**
   * False when another extension (Red Hat's YAML) already reports YAML syntax errors, so they are not
   * shown twice. Defaults to true for clients that say nothing. The settings' `reportYamlSyntaxErrors`, when
   * present, overrides it, so a client can change its mind per folder without restarting the server.
   */
  reportYamlSyntaxErrors?: boolean;
  /**
   * True when the client implements the `kubeServiceLens.showTrafficPreviewToSide` command (the VS Code extension
   * does). Only then do hovers link to it and CodeLenses invoke it; other editors would show a dead link.
   */
  trafficPreviewCommand?: boolean;
  /**
   * False while the VS Code workspace is not trusted: the server then runs no renderer (helm, kustomize), whose
   * templates and plugins come from the repository. Clients that say nothing are trusted, as editors without a trust
   * model run the project's tools anyway. The client sends WORKSPACE_TRUSTED_NOTIFICATION when trust is granted.
   */
  workspaceTrusted?: boolean;
}

/** `kubeServiceLens/workspaceTrusted` (client → server notification, no params): the user trusted the workspace. */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'kubeServiceLens/workspaceTrusted';

/** The `kubeServiceLens` settings section, as read through `workspace/configuration`. */
export interface ServerSettings {
  nodePortRange?: string;
  /** Per-rule severity: `error`, `warning`, `information`, `hint` or `off`. */
  severity?: Record<string, string>;
  /** `unknown`, `cloud`, `bare-metal` or `local`. */
  clusterProfile?: string;
  /** `kubeServiceLens.inlayHints.enabled` (default true): hints for what the API server fills in or resolves. */
  inlayHints?: { enabled?: boolean };
  /** Megabytes of an open document that are analysed (default 5, 0 for no limit); beyond it, one Information diagnostic. */
  maxFileSize?: number;
  /**
   * Not a user setting: the VS Code client adds it to every answer, false while Red Hat's YAML extension reports YAML
   * syntax errors itself (it is enabled and `yaml.validate` is not false), and tells the server when that changes.
   * Other clients may send it too; absent, `initializationOptions.reportYamlSyntaxErrors` decides.
   */
  reportYamlSyntaxErrors?: boolean;
  /** `kubeServiceLens.render.enabled` (default true): render Helm charts and Kustomize overlays and check the result. */
  render?: { enabled?: boolean };
  /** `kubeServiceLens.helm.*`: the binary (machine scope), and the value sets and values files rendered as variants. */
  helm?: { path?: string; valueSets?: string[]; valuesFiles?: string[] };
  /** `kubeServiceLens.kustomize.path` (machine scope): a `kustomize` or `kubectl` binary. */
  kustomize?: { path?: string };
}

export const SETTINGS_SECTION = 'kubeServiceLens';
export const DIAGNOSTIC_SOURCE = 'kube-service-lens';

/**
 * `kubeServiceLens/trafficGraph` (client → server request): how traffic reaches the pods of the Service under
 * `position`, or of every Service in the document when `position` is omitted or not inside a Service. Any LSP
 * client can send it; the VS Code preview renders `mermaid` and uses `links` for click-to-reveal.
 */
export const TRAFFIC_GRAPH_METHOD = 'kubeServiceLens/trafficGraph';

export interface TrafficGraphParams {
  textDocument: { uri: string };
  position?: { line: number; character: number };
}

export interface TrafficGraphResult {
  uri: string;
  /** The version of the open document that was described; null for a file read from disk. */
  version: number | null;
  /** 'service' when `position` picked one Service, 'document' when every Service of the file is described. */
  scope: 'service' | 'document';
  services: TrafficPath[];
  /** A Mermaid `flowchart LR`; every manifest value in it is escaped. */
  mermaid: string;
  /** Mermaid node id → the YAML it was drawn from. */
  links: Record<string, SourceLink>;
}

export type { TrafficPath, TrafficLane, ResolvedTarget, LoadBalancerFacts, SelectedWorkload, UpstreamRef, PathDiagnostic, SourceLink } from './trafficGraph';

/** The command the server's CodeLenses invoke: arguments `(uri: string, position?: { line, character })`. */
export const SHOW_TRAFFIC_PREVIEW_COMMAND = 'kubeServiceLens.showTrafficPreviewToSide';

/** The command hovers link to for the comparison of the four Service types (docs/service-types.md); no arguments. */
export const SHOW_SERVICE_TYPES_COMMAND = 'kubeServiceLens.showServiceTypes';
