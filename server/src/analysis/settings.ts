import type { Severity } from '../protocol/basics';

export type { Severity } from '../protocol/basics';
export type SeveritySetting = Severity | 'off';

import type { PortRange } from '../kubernetes/nodePorts';

export type { PortRange } from '../kubernetes/nodePorts';

/** What the user told us about the target cluster; 'unknown' makes no assumption. */
export type ClusterProfile = 'unknown' | 'cloud' | 'bare-metal' | 'local';
export const CLUSTER_PROFILES: readonly ClusterProfile[] = ['unknown', 'cloud', 'bare-metal', 'local'];

export interface AnalysisSettings {
  /** kube-apiserver `--service-node-port-range`. */
  nodePortRange: PortRange;
  /** Per-rule severity overrides, by rule id. */
  severities: Record<string, SeveritySetting>;
  clusterProfile: ClusterProfile;
  /** Whether YAML syntax errors are reported (off when another YAML tool already reports them). */
  yamlSyntaxErrors: boolean;
  /** Whether inlay hints show what the API server fills in or resolves (no rule reads it, so not in settingsKey). */
  inlayHints: boolean;
  /**
   * Open documents longer than this many megabytes (of text, 1 MB = 1,048,576 characters) are analysed only up to
   * the last document that ends within the limit; 0 means no limit. It bounds the parse, not a rule (not in settingsKey).
   */
  maxFileSize: number;
  /** Helm charts and Kustomize overlays (the service renders them; no rule reads it, so not in settingsKey). */
  render: RenderSettings;
}

/** What is rendered in a folder: whether at all, and the extra Helm variants besides each values file. */
export interface RenderSettings {
  enabled: boolean;
  /** `--set` lines (`server.service.nodePort=9090`), each rendered as one more variant of every chart. */
  helmValueSets: readonly string[];
  /** Values files relative to the chart folder, each rendered as one more variant over values.yaml. */
  helmValuesFiles: readonly string[];
}

export const DEFAULT_NODE_PORT_RANGE: PortRange = { first: 30000, last: 32767 };

export const DEFAULT_SETTINGS: AnalysisSettings = {
  nodePortRange: DEFAULT_NODE_PORT_RANGE,
  severities: {},
  clusterProfile: 'unknown',
  yamlSyntaxErrors: true,
  inlayHints: true,
  maxFileSize: 5,
  render: { enabled: true, helmValueSets: [], helmValuesFiles: [] },
};

/** `maxFileSize` in characters, or undefined for no limit. */
export function sizeLimit(settings: Pick<AnalysisSettings, 'maxFileSize'>): number | undefined {
  return settings.maxFileSize > 0 ? Math.floor(settings.maxFileSize * 1024 * 1024) : undefined;
}

/** Parses `30000-32767` (kube-apiserver also accepts `30000+2767`, base+size). Returns undefined when malformed. */
export function parsePortRange(text: unknown): PortRange | undefined {
  if (typeof text !== 'string') return undefined;
  const dash = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text);
  const plus = /^\s*(\d+)\s*\+\s*(\d+)\s*$/.exec(text);
  let first: number;
  let last: number;
  if (dash) {
    first = Number(dash[1]);
    last = Number(dash[2]);
  } else if (plus) {
    first = Number(plus[1]);
    last = first + Number(plus[2]) - 1;
  } else {
    return undefined;
  }
  if (first < 1 || last > 65535 || first > last) return undefined;
  return { first, last };
}

export function formatPortRange(range: PortRange): string {
  return `${range.first}-${range.last}`;
}

/** A stable key of everything that can change a rule's output, for caches. */
export function settingsKey(settings: AnalysisSettings): string {
  return JSON.stringify([settings.nodePortRange, settings.severities, settings.clusterProfile, settings.yamlSyntaxErrors]);
}
