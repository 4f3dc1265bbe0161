import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS, CORPUS_LICENSES, REPO_ROOT } from '../kit/corpus';

/**
 * Seeds for mutation: the corpus of real manifests, Helm templates and non-Kubernetes YAML, plus the repository's
 * own fixtures and examples.
 */
export const SEED_DIRS = [CORPUS, path.join(REPO_ROOT, 'test', 'fixtures'), path.join(REPO_ROOT, 'examples')];

export interface SeedFile {
  /** Path relative to its seed folder, for reports. */
  name: string;
  text: string;
}

/** Files bigger than this are skipped as seeds: mutating a 2 MB install manifest makes every run slow, not sharper. */
const MAX_SEED_BYTES = 256 * 1024;

function walk(dir: string, base: string, out: SeedFile[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // Licence texts are prose, not YAML worth mutating.
    if (full === CORPUS_LICENSES) continue;
    if (entry.isDirectory()) walk(full, base, out);
    else if (entry.isFile() && statSync(full).size <= MAX_SEED_BYTES && !/\.(md|json|sarif|png)$/i.test(entry.name)) {
      out.push({ name: path.relative(base, full), text: readFileSync(full, 'utf8') });
    }
  }
}

let cached: SeedFile[] | undefined;

/** Every seed file, in a stable order (so a seed number reproduces the same run). */
export function seedFiles(): SeedFile[] {
  if (!cached) {
    const found: SeedFile[] = [];
    for (const dir of SEED_DIRS) walk(dir, path.dirname(dir), found);
    cached = found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  return cached;
}
