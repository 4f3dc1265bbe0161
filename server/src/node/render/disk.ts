import { readdirSync, readFileSync, statSync } from 'node:fs';

/** Inputs larger than this are not read for cache keys or origins: no chart or kustomization file is that big. */
const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** The disk's text of a file, as the renderer will read it; undefined for a folder, a missing or a huge file. */
export function readDiskText(file: string): string | undefined {
  try {
    const stat = statSync(file);
    if (!stat.isFile() || stat.size > MAX_INPUT_BYTES) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The names of the entries directly in `dir`, sorted; empty when it cannot be read. */
export function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
