// Builds the VSIX exactly as the `package` test tier does (`scripts/package.mjs --check`: production bundles,
// vsce --no-dependencies, written to a temp dir) and unpacks it, so the bench measures what users install.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** esbuild appends a source-map comment only in the development build (`npm run build`). */
const isDevelopmentBuild = (root) => {
  try {
    return /\/\/# sourceMappingURL=\S+\s*$/.test(readFileSync(path.join(root, 'dist', 'extension.js'), 'utf8').slice(-300));
  } catch {
    return false;
  }
};

/**
 * Returns the VSIX's size, its file count as vsce lists them, the package check's failures, the directory it
 * unpacked to (`<dir>/dist/extension.js` ...), and dist/cli.js's production size (the CLI is not in the VSIX).
 * The production build overwrites dist/; a development build found there is rebuilt afterwards, so the rest
 * of the bench runs on what `npm run bench` built.
 */
export function buildVsix(root) {
  const restoreDevelopment = isDevelopmentBuild(root);
  try {
    return packAndUnpack(root);
  } finally {
    if (restoreDevelopment) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  }
}

function packAndUnpack(root) {
  let output;
  try {
    output = execFileSync(process.execPath, ['scripts/package.mjs', '--check', '--keep-vsix'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // --check exits 1 when the package breaks a rule (size budget, a forbidden file); the VSIX exists all the same.
    output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
  }
  const built = /^VSIX (.+\.vsix): \d+ KiB, (\d+) files$/m.exec(output);
  if (!built) throw new Error(`scripts/package.mjs --check built no VSIX:\n${output}`);
  const vsix = built[1];
  // Only ever delete package.mjs's own temp dir, never a path it might print in another mode.
  const vsixDir = path.dirname(vsix);
  if (!path.isAbsolute(vsix) || path.dirname(vsixDir) !== tmpdir() || !path.basename(vsixDir).startsWith('ksl-vsix-')) {
    throw new Error(`scripts/package.mjs --check wrote the VSIX outside a temp dir: ${vsix}`);
  }
  const bytes = statSync(vsix).size;
  const unpacked = mkdtempSync(path.join(tmpdir(), 'ksl-bench-vsix-'));
  try {
    execFileSync('unzip', ['-q', vsix, '-d', unpacked]);
  } catch (error) {
    rmSync(unpacked, { recursive: true, force: true });
    throw new Error(`cannot unpack ${vsix} (the bench needs the \`unzip\` command): ${error.message}`, { cause: error });
  } finally {
    rmSync(vsixDir, { recursive: true, force: true });
  }
  return {
    bytes,
    files: Number(built[2]),
    failures: [...output.matchAll(/^FAIL (.*)$/gm)].map((m) => m[1]),
    extensionDir: path.join(unpacked, 'extension'),
    // The CLI is not in the VSIX; dist/ holds its production build until the development build is restored.
    cliBytes: statSync(path.join(root, 'dist', 'cli.js')).size,
    cleanup: () => rmSync(unpacked, { recursive: true, force: true }),
  };
}
