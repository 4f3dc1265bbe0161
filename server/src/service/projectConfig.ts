import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { ALL_RULES } from '../rules';
import { projectConfig as projectConfigRule } from '../rules/project-config';
import { nestsTooDeep } from '../document/nesting';
import { CLUSTER_PROFILES, parsePortRange, type AnalysisSettings, type ClusterProfile, type SeveritySetting } from '../analysis/settings';

/** The project file shared by the CLI (in CI) and the editor, so both judge a repository the same way. */
export const CONFIG_FILE_NAME = '.kube-service-lens.yaml';

export interface ProjectConfig {
  path: string;
  nodePortRange?: AnalysisSettings['nodePortRange'];
  clusterProfile?: ClusterProfile;
  severities: Record<string, SeveritySetting>;
  /** `helm.valueSets` and `helm.valuesFiles`: more variants of every chart in the folder, as in the editor settings. */
  helmValueSets?: string[];
  helmValuesFiles?: string[];
  /** Problems found in the file itself, reported to the user instead of silently ignored. */
  problems: string[];
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];
// The project file's own problems cannot be silenced from inside it.
const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.filter((rule) => rule !== projectConfigRule).map((rule) => rule.id));

/** Rule ids the project file may name; a typo there would otherwise silently change nothing. */
export function parseProjectConfig(text: string, file: string, knownRules: ReadonlySet<string> = KNOWN_RULE_IDS): ProjectConfig {
  const config: ProjectConfig = { path: file, severities: {}, problems: [] };
  // The file comes from the repository, which may not be trusted: it must never take the server down.
  if (nestsTooDeep(text)) {
    config.problems.push(`${file}: not valid YAML (nested hundreds of levels deep)`);
    return config;
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    config.problems.push(`${file}: not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
    return config;
  }
  let raw: unknown;
  try {
    // Throws on an alias without its anchor, and on alias bombs (yaml's maxAliasCount).
    raw = doc.toJS();
  } catch (error) {
    config.problems.push(`${file}: not valid YAML (${(error as Error).message})`);
    return config;
  }
  if (raw === null || raw === undefined) return config;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    config.problems.push(`${file}: expected a mapping with nodePortRange, clusterProfile and rules`);
    return config;
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'nodePortRange') {
      const range = parsePortRange(String(value));
      if (range) config.nodePortRange = range;
      else config.problems.push(`${file}: nodePortRange "${String(value)}" is not a range like 30000-32767`);
    } else if (key === 'clusterProfile') {
      if (CLUSTER_PROFILES.includes(value as ClusterProfile)) config.clusterProfile = value as ClusterProfile;
      else config.problems.push(`${file}: clusterProfile must be one of ${CLUSTER_PROFILES.join(', ')}`);
    } else if (key === 'rules') {
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        config.problems.push(`${file}: rules must map rule ids to error, warning, information, hint or off`);
        continue;
      }
      for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
        // YAML 1.2 reads `off` as a string, but people also write `false`.
        const normalized = severity === false ? 'off' : String(severity);
        if (knownRules && !knownRules.has(id)) config.problems.push(`${file}: rules.${id}: no rule has this id (see docs/rules/)`);
        else if (SEVERITIES.includes(normalized)) config.severities[id] = normalized as SeveritySetting;
        else config.problems.push(`${file}: rules.${id}: "${String(severity)}" is not error, warning, information, hint or off`);
      }
    } else if (key === 'helm') {
      readHelm(value, file, config);
    } else {
      config.problems.push(`${file}: unknown setting "${key}" (known: nodePortRange, clusterProfile, rules, helm)`);
    }
  }
  return config;
}

/** `helm: { valueSets: [...], valuesFiles: [...] }`: lists of strings, anything else said. */
function readHelm(value: unknown, file: string, config: ProjectConfig): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    config.problems.push(`${file}: helm must be a mapping with valueSets and valuesFiles`);
    return;
  }
  for (const [key, list] of Object.entries(value as Record<string, unknown>)) {
    if (key !== 'valueSets' && key !== 'valuesFiles') {
      config.problems.push(`${file}: helm.${key}: unknown setting (known: valueSets, valuesFiles)`);
    } else if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      config.problems.push(`${file}: helm.${key} must be a list of strings`);
    } else if (key === 'valueSets') {
      config.helmValueSets = list as string[];
    } else {
      config.helmValuesFiles = list as string[];
    }
  }
}

/** The nearest config file from `start` up to the file system root. */
export function findProjectConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadProjectConfig(file: string): ProjectConfig {
  try {
    return parseProjectConfig(readFileSync(file, 'utf8'), file);
  } catch (error) {
    return { path: file, severities: {}, problems: [`${file}: cannot be read (${(error as Error).message})`] };
  }
}

/** Settings with the project file applied on top; per-rule severities merge, the file's entries winning. */
export function applyProjectConfig(settings: AnalysisSettings, config: ProjectConfig | undefined): AnalysisSettings {
  if (!config) return settings;
  return {
    ...settings,
    nodePortRange: config.nodePortRange ?? settings.nodePortRange,
    clusterProfile: config.clusterProfile ?? settings.clusterProfile,
    severities: { ...settings.severities, ...config.severities },
    render: {
      ...settings.render,
      helmValueSets: config.helmValueSets ?? settings.render.helmValueSets,
      helmValuesFiles: config.helmValuesFiles ?? settings.render.helmValuesFiles,
    },
  };
}
