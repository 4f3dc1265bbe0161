import { readdirSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root, seen from the compiled out/test/kit/. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Real manifests, Helm templates and YAML that is not Kubernetes, copied byte for byte from public projects
 * (test/corpus/SOURCES.md gives each file's origin and commit, test/corpus/licenses/ each project's licence).
 */
export const CORPUS = path.join(REPO_ROOT, 'test', 'corpus');

/** The licence of every project the corpus copies from, one folder per project. */
export const CORPUS_LICENSES = path.join(CORPUS, 'licenses');

export type CorpusFolder = 'real-world' | 'helm-templates' | 'not-kubernetes';

export const CORPUS_FOLDERS: readonly CorpusFolder[] = ['real-world', 'helm-templates', 'not-kubernetes'];

/** The absolute path of one corpus folder. */
export const corpusFolder = (folder: CorpusFolder): string => path.join(CORPUS, folder);

/** The `.yaml`/`.yml` files of the given corpus folders (all three by default), sorted, as absolute paths. */
export function corpusFiles(folders: readonly CorpusFolder[] = CORPUS_FOLDERS): string[] {
  return folders.flatMap((folder) =>
    readdirSync(corpusFolder(folder))
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => path.join(corpusFolder(folder), name)),
  );
}
