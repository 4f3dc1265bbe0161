import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, type WorkspaceFolder } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from '../service/projectConfig';
import { isYamlPath, readManifest } from '../node/files';
import { excludeGlobs, type ExcludeGlob } from '../service/fileFilter';
import { GITIGNORE, ScannedFolders } from '../service/workspaceScan';
import type { ServerContext } from './context';

const FILES_EXCLUDE = 'files.exclude';

/**
 * Indexes every YAML file of the workspace folders in the background and keeps the index current from
 * file events, so cross-file checks see Services and workloads in files that are not open.
 */
export class WorkspaceFiles {
  private folders: string[] = [];
  private scanned = new ScannedFolders([]);

  constructor(private readonly ctx: ServerContext) {}

  isInWorkspace(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const file = fileURLToPath(uri);
    return this.folders.some((folder) => file === folder || file.startsWith(folder + path.sep));
  }

  async start(folders: WorkspaceFolder[] | null | undefined, canWatch: boolean): Promise<void> {
    this.folders = (folders ?? []).filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
    this.scanned = new ScannedFolders(this.folders);
    const { connection } = this.ctx;
    connection.onDidChangeWatchedFiles(async ({ changes }) => {
      // A changed .gitignore changes which files belong: its folder is scanned again, once however many changed.
      const rescans = new Set(changes.flatMap(({ uri }) => (uri.startsWith('file:') ? (this.scanned.rescanAfter(fileURLToPath(uri)) ?? []) : [])));
      for (const folder of rescans) await this.rescan(folder);
      for (const change of changes) {
        if (isYamlPath(change.uri) && !this.ctx.service.documents.get(change.uri)) {
          if (change.type === FileChangeType.Deleted) this.ctx.service.deleteFile(change.uri);
          else await this.load(change.uri);
        }
        // Open or not, YAML or a chart's `_helpers.tpl`: the renders that read the file run again.
        if (this.isInWorkspace(change.uri)) this.ctx.service.fileChangedOnDisk(change.uri);
      }
    });
    if (canWatch) {
      await connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          // Named explicitly: whether `*` matches a leading dot differs between clients' glob libraries (minimatch's default: no).
          watchers: [
            { globPattern: '**/*.{yaml,yml}' },
            { globPattern: `**/${CONFIG_FILE_NAME}` },
            { globPattern: `**/${GITIGNORE}` },
            // What charts and overlays read besides YAML: Helm's named templates and values schema, a kustomization
            // without extension.
            { globPattern: '**/*.tpl' },
            { globPattern: '**/values.schema.json' },
            { globPattern: '**/Kustomization' },
          ],
        })
        .catch(() => undefined);
    }
    if (this.ctx.clientCapabilities?.workspace?.configuration) {
      // The settings store handles every didChangeConfiguration, and server.ts then calls excludesChanged.
      await connection.client.register(DidChangeConfigurationNotification.type, { section: FILES_EXCLUDE }).catch(() => undefined);
    }
    await this.indexAll();
  }

  /** Re-reads a file from disk when its editor closes; forgets it when it is not part of the workspace. */
  async closed(uri: string): Promise<void> {
    if (this.isInWorkspace(uri) && !this.scanned.excludes(fileURLToPath(uri))) await this.load(uri);
    else this.ctx.service.deleteFile(uri);
  }

  /** Re-reads each folder's `files.exclude`; a folder whose globs changed is scanned again. */
  async excludesChanged(): Promise<void> {
    for (const folder of this.folders) {
      if (this.scanned.excludesDiffer(folder, await this.readExcludes(folder))) await this.rescan(folder);
    }
  }

  /** `files.exclude` of the folder's scope; `true` entries and `{ when }` sibling conditions, as VS Code applies them. */
  private async readExcludes(folder: string): Promise<ExcludeGlob[]> {
    if (!this.ctx.clientCapabilities?.workspace?.configuration) return [];
    const setting: unknown = await this.ctx.connection.workspace
      .getConfiguration({ scopeUri: pathToFileURL(folder).href, section: FILES_EXCLUDE })
      .catch(() => undefined);
    return excludeGlobs(setting);
  }

  /** After a `.gitignore` or `files.exclude` changed: files now left out leave the index, files now let in join it. */
  private async rescan(folder: string): Promise<void> {
    const files = await this.scanned.scan(folder, await this.readExcludes(folder));
    for (const uri of this.ctx.service.index.uris()) {
      if (!uri.startsWith('file:') || this.ctx.service.documents.get(uri) || !this.scanned.excludes(fileURLToPath(uri))) continue;
      this.ctx.service.deleteFile(uri);
    }
    for (const file of files) {
      const uri = pathToFileURL(file).href;
      if (!this.ctx.service.index.get(uri)) await this.load(uri);
    }
  }

  private async load(uri: string): Promise<void> {
    // File events also arrive for what the scan leaves out (node_modules, .gitignore, files.exclude): keep it out too.
    if (!this.isInWorkspace(uri) || this.scanned.excludes(fileURLToPath(uri))) return;
    const read = await readManifest(fileURLToPath(uri));
    // Opened while we were reading: the editor's text wins (the service ignores both calls then).
    if ('text' in read) this.ctx.service.setFile(uri, read.text);
    else this.ctx.service.deleteFile(uri);
  }

  private async indexAll(): Promise<void> {
    if (this.folders.length === 0) return;
    const { connection } = this.ctx;
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Kubernetes Service Lens: indexing YAML', 0, undefined, false);
    const files = (await Promise.all(this.folders.map(async (folder) => this.scanned.scan(folder, await this.readExcludes(folder))))).flat();
    let done = 0;
    for (const file of files) {
      const uri = pathToFileURL(file).href;
      if (!this.ctx.service.documents.get(uri)) {
        const read = await readManifest(file);
        // Announced once for all, below.
        if ('text' in read) this.ctx.service.setFile(uri, read.text, { announce: false });
      }
      done++;
      if (done % 50 === 0) {
        progress?.report(Math.round((done / files.length) * 100), `${done}/${files.length} files`);
        // Let edits and requests for open documents through between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    progress?.done();
    connection.console.info(`Indexed ${files.length} YAML files in ${this.folders.length} workspace folder(s).`);
    this.ctx.scheduleDiagnostics();
  }
}
