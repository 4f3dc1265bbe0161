import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../analysis/settings';
import type { Finding } from '../analysis/finding';
import { applyProjectConfig, CONFIG_FILE_NAME, findProjectConfig, loadProjectConfig, parseProjectConfig, type ProjectConfig } from './projectConfig';
import { closedProjectFileWarning, projectConfigFindings } from './projectProblems';

/** A workspace folder as the client names it: its URI is what the client's folder-scoped settings are asked by. */
export interface WorkspaceFolder {
  uri: string;
}

/** One workspace folder's `.kube-service-lens.yaml`, as last read (from the open editor, else from disk). */
interface ProjectFile {
  /** `<folder>/.kube-service-lens.yaml`, then the nearest one above the folder if any: where the CLI run from the folder looks. */
  candidates: string[];
  /** The candidate in use: the first one open in the editor or on disk. */
  file: string;
  config?: ProjectConfig;
  /** The text `config` was parsed from, which the problem offsets refer to. */
  text?: string;
}

interface Folder {
  uri: string;
  path: string;
  /** The folder's own editor settings; undefined until the client has sent them, then the workspace-wide ones apply. */
  editor?: AnalysisSettings;
  project: ProjectFile;
}

/** Where the settings come from besides the project files: the editor's text of a file, and a channel for warnings. */
export interface SettingsHost {
  /** The text of `file` (a path) when it is open in the editor. */
  openText(file: string): string | undefined;
  /** Problems in a project file that is not open: no finding would show them. */
  warn(message: string): void;
}

/**
 * The settings of every document, resolved from its workspace folder as VS Code resolves resource settings:
 * defaults < editor settings (the folder's own, else the workspace's) < the folder's `.kube-service-lens.yaml`,
 * per-rule severities merged with the file's entries winning, so the editor agrees with the CLI run in that folder.
 * Nested folders: the innermost one is the file's. A file outside every folder gets the workspace-wide editor
 * settings and the first folder's project file.
 */
export class WorkspaceSettings {
  private editor: AnalysisSettings = DEFAULT_SETTINGS;
  /** Innermost first, so the first folder that contains a file is its own. */
  private folders: Folder[] = [];
  private first: Folder | undefined;
  /** Resolved settings per folder (undefined: outside every folder); cleared on any change. */
  private readonly resolved = new Map<Folder | undefined, AnalysisSettings>();
  /** Problem lists already shown as a warning, so one is not repeated on every event. */
  private readonly reported = new Set<string>();

  constructor(private readonly host: SettingsHost) {}

  /** The settings for `uri`; called on every keystroke, so they are resolved once per folder and change. */
  for(uri: string): AnalysisSettings {
    const folder = this.folderOf(uri);
    let settings = this.resolved.get(folder);
    if (!settings) {
      settings = applyProjectConfig(folder?.editor ?? this.editor, (folder ?? this.first)?.project.config);
      this.resolved.set(folder, settings);
    }
    return settings;
  }

  /** Reads each folder's project file; folders that are not `file:` URIs have none and are ignored. */
  setFolders(folders: readonly WorkspaceFolder[]): void {
    const local = folders.filter((f) => f.uri.startsWith('file:'));
    const made = local.map((f): Folder => {
      const folder = fileURLToPath(f.uri);
      const own = path.join(folder, CONFIG_FILE_NAME);
      // One above the folder is not watched (watchers cover the workspace): it is read now and when edited in the editor.
      const above = findProjectConfig(path.dirname(folder));
      return { uri: f.uri, path: folder, project: { candidates: above ? [own, above] : [own], file: own } };
    });
    this.first = made[0];
    this.folders = [...made].sort((a, b) => b.path.length - a.path.length);
    for (const folder of made) this.reload(folder.project);
    this.resolved.clear();
  }

  /** Editor settings for the whole workspace, and those a folder sets itself (by folder URI). */
  setEditorSettings(workspace: AnalysisSettings, byFolder: ReadonlyMap<string, AnalysisSettings> = new Map()): void {
    this.editor = workspace;
    for (const folder of this.folders) folder.editor = byFolder.get(folder.uri);
    this.resolved.clear();
  }

  /** Re-reads the project files `uri` may be (opened, edited, closed, changed on disk); true when any settings changed. */
  projectFileChanged(uri: string): boolean {
    const file = projectFilePathOf(uri);
    let changed = false;
    for (const folder of this.folders) {
      if (file === undefined || !folder.project.candidates.includes(file)) continue;
      const before = configKey(folder.project);
      this.reload(folder.project);
      if (configKey(folder.project) !== before) changed = true;
    }
    if (changed) this.resolved.clear();
    return changed;
  }

  /** The problems of the project file at `uri` as findings on `text`, while that is the text they were found in. */
  projectFileFindings(uri: string, text: string): Finding[] {
    const file = projectFilePathOf(uri);
    const project = file === undefined ? undefined : this.folders.find((folder) => folder.project.file === file)?.project;
    if (!project?.config || project.text !== text) return [];
    return projectConfigFindings(project.config, project.text);
  }

  private folderOf(uri: string): Folder | undefined {
    if (this.folders.length === 0) return undefined;
    const file = filePathOf(uri);
    return file === undefined ? undefined : this.folders.find((folder) => file.startsWith(folder.path + path.sep));
  }

  private reload(project: ProjectFile): void {
    const openText = (file: string) => this.host.openText(file);
    project.file = project.candidates.find((file) => openText(file) !== undefined || existsSync(file)) ?? project.candidates[0];
    const open = openText(project.file);
    project.text = open ?? readIfExists(project.file);
    project.config = project.text === undefined ? undefined : parseProjectConfig(project.text, project.file);
    if (project.text === undefined && existsSync(project.file)) project.config = loadProjectConfig(project.file); // says why it cannot be read
    const problems = project.config?.problems ?? [];
    const key = `${project.file}\n${problems.join('\n')}`;
    if (problems.length === 0 || this.reported.has(key)) return;
    this.reported.add(key);
    // An open file shows its problems as findings; a closed one gets one warning, or nobody would know.
    if (open === undefined && project.config) this.host.warn(closedProjectFileWarning(project.config, project.text));
  }
}

/** What of a project file changes any document's settings. */
function configKey(project: ProjectFile): string {
  const config = project.config;
  return JSON.stringify([project.file, config?.nodePortRange, config?.clusterProfile, config?.severities, config?.helmValueSets, config?.helmValuesFiles]);
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The path of `uri` when it may be a project file: asked on every keystroke, so other names are turned down at once. */
function projectFilePathOf(uri: string): string | undefined {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`) ? filePathOf(uri) : undefined;
}

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
