import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root, seen from the compiled out/test/fuzz/. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Seeds for mutation: the shared corpus of real manifests, Helm templates and non-Kubernetes YAML when it sits next
 * to the checkout (`../shared/corpus`), plus the repository's own fixtures and examples, so a clean clone still fuzzes.
 */
export const SEED_DIRS = [
  path.resolve(REPO_ROOT, '..', 'shared', 'corpus'),
  path.join(REPO_ROOT, 'test', 'fixtures'),
  path.join(REPO_ROOT, 'examples'),
];

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
    for (const dir of SEED_DIRS) if (existsSync(dir)) walk(dir, path.dirname(dir), found);
    cached = found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  return cached;
}
