import { DidChangeConfigurationNotification, type Connection, type WorkspaceFolder } from 'vscode-languageserver/node';
import { CLUSTER_PROFILES, DEFAULT_SETTINGS, parsePortRange, type ClusterProfile, type AnalysisSettings, type SeveritySetting } from '../analysis/settings';
import { SETTINGS_SECTION, type InitializationOptions, type ServerSettings } from '../protocol/index';
import type { LanguageService } from '../service/languageService';
import type { BinarySettings } from '../node/render/binaries';

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
    clusterProfile: CLUSTER_PROFILES.includes(raw?.clusterProfile as ClusterProfile)
      ? (raw?.clusterProfile as ClusterProfile)
      : DEFAULT_SETTINGS.clusterProfile,
    yamlSyntaxErrors:
      typeof raw?.reportYamlSyntaxErrors === 'boolean' ? raw.reportYamlSyntaxErrors : (init?.reportYamlSyntaxErrors ?? DEFAULT_SETTINGS.yamlSyntaxErrors),
    inlayHints: typeof raw?.inlayHints?.enabled === 'boolean' ? raw.inlayHints.enabled : DEFAULT_SETTINGS.inlayHints,
    maxFileSize:
      typeof raw?.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize >= 0 ? raw.maxFileSize : DEFAULT_SETTINGS.maxFileSize,
    render: {
      enabled: typeof raw?.render?.enabled === 'boolean' ? raw.render.enabled : DEFAULT_SETTINGS.render.enabled,
      helmValueSets: strings(raw?.helm?.valueSets),
      helmValuesFiles: strings(raw?.helm?.valuesFiles),
    },
  };
}

/** The renderer binaries: machine-scoped settings, so only the user's (or the remote machine's) own values reach here. */
export function toBinarySettings(raw: ServerSettings | null | undefined): BinarySettings {
  const nonEmpty = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  return { helmPath: nonEmpty(raw?.helm?.path), kustomizePath: nonEmpty(raw?.kustomize?.path) };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}

/**
 * Feeds the editor settings to the language service: pulled with `workspace/configuration` when the client supports
 * it, for the workspace and for each workspace folder (`scopeUri`: a folder's own settings apply to its files, as in
 * VS Code); otherwise the defaults plus whatever `didChangeConfiguration` pushes, so clients without configuration
 * work too. The service puts each folder's `.kube-service-lens.yaml` on top.
 */
export class EditorSettings {
  private folders: readonly WorkspaceFolder[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly service: LanguageService,
    private readonly init: InitializationOptions | undefined,
    private readonly canPull: boolean,
  ) {
    // Documents opened before the first configuration answer are checked with these.
    service.configure(toAnalysisSettings(undefined, init));
  }

  /** `onChange` runs after every configuration change, for settings of other sections (`files.exclude`). */
  async start(folders: readonly WorkspaceFolder[], onChange: () => void = () => undefined): Promise<void> {
    // Folders of other schemes (virtual workspaces) hold no file a scoped answer could apply to.
    this.folders = folders.filter((folder) => folder.uri.startsWith('file:'));
    if (this.canPull) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    this.connection.onDidChangeConfiguration(async (params) => {
      const pushed = (params.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION] as ServerSettings | undefined;
      await this.refresh(pushed);
      onChange();
    });
    await this.refresh();
  }

  private async refresh(pushed?: ServerSettings): Promise<void> {
    if (!this.canPull) {
      this.service.configureRenderers(toBinarySettings(pushed));
      this.service.configure(toAnalysisSettings(pushed, this.init));
      return;
    }
    let answers: unknown[];
    try {
      const items = [{ section: SETTINGS_SECTION }, ...this.folders.map((folder) => ({ scopeUri: folder.uri, section: SETTINGS_SECTION }))];
      answers = await this.connection.workspace.getConfiguration(items);
    } catch {
      // A client that advertises configuration but fails the request keeps the previous settings.
      return;
    }
    if (!Array.isArray(answers)) return;
    this.service.configureRenderers(toBinarySettings(answers[0] as ServerSettings | undefined));
    const byFolder = new Map(this.folders.map((folder, i) => [folder.uri, toAnalysisSettings(answers[i + 1] as ServerSettings | undefined, this.init)]));
    this.service.configure(toAnalysisSettings(answers[0] as ServerSettings | undefined, this.init), byFolder);
  }
}
