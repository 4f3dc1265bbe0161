import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { DiagnosticSeverity, DidChangeConfigurationNotification, MessageType, ShowMessageNotification, type Diagnostic, type PublishDiagnosticsParams, type WorkspaceFolder } from 'vscode-languageserver/node';
import { applyProjectConfig, CONFIG_FILE_NAME, findProjectConfig, loadProjectConfig, parseProjectConfig, type ProjectConfig } from '../service/projectConfig';
import { CLUSTER_PROFILES, DEFAULT_SETTINGS, parsePortRange, type ClusterProfile, type AnalysisSettings, type SeveritySetting } from '../analysis/settings';
import { nestsTooDeep } from '../document/nesting';
import { LineIndex } from '../document/text';
import { asMap, fieldOf, type Span } from '../document/yamlNodes';
import { DIAGNOSTIC_SOURCE, SETTINGS_SECTION, type InitializationOptions, type ServerSettings } from '../protocol/index';
import type { Connection } from 'vscode-languageserver/node';
import type { ServerContext } from './context';

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];
/** The `code` of diagnostics about the project file itself; no rule has this id, so no quick fix is looked up. */
export const PROJECT_CONFIG_CODE = 'project-config';

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
    inlayHints: typeof raw?.inlayHints?.enabled === 'boolean' ? raw.inlayHints.enabled : DEFAULT_SETTINGS.inlayHints,
    maxFileSize: typeof raw?.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize >= 0 ? raw.maxFileSize : DEFAULT_SETTINGS.maxFileSize,
  };
}

const editorSettingsListeners: Array<() => void> = [];

/**
 * Runs `listener` after the editor settings were re-read. For results the client caches until told otherwise
 * (inlay hints): the feature asks the client to refresh them.
 */
export function onEditorSettingsChanged(listener: () => void): void {
  editorSettingsListeners.push(listener);
}

/** One workspace folder's `.kube-service-lens.yaml`, as last read (from the open editor, else from disk). */
interface ProjectFile {
  folder: string;
  /** `<folder>/.kube-service-lens.yaml`, then the nearest one above the folder if any: where the CLI run from the folder looks. */
  candidates: string[];
  /** The candidate in use: the first one open in the editor or on disk. */
  file: string;
  config?: ProjectConfig;
  /** The text `config` was parsed from, which the problem ranges refer to. */
  text?: string;
}

/**
 * Keeps the current settings: pulled with `workspace/configuration` when the client supports it, otherwise
 * the defaults (plus whatever `didChangeConfiguration` pushes), so clients without configuration work too.
 * Each workspace folder's `.kube-service-lens.yaml` goes on top, as in the CLI, so the editor agrees with CI:
 * defaults < editor settings < project file, per-rule severities merged with the file's entries winning.
 */
export class SettingsStore {
  private editor: AnalysisSettings;
  private projects: ProjectFile[] = [];
  /** Problem lists already shown (as diagnostics or a message), so a warning is not repeated on every event. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly init: InitializationOptions | undefined,
    private readonly canPull: boolean,
  ) {
    this.editor = toAnalysisSettings(undefined, init);
  }

  /** The settings for `uri`: its workspace folder's project file applies; without a uri (or outside every folder), the first folder's. */
  get(uri?: string): AnalysisSettings {
    return applyProjectConfig(this.editor, this.projectFor(uri)?.config);
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

  /**
   * Reads each workspace folder's project file now and again whenever the index says it changed: opened,
   * edited, closed, or changed on disk (the file watcher covers it, see workspaceFiles.ts). Clients without a
   * file watcher see disk changes when the file is next opened in the editor. As in the CLI, a file in the
   * folder wins over one above it.
   */
  watchProjectFiles(ctx: ServerContext, folders: readonly WorkspaceFolder[]): void {
    this.projects = folders.filter((f) => f.uri.startsWith('file:')).map((f) => {
      const folder = fileURLToPath(f.uri);
      const own = path.join(folder, CONFIG_FILE_NAME);
      // One above the folder is not watched (watchers cover the workspace): it is read now and when edited in the editor.
      const above = findProjectConfig(path.dirname(folder));
      return { folder, candidates: above ? [own, above] : [own], file: own };
    });
    for (const project of this.projects) this.reload(ctx, project);
    ctx.onIndexChanged((uri) => {
      const file = filePathOf(uri);
      const project = this.projects.find((p) => p.candidates.some((candidate) => candidate === file));
      if (!project) return;
      this.reload(ctx, project);
      ctx.scheduleDiagnostics();
    });
  }

  /** A context for the diagnostics publisher: one publishDiagnostics carries both the rules' findings and the project file's problems, so neither replaces the other. */
  withProjectFileProblems(ctx: ServerContext): ServerContext {
    const { connection } = ctx;
    const sendDiagnostics = (params: PublishDiagnosticsParams) => connection.sendDiagnostics({ ...params, diagnostics: [...params.diagnostics, ...this.diagnosticsFor(params.uri, ctx)] });
    return { ...ctx, connection: Object.create(connection, { sendDiagnostics: { value: sendDiagnostics } }) as Connection };
  }

  /** The project file's own problems, as diagnostics on it while it is open (the publisher merges them in). */
  diagnosticsFor(uri: string, ctx: Pick<ServerContext, 'documents'>): Diagnostic[] {
    const file = filePathOf(uri);
    const project = this.projects.find((p) => p.file === file);
    if (!project?.config || project.text === undefined || !ctx.documents.get(uri)) return [];
    const lines = new LineIndex(project.text);
    return project.config.problems.map((problem) => {
      const message = withoutPath(project.file, problem);
      const located = locateProblem(project.text as string, message);
      return {
        range: lines.rangeOf(located.span.start, located.span.end),
        severity: DiagnosticSeverity.Warning,
        code: PROJECT_CONFIG_CODE,
        source: DIAGNOSTIC_SOURCE,
        message: `${message}.\n${consequence(located.entry)}`,
      };
    });
  }

  private reload(ctx: ServerContext, project: ProjectFile): void {
    const openIn = (file: string) => ctx.documents.all().find((d) => filePathOf(d.uri) === file);
    project.file = project.candidates.find((file) => openIn(file) || existsSync(file)) ?? project.candidates[0];
    const open = openIn(project.file);
    project.text = open?.getText() ?? readIfExists(project.file);
    project.config = project.text === undefined ? undefined : parseProjectConfig(project.text, project.file);
    if (project.text === undefined && existsSync(project.file)) project.config = loadProjectConfig(project.file); // says why it cannot be read
    const problems = project.config?.problems ?? [];
    const key = `${project.file}\n${problems.join('\n')}`;
    if (problems.length === 0 || this.reported.has(key)) return;
    this.reported.add(key);
    // An open file shows its problems as diagnostics; a closed one gets one message, or nobody would know.
    if (!open) {
      const first = locateProblem(project.text ?? '', withoutPath(project.file, problems[0]));
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more; open the file to see them)` : '';
      // window/showMessage, not connection.window.showWarningMessage (a showMessageRequest, whose rejection by a
      // client without it would go unhandled): a warning with no actions needs no answer.
      const message = `Kubernetes Service Lens: ${problems[0]}${more}. ${consequence(first.entry)}`;
      void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
    }
  }

  private projectFor(uri: string | undefined): ProjectFile | undefined {
    const file = uri === undefined ? undefined : filePathOf(uri);
    const containing = file === undefined ? [] : this.projects.filter((p) => file.startsWith(p.folder + path.sep));
    // Nested workspace folders: the innermost one is the file's project.
    return containing.sort((a, b) => b.folder.length - a.folder.length)[0] ?? this.projects[0];
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
    this.editor = toAnalysisSettings(raw, this.init);
    editorSettingsListeners.forEach((listener) => listener());
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** parseProjectConfig names the file in every problem; on the file itself that is noise. */
function withoutPath(file: string, problem: string): string {
  return problem.startsWith(`${file}: `) ? problem.slice(file.length + 2) : problem;
}

/** The same for the editor and the CLI, which share parseProjectConfig. */
function consequence(entry: boolean): string {
  return entry ? 'This entry is ignored; the rest of the file applies.' : "None of this file's settings apply until this is fixed.";
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * Where a problem from parseProjectConfig sits in the file: the offending entry when the problem names one
 * (`entry: true`), else the YAML error or the first line. A problem this does not recognise still gets shown.
 */
export function locateProblem(text: string, problem: string): { span: Span; entry: boolean } {
  const firstLine: Span = { start: 0, end: Math.max(0, text.search(/\r?\n|$/)) };
  if (nestsTooDeep(text)) return { span: firstLine, entry: false };
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    const [start, end] = doc.errors[0].pos;
    return { span: { start, end: Math.max(end, start + 1) }, entry: false };
  }
  const root = asMap(doc.contents);
  const ruleId = /^rules\.(.*): "/.exec(problem)?.[1];
  const unknown = /^unknown setting "(.*)"/.exec(problem)?.[1];
  const known = /^(nodePortRange|clusterProfile|rules)\b/.exec(problem)?.[1];
  const field = ruleId !== undefined ? fieldOf(asMap(fieldOf(root, 'rules')?.node), ruleId) : fieldOf(root, unknown ?? known ?? '');
  if (!field) return { span: firstLine, entry: false };
  // An unknown key is wrong in itself; for the others the value is what needs changing.
  const span = unknown !== undefined || field.valueSpan.start === field.valueSpan.end ? field.keySpan : field.valueSpan;
  return { span, entry: true };
}
