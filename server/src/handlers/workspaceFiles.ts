import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, DidChangeWatchedFilesNotification, type WorkspaceFolder } from 'vscode-languageserver/node';
import { parseFile } from '../core/parse';
import type { ServerContext } from './context';

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.cache', 'vendor']);
/** Files larger than this are left to the open-document path; the index should never stall on one file. */
const MAX_INDEXED_BYTES = 8 * 1024 * 1024;
const MAX_INDEXED_FILES = 20000;

export function isYamlPath(file: string): boolean {
  return YAML_FILE.test(file);
}

/** Lists YAML files under a folder, skipping dependency and VCS folders and symlinked directories. */
export async function listYamlFiles(root: string, limit = MAX_INDEXED_FILES): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0 && found.length < limit) {
    const dir = pending.pop() as string;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && isYamlPath(entry.name)) {
        found.push(full);
        if (found.length >= limit) break;
      }
    }
  }
  return found.sort();
}

async function readIndexable(file: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_INDEXED_BYTES) return undefined;
    const text = await fs.readFile(file, 'utf8');
    // Binary content is not YAML; a NUL byte is the cheapest reliable sign.
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

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
        if (!isYamlPath(change.uri) || this.ctx.documents.get(change.uri)) continue;
        if (change.type === FileChangeType.Deleted) {
          if (this.ctx.index.delete(change.uri)) this.ctx.indexChanged(change.uri);
        } else {
          await this.load(change.uri);
        }
      }
    });
    if (canWatch) {
      await connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] })
        .catch(() => undefined);
    }
    await this.indexAll();
  }

  /** Re-reads a file from disk when its editor closes; forgets it when it is not part of the workspace. */
  async closed(uri: string): Promise<void> {
    if (this.isInWorkspace(uri)) await this.load(uri);
    else if (this.ctx.index.delete(uri)) this.ctx.indexChanged(uri);
  }

  private async load(uri: string): Promise<void> {
    if (!this.isInWorkspace(uri)) return;
    const text = await readIndexable(fileURLToPath(uri));
    if (this.ctx.documents.get(uri)) return; // opened while we were reading: the editor's text wins
    if (text === undefined) {
      if (this.ctx.index.delete(uri)) this.ctx.indexChanged(uri);
      return;
    }
    this.ctx.index.set(parseFile(uri, text, this.ctx.index.get(uri)));
    this.ctx.indexChanged(uri);
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
      if (!this.ctx.documents.get(uri)) {
        const text = await readIndexable(file);
        if (text !== undefined && !this.ctx.documents.get(uri)) this.ctx.index.set(parseFile(uri, text));
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
