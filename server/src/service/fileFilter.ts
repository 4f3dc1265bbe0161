import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch/posix';

/** One entry of VS Code's `files.exclude`: a glob relative to the workspace folder. */
export interface ExcludeGlob {
  glob: string;
  /**
   * VS Code's sibling condition (`{ "when": "$(basename).ts" }`): the entry is excluded only when a sibling of
   * this name exists, `$(basename)` standing for its own name without the extension.
   */
  when?: string;
}

/** The `files.exclude` setting as a client sends it: `true` excludes, `false` is an override of a default, anything else is not a rule. */
export function excludeGlobs(setting: unknown): ExcludeGlob[] {
  if (!setting || typeof setting !== 'object' || Array.isArray(setting)) return [];
  const globs: ExcludeGlob[] = [];
  for (const [glob, value] of Object.entries(setting)) {
    if (value === true) globs.push({ glob });
    else if (value && typeof value === 'object' && typeof (value as { when?: unknown }).when === 'string')
      globs.push({ glob, when: (value as { when: string }).when });
  }
  return globs;
}

export interface FileFilterOptions {
  excludes?: readonly ExcludeGlob[];
  /** Folder names left out wherever they occur below the root (dependency and VCS folders). */
  skippedDirs?: ReadonlySet<string>;
  /** For `when` conditions; without it, conditional excludes never apply. */
  exists?: (file: string) => boolean;
  /**
   * Whether names match whatever their case. Default: on macOS and Windows, as VS Code matches its globs and as git
   * sets core.ignorecase there.
   */
  caseInsensitive?: boolean;
}

interface CompiledExclude {
  matches: (relative: string) => boolean;
  when?: string;
}

/**
 * Decides which paths under a root folder are left out: folders skipped by name, `.gitignore` rules (matched by the
 * `ignore` package) and `files.exclude` globs (VS Code's glob dialect: `*` matches dot files, `[!a]` negates, matched
 * by picomatch). Holds no file system access itself: rules are handed in, so it can be tested with strings.
 */
export class FileFilter {
  /** Each `.gitignore`'s text by the folder it is in. */
  private readonly gitignoreTexts = new Map<string, string>();
  /** All of them as one `ignore` matcher over paths relative to the outermost of those folders; built when needed. */
  private gitignore?: { base: string; rules: Ignore };
  private readonly excludeRules: CompiledExclude[];
  private readonly skippedDirs: ReadonlySet<string>;
  private readonly caseInsensitive: boolean;

  constructor(
    readonly root: string,
    private readonly options: FileFilterOptions = {},
  ) {
    this.skippedDirs = options.skippedDirs ?? new Set();
    this.caseInsensitive = options.caseInsensitive ?? (process.platform === 'darwin' || process.platform === 'win32');
    this.excludeRules = (options.excludes ?? []).flatMap(({ glob, when }) => {
      try {
        // VS Code's globs have no extglobs and no leading `!` negation: those characters are literal there.
        return [{ matches: picomatch(glob, { dot: true, posix: true, noextglob: true, nonegate: true, nocase: this.caseInsensitive }), when }];
      } catch {
        return []; // a glob picomatch rejects (over its length limit) is no rule, not a crash
      }
    });
  }

  /** Adds the rules of the `.gitignore` in `dir`: the root, a folder below it, or a folder above it in the same repository. */
  addGitignore(dir: string, text: string): void {
    const replaces = this.gitignoreTexts.has(dir);
    this.gitignoreTexts.set(dir, text);
    const current = this.gitignore;
    const prefix = current && path.relative(current.base, dir);
    // A walk meets outer files first: a file below every one seen is appended, and its rules, coming last, win as they
    // should. Anything else means building the matcher again in the right order.
    const appendable =
      !replaces &&
      prefix !== undefined &&
      prefix !== '' &&
      !prefix.startsWith('..') &&
      !path.isAbsolute(prefix) &&
      ![...this.gitignoreTexts.keys()].some((other) => other.startsWith(dir + path.sep));
    if (current && appendable) current.rules.add(relocateAll(text, prefix.split(path.sep).join('/')));
    else this.gitignore = undefined;
  }

  /** Whether `file`, below the root, is left out: itself or through a folder it is in. The root itself never is. */
  excludes(file: string, isDirectory = false): boolean {
    const relative = path.relative(this.root, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const segments = relative.split(path.sep);
    let current = this.root;
    for (let i = 0; i < segments.length; i++) {
      current = path.join(current, segments[i]);
      if (this.excludesEntry(current, i < segments.length - 1 || isDirectory)) return true;
    }
    return false;
  }

  /** Whether one entry is left out by its own name, the folders it is in being kept: what a walk asks as it descends. */
  excludesEntry(entry: string, isDirectory: boolean): boolean {
    if (isDirectory && this.skippedDirs.has(path.basename(entry))) return true;
    return this.excludedBySetting(entry) || this.ignoredByGit(entry, isDirectory);
  }

  /** Whether the `.gitignore` files exclude `entry`, itself or through a folder it is in. */
  ignoredByGit(entry: string, isDirectory: boolean): boolean {
    const gitignore = this.gitignore ?? (this.gitignore = this.combinedGitignores());
    if (!gitignore) return false;
    const relative = path.relative(gitignore.base, entry);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    return gitignore.rules.ignores(relative.split(path.sep).join('/') + (isDirectory ? '/' : ''));
  }

  /**
   * One matcher for all `.gitignore` files, outer ones first so that a rule of a nested file, coming later, wins
   * (git's precedence). `ignore` then also applies git's rule that nothing inside an excluded folder can be
   * re-included, across files. Each nested file's patterns are moved to its folder first.
   */
  private combinedGitignores(): { base: string; rules: Ignore } | undefined {
    const dirs = [...this.gitignoreTexts.keys()].sort((a, b) => a.length - b.length);
    if (dirs.length === 0) return undefined;
    const base = dirs[0];
    const rules = ignore({ ignorecase: this.caseInsensitive });
    for (const dir of dirs) {
      const prefix = path.relative(base, dir).split(path.sep).join('/');
      // A folder that is not below the outermost one (two unrelated trees) cannot share its paths: its rules are left out.
      if (prefix.startsWith('..') || path.isAbsolute(prefix)) continue;
      rules.add(relocateAll(this.gitignoreTexts.get(dir) as string, prefix));
    }
    return { base, rules };
  }

  private excludedBySetting(entry: string): boolean {
    if (this.excludeRules.length === 0) return false;
    const relative = path.relative(this.root, entry).split(path.sep).join('/');
    return this.excludeRules.some(({ matches, when }) => matches(relative) && (when === undefined || this.siblingExists(entry, when)));
  }

  /** VS Code replaces the first `$(basename)` only, with the name up to its last extension. */
  private siblingExists(entry: string, when: string): boolean {
    if (!this.options.exists) return false;
    const name = path.basename(entry, path.extname(entry));
    return this.options.exists(
      path.join(
        path.dirname(entry),
        when.replace('$(basename)', () => name),
      ),
    );
  }
}

function relocateAll(text: string, prefix: string): string[] {
  return text.split(/\r?\n/).map((line) => relocate(line, prefix));
}

/**
 * A `.gitignore` line as the same rule written in the `.gitignore` of an outer folder, `prefix` being the path from
 * there. gitignore(5): a pattern with a `/` at its start or in its middle is relative to its file's folder; one
 * without (a trailing `/` aside) matches at any depth below it. Comments and blank lines stay as they are.
 */
export function relocate(line: string, prefix: string): string {
  if (prefix === '' || line.trim() === '' || line.startsWith('#')) return line;
  const negated = line.startsWith('!');
  const pattern = negated ? line.slice(1) : line;
  if (pattern.trim() === '') return line;
  const anchored = pattern.replace(/\/+\s*$/, '').includes('/');
  return `${negated ? '!' : ''}${prefix}/${anchored ? pattern.replace(/^\//, '') : `**/${pattern}`}`;
}
