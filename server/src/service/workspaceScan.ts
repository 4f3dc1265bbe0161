import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { listYamlFiles, MAX_INDEXED_FILES, SKIPPED_DIRS } from '../node/files';
import { FileFilter, type ExcludeGlob } from './fileFilter';

export const GITIGNORE = '.gitignore';

export interface ScanOptions {
  /** Honour `.gitignore` files: the folder's own, those below it, and those above it up to the repository root. */
  gitignore: boolean;
  /** `files.exclude` globs, relative to the folder. */
  excludes?: readonly ExcludeGlob[];
  limit?: number;
}

export interface FolderScan {
  files: string[];
  /** The rules the scan applied, for judging files that appear later (file events). */
  filter: FileFilter;
}

/** Lists a folder's YAML files that are not excluded, reading each `.gitignore` on the way down. */
export async function scanFolder(root: string, options: ScanOptions): Promise<FolderScan> {
  const filter = options.gitignore ? await filterWithGitignoresAbove(root, options) : newFilter(root, options);
  const files = await listYamlFiles(root, options.limit ?? MAX_INDEXED_FILES, {
    enterDir: options.gitignore
      ? async (dir, names) => {
          if (!names.includes(GITIGNORE)) return;
          const text = await readText(path.join(dir, GITIGNORE));
          if (text !== undefined) filter.addGitignore(dir, text);
        }
      : undefined,
    skip: (entry, isDirectory) => filter.excludesEntry(entry, isDirectory),
  });
  return { files, filter };
}

/**
 * The workspace folders and the rules their last scan applied, to judge files that appear later. Until a folder is
 * scanned, only the dependency and VCS folders are left out.
 */
export class ScannedFolders {
  private readonly filters = new Map<string, FileFilter>();
  /** The `files.exclude` globs of each folder's last scan, as JSON. */
  private readonly lastExcludes = new Map<string, string>();

  constructor(private readonly folders: readonly string[]) {
    for (const folder of folders) this.filters.set(folder, newFilter(folder, { gitignore: false }));
  }

  /** Scans `folder` again with its `.gitignore` files as they are now and the given `files.exclude` globs. */
  async scan(folder: string, excludes: readonly ExcludeGlob[]): Promise<string[]> {
    this.lastExcludes.set(folder, JSON.stringify(excludes));
    const { files, filter } = await scanFolder(folder, { gitignore: true, excludes });
    this.filters.set(folder, filter);
    return files;
  }

  /** Whether `folder` was last scanned with other `files.exclude` globs than these. */
  excludesDiffer(folder: string, excludes: readonly ExcludeGlob[]): boolean {
    return this.lastExcludes.get(folder) !== JSON.stringify(excludes);
  }

  /** The folder to scan again after `file` changed on disk: the folder of a `.gitignore` that is not itself left out. */
  rescanAfter(file: string): string | undefined {
    return path.basename(file) === GITIGNORE && !this.excludes(file) ? this.folderOf(file) : undefined;
  }

  /** The innermost workspace folder holding `file`. */
  folderOf(file: string): string | undefined {
    return this.folders.filter((folder) => file.startsWith(folder + path.sep)).sort((a, b) => b.length - a.length)[0];
  }

  /** Whether the innermost workspace folder holding `file` leaves it out; a file outside every folder is not judged here. */
  excludes(file: string): boolean {
    const folder = this.folderOf(file);
    return folder !== undefined && (this.filters.get(folder)?.excludes(file) ?? false);
  }
}

async function filterWithGitignoresAbove(root: string, options: ScanOptions): Promise<FileFilter> {
  const filter = newFilter(root, options);
  for (const { dir, text } of await gitignoresAbove(root)) filter.addGitignore(dir, text);
  // A folder the user opened or named is checked even when the repository ignores it, and `ignore` would find every
  // file in it ignored through that folder: then only the rules inside it apply.
  return filter.ignoredByGit(root, true) ? newFilter(root, options) : filter;
}

function newFilter(root: string, options: ScanOptions): FileFilter {
  return new FileFilter(root, { excludes: options.excludes, skippedDirs: SKIPPED_DIRS, exists: existsSync });
}

/**
 * The `.gitignore` files of the folders between the repository root (the nearest folder holding `.git`) and `root`,
 * outermost first. Outside a repository there are none: a stray `.gitignore` in a home folder is no rule for a project.
 */
async function gitignoresAbove(root: string): Promise<Array<{ dir: string; text: string }>> {
  if (existsSync(path.join(root, '.git'))) return [];
  const dirs: string[] = [];
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    dirs.unshift(dir);
    if (existsSync(path.join(dir, '.git'))) break;
    if (path.dirname(dir) === dir) return [];
  }
  const found: Array<{ dir: string; text: string }> = [];
  for (const dir of dirs) {
    const text = await readText(path.join(dir, GITIGNORE));
    if (text !== undefined) found.push({ dir, text });
  }
  return found;
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined; // an unreadable .gitignore (or a folder by that name) holds no rules
  }
}
