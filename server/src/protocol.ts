/**
 * Everything the client and other LSP clients need to know about this server's own protocol surface:
 * custom methods, initialization options and settings. The only server file the client imports.
 */

/** Options a client may pass in `initialize.initializationOptions`. */
export interface InitializationOptions {
  /**
   * False when another extension (Red Hat's YAML) already reports YAML syntax errors, so they are not
   * shown twice. Defaults to true for clients that say nothing.
   */
  reportYamlSyntaxErrors?: boolean;
}

/** The `kubeServiceLens` settings section, as read through `workspace/configuration`. */
export interface ServerSettings {
  nodePortRange?: string;
  /** Per-rule severity: `error`, `warning`, `information`, `hint` or `off`. */
  severity?: Record<string, string>;
  /** `unknown`, `cloud`, `bare-metal` or `local`. */
  clusterProfile?: string;
}

export const SETTINGS_SECTION = 'kubeServiceLens';
export const DIAGNOSTIC_SOURCE = 'kube-service-lens';
