import { DidChangeConfigurationNotification } from 'vscode-languageserver/node';
import { CLUSTER_PROFILES, DEFAULT_SETTINGS, parsePortRange, type ClusterProfile, type AnalysisSettings, type SeveritySetting } from '../core/settings';
import { SETTINGS_SECTION, type InitializationOptions, type ServerSettings } from '../protocol';
import type { Connection } from 'vscode-languageserver/node';

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Turns the client's (untrusted, possibly partial) settings object into analysis settings with defaults. */
export function toAnalysisSettings(raw: ServerSettings | null | undefined, init: InitializationOptions | undefined): AnalysisSettings {
  const severities: Record<string, SeveritySetting> = {};
  if (raw?.severity && typeof raw.severity === 'object') {
    for (const [id, value] of Object.entries(raw.severity)) {
      if (typeof value === 'string' && SEVERITIES.includes(value)) severities[id] = value as SeveritySetting;
    }
  }
  return {
    nodePortRange: parsePortRange(raw?.nodePortRange) ?? DEFAULT_SETTINGS.nodePortRange,
    severities,
    clusterProfile: CLUSTER_PROFILES.includes(raw?.clusterProfile as ClusterProfile) ? (raw?.clusterProfile as ClusterProfile) : DEFAULT_SETTINGS.clusterProfile,
    yamlSyntaxErrors: init?.reportYamlSyntaxErrors ?? DEFAULT_SETTINGS.yamlSyntaxErrors,
  };
}

/**
 * Keeps the current settings: pulled with `workspace/configuration` when the client supports it, otherwise
 * the defaults (plus whatever `didChangeConfiguration` pushes), so clients without configuration work too.
 */
export class SettingsStore {
  private current: AnalysisSettings;

  constructor(
    private readonly connection: Connection,
    private readonly init: InitializationOptions | undefined,
    private readonly canPull: boolean,
  ) {
    this.current = toAnalysisSettings(undefined, init);
  }

  get(): AnalysisSettings {
    return this.current;
  }

  async register(onChange: () => void): Promise<void> {
    if (this.canPull) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    this.connection.onDidChangeConfiguration(async (params) => {
      const pushed = (params.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION] as ServerSettings | undefined;
      await this.refresh(pushed);
      onChange();
    });
    await this.refresh();
    // Documents opened before the first configuration answer were checked with defaults.
    onChange();
  }

  private async refresh(pushed?: ServerSettings): Promise<void> {
    let raw: ServerSettings | undefined = pushed;
    if (this.canPull) {
      try {
        raw = (await this.connection.workspace.getConfiguration({ section: SETTINGS_SECTION })) as ServerSettings;
      } catch {
        // A client that advertises configuration but fails the request keeps the previous settings.
        return;
      }
    }
    this.current = toAnalysisSettings(raw, this.init);
  }
}
