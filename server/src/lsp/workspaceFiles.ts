import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, DidChangeWatchedFilesNotification, type WorkspaceFolder } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from '../service/projectConfig';
import { isYamlPath, listYamlFiles, readManifest, SKIPPED_DIRS } from '../node/files';
import type { ServerContext } from './context';

/**
 * Indexes every YAML file of the workspace folders in the background and keeps the index current from
 * file events, so cross-file checks see Services and workloads in files that are not open.
 */
export class WorkspaceFiles {
  private folders: string[] = [];

  constructor(private readonly ctx: ServerContext) {}

  isInWorkspace(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const file = fileURLToPath(uri);
    return this.folders.some((folder) => file === folder || file.startsWith(folder + path.sep));
  }

  async start(folders: WorkspaceFolder[] | null | undefined, canWatch: boolean): Promise<void> {
    this.folders = (folders ?? []).filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
    const { connection } = this.ctx;
    connection.onDidChangeWatchedFiles(async ({ changes }) => {
      for (const change of changes) {
        if (!isYamlPath(change.uri) || this.ctx.service.documents.get(change.uri)) continue;
        if (change.type === FileChangeType.Deleted) {
          this.ctx.service.deleteFile(change.uri);
        } else {
          await this.load(change.uri);
        }
      }
    });
    if (canWatch) {
      await connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          // Named explicitly: whether `*` matches a leading dot differs between clients' glob libraries (minimatch's default: no).
          watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: `**/${CONFIG_FILE_NAME}` }],
        })
        .catch(() => undefined);
    }
    await this.indexAll();
  }

  /** Re-reads a file from disk when its editor closes; forgets it when it is not part of the workspace. */
  async closed(uri: string): Promise<void> {
    if (this.isInWorkspace(uri)) await this.load(uri);
    else this.ctx.service.deleteFile(uri);
  }

  /** Only the part below the workspace folder counts: a workspace may itself live under a folder called `out`. */
  private inSkippedDir(file: string): boolean {
    const folder = this.folders.find((f) => file.startsWith(f + path.sep));
    const relative = folder ? file.slice(folder.length + 1) : file;
    return relative.split(path.sep).slice(0, -1).some((segment) => SKIPPED_DIRS.has(segment));
  }

  private async load(uri: string): Promise<void> {
    // File events also arrive for folders the startup scan skips (node_modules, dist...): keep them out too.
    if (!this.isInWorkspace(uri) || this.inSkippedDir(fileURLToPath(uri))) return;
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
    const files = (await Promise.all(this.folders.map((folder) => listYamlFiles(folder)))).flat();
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
