import { promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const YAML_FILE = /\.ya?ml$/i;
/** Dependency, VCS and build folders: never a project's own manifests, often huge. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.cache', 'vendor']);
/** Files larger than this are not indexed in the background; the open-document path still analyses them. */
export const MAX_INDEXED_BYTES = 8 * 1024 * 1024;
export const MAX_INDEXED_FILES = 20000;

export function isYamlPath(file: string): boolean {
  return YAML_FILE.test(file);
}

/** How a caller narrows a walk: both hooks see absolute paths. */
export interface WalkHooks {
  /** Runs before a folder's entries are judged, with their names: the moment to read rules kept in that folder. */
  enterDir?: (dir: string, names: readonly string[]) => Promise<void>;
  /** Whether to leave an entry out; a folder left out is not entered. Default: the folders in SKIPPED_DIRS. */
  skip?: (entry: string, isDirectory: boolean) => boolean;
}

const skipDependencyDirs = (entry: string, isDirectory: boolean) => isDirectory && SKIPPED_DIRS.has(path.basename(entry));

/** Lists YAML files under a folder, skipping dependency and VCS folders; symlinked directories are not followed. */
export async function listYamlFiles(root: string, limit = MAX_INDEXED_FILES, hooks: WalkHooks = {}): Promise<string[]> {
  const skip = hooks.skip ?? skipDependencyDirs;
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
    await hooks.enterDir?.(
      dir,
      entries.map((entry) => entry.name),
    );
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skip(full, true)) pending.push(full);
      } else if (entry.isFile() && isYamlPath(entry.name) && !skip(full, false)) {
        found.push(full);
        if (found.length >= limit) break;
      }
    }
  }
  return found.sort();
}

export type ReadResult = { text: string } | { skipped: string };

/** Reads a manifest as text, or says why not (too big, binary, unreadable). */
export async function readManifest(file: string, maxBytes = MAX_INDEXED_BYTES): Promise<ReadResult> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { skipped: 'not a regular file' };
    if (stat.size > maxBytes) return { skipped: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
    const text = await fs.readFile(file, 'utf8');
    // Binary content is not YAML; a NUL byte is the cheapest reliable sign.
    if (text.includes('\u0000')) return { skipped: 'binary content' };
    return { text };
  } catch (error) {
    return { skipped: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}

/** How long a look at a file outside the workspace is trusted before the file is looked at again. */
const OUTSIDE_RECHECK_MS = 2000;
const OUTSIDE_MAX_BYTES = 256 * 1024;

/**
 * A synchronous reader of small files by `file:` URI, for facts that live next to a file but outside the workspace
 * (the kustomization of a patch opened on its own). Analysis asks on every keystroke: a file's answer is trusted for
 * a moment, then its mtime and size are checked, and it is read again only when they changed.
 */
export function cachedFileReader(now: () => number = Date.now): (uri: string) => string | undefined {
  const cache = new Map<string, { checkedAt: number; stamp: string; text: string | undefined }>();
  return (uri) => {
    if (!uri.startsWith('file:')) return undefined;
    const known = cache.get(uri);
    if (known && now() - known.checkedAt < OUTSIDE_RECHECK_MS) return known.text;
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    let stamp = 'missing';
    let text: string | undefined;
    try {
      const stat = statSync(file);
      stamp = `${stat.mtimeMs}/${stat.size}`;
      if (known && known.stamp === stamp) text = known.text;
      else if (stat.isFile() && stat.size <= OUTSIDE_MAX_BYTES) text = readFileSync(file, 'utf8');
    } catch {
      // Missing or unreadable: no such file, as far as analysis is concerned.
    }
    cache.set(uri, { checkedAt: now(), stamp, text });
    return text;
  };
}
