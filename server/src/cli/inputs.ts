import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch/posix';
import { scanFolder } from '../service/workspaceScan';

export interface InputFile {
  /** Absolute path, or '-' for standard input. */
  path: string;
}

export interface ExpandedInputs {
  files: InputFile[];
  /** Inputs that matched nothing or could not be opened, each with a reason. */
  problems: string[];
}

const GLOB_CHARS = /[*?[{]/;

/**
 * The glob dialect of `check` inputs: `**`, `*`, `?`, `{a,b}`, `[abc]`, `[!abc]`, matched against `/`-separated paths
 * relative to the glob's literal start. `*` matches dot files too, as it always has here (a shell's `*` does not).
 */
export function globMatcher(glob: string): (relativePath: string) => boolean {
  return picomatch(glob, { dot: true, posix: true, noextglob: true, nonegate: true });
}

/**
 * Expands paths, folders (their YAML files, recursively) and globs into a sorted, de-duplicated file list. Folders
 * and globs leave out what `.gitignore` files exclude unless `gitignore` is false; a file named explicitly is
 * always analysed.
 */
export async function expandInputs(inputs: readonly string[], cwd: string, gitignore = true): Promise<ExpandedInputs> {
  const files = new Map<string, InputFile>();
  const problems: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.set('-', { path: '-' });
      continue;
    }
    if (GLOB_CHARS.test(input)) {
      const { base, glob } = splitGlob(input, cwd);
      let matches: (relativePath: string) => boolean;
      try {
        matches = globMatcher(glob);
      } catch (error) {
        problems.push(`${input}: ${(error as Error).message}`);
        continue;
      }
      const matching = (found: string[]) => found.filter((file) => matches(path.relative(base, file).split(path.sep).join('/')));
      const matched = matching(await yamlFilesIn(base, gitignore));
      if (matched.length === 0) {
        const ignored = gitignore && matching(await yamlFilesIn(base, false)).length > 0;
        problems.push(`${input}: ${ignored ? `every YAML file it matches is excluded by .gitignore ${NO_IGNORE_HINT}` : 'no YAML file matches'}`);
      }
      for (const file of matched) files.set(file, { path: file });
      continue;
    }
    const absolute = path.resolve(cwd, input);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      problems.push(`${input}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}`);
      continue;
    }
    if (stat.isDirectory()) {
      const found = await yamlFilesIn(absolute, gitignore);
      if (found.length === 0) {
        const ignored = gitignore && (await yamlFilesIn(absolute, false)).length > 0;
        problems.push(
          `${input}: ${ignored ? `every .yaml or .yml file in this folder is excluded by .gitignore ${NO_IGNORE_HINT}` : 'folder contains no .yaml or .yml files'}`,
        );
      }
      for (const file of found) files.set(file, { path: file });
    } else {
      // A file named explicitly is analysed whatever its extension.
      files.set(absolute, { path: absolute });
    }
  }
  return { files: [...files.values()].sort((a, b) => a.path.localeCompare(b.path)), problems };
}

/**
 * The folder a glob input starts from and the pattern below it. The glob is matched below that folder only, and a
 * leading folder whose name holds glob characters but exists (`/home/me/k8s [old]/`) is a plain name.
 */
function splitGlob(input: string, cwd: string): { base: string; glob: string } {
  const segments = input.split(path.sep).join('/').split('/');
  // `segments[0]` is '' for an absolute path: the file system root.
  const folder = (count: number) => path.resolve(cwd, segments.slice(0, count).join('/') || '/');
  const isLiteral = (i: number) => !GLOB_CHARS.test(segments[i]) || isDirectory(folder(i + 1));
  let literal = 0;
  // The last segment names the files, so it always belongs to the glob.
  while (literal < segments.length - 1 && isLiteral(literal)) literal++;
  return { base: literal === 0 ? cwd : folder(literal), glob: segments.slice(literal).join('/') };
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

const NO_IGNORE_HINT = '(--no-ignore checks them)';

async function yamlFilesIn(folder: string, gitignore: boolean): Promise<string[]> {
  return (await scanFolder(folder, { gitignore })).files;
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
