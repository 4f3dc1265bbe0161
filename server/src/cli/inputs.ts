import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { listYamlFiles } from '../node/files';

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

/** Turns a glob (`**`, `*`, `?`, `{a,b}`, `[abc]`) into an anchored regular expression over `/` paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close === -1) source += '\\{';
      else {
        source += `(?:${glob.slice(i + 1, close).split(',').map((part) => part.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
        i = close;
      }
    } else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close === -1) source += '\\[';
      else {
        source += glob.slice(i, close + 1);
        i = close;
      }
    } else source += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Expands paths, folders (their YAML files, recursively) and globs into a sorted, de-duplicated file list. */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<ExpandedInputs> {
  const files = new Map<string, InputFile>();
  const problems: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.set('-', { path: '-' });
      continue;
    }
    if (GLOB_CHARS.test(input)) {
      const normalized = input.split(path.sep).join('/');
      const firstGlob = normalized.search(GLOB_CHARS);
      const base = normalized.slice(0, normalized.lastIndexOf('/', firstGlob) + 1) || './';
      const baseAbs = path.resolve(cwd, base);
      const pattern = globToRegExp(path.resolve(cwd, normalized).split(path.sep).join('/'));
      const matched = (await listYamlFiles(baseAbs)).filter((file) => pattern.test(file.split(path.sep).join('/')));
      if (matched.length === 0) problems.push(`${input}: no YAML file matches`);
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
      const found = await listYamlFiles(absolute);
      if (found.length === 0) problems.push(`${input}: folder contains no .yaml or .yml files`);
      for (const file of found) files.set(file, { path: file });
    } else {
      // A file named explicitly is analysed whatever its extension.
      files.set(absolute, { path: absolute });
    }
  }
  return { files: [...files.values()].sort((a, b) => a.path.localeCompare(b.path)), problems };
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
