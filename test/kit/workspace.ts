import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../server/src/analysis/settings';
import { parseFile, type FileModel } from '../../server/src/kubernetes/manifest';
import { WorkspaceIndex } from '../../server/src/kubernetes/workspace';

/** The URI a test file name stands for: names are placed under file:///workspace/, URIs are kept as they are. */
export function uriOf(name: string): string {
  return name.includes('://') ? name : `file:///workspace/${name}`;
}

/** What every feature of the core needs besides the offset: the file, the rest of the workspace and the settings. */
export interface TestEnv {
  uri: string;
  file: FileModel;
  workspace: WorkspaceIndex;
  settings: AnalysisSettings;
}

/** Files parsed the way the server parses them, indexed together as one workspace. */
export class TestWorkspace {
  readonly index = new WorkspaceIndex();

  constructor(files: Record<string, string>) {
    // The workspace folder the names are placed in, so messages name files as they would in the editor.
    this.index.setRoots(['file:///workspace/']);
    for (const [name, text] of Object.entries(files)) this.index.set(parseFile(uriOf(name), text));
  }

  /** The parsed file; throws for a name the workspace was not built with, so a typo fails loudly. */
  file(name: string): FileModel {
    const file = this.index.get(uriOf(name));
    if (!file) throw new Error(`no file ${name} in the workspace (${this.index.uris().join(', ')})`);
    return file;
  }

  text(name: string): string {
    return this.file(name).text;
  }

  /** Replaces a file's text, re-parsing against its previous model as the server does after an edit. */
  edit(name: string, text: string): FileModel {
    const file = parseFile(uriOf(name), text, this.file(name));
    this.index.set(file);
    return file;
  }

  /** The request environment of one file, with the default settings unless some are given. */
  env(name: string, settings: Partial<AnalysisSettings> = {}): TestEnv {
    return { uri: uriOf(name), file: this.file(name), workspace: this.index, settings: { ...DEFAULT_SETTINGS, ...settings } };
  }
}

/**
 * A workspace from in-memory files: `workspace({ 'service.yaml': text, 'deploy.yaml': other })`. Names without a
 * scheme become file:///workspace/<name>; full URIs (`file:///chart/templates/svc.yaml`) are used as given.
 */
export function workspace(files: Record<string, string>): TestWorkspace {
  return new TestWorkspace(files);
}
