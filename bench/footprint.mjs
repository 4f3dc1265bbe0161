// What the extension costs on disk and at load: bundle sizes (development build and shipped VSIX), whether
// Mermaid leaked into the extension host bundle, and what the shipped extension.js is made of.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const BUNDLES = ['extension.js', 'server.js', 'webview.js', 'cli.js'];
/**
 * Strings from inside the Mermaid library (its API object and its flowchart renderer's id), which our own client
 * code never spells. The webview bundle must contain them, which shows the markers still match Mermaid's build.
 */
const MERMAID_MARKERS = ['mermaidAPI', 'flowchart-v2'];

const sizeOf = (file) => (existsSync(file) ? statSync(file).size : undefined);
const kib = (n) => (n === undefined ? 'n/a' : (n / 1024).toFixed(0));

export function containsMermaid(file) {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  return MERMAID_MARKERS.some((marker) => text.includes(marker));
}

/** Sizes of the bundles `npm run build` left in dist/; read before the VSIX build overwrites them. */
export function developmentBundles(root) {
  const dist = path.join(root, 'dist');
  return {
    sizes: Object.fromEntries(BUNDLES.map((name) => [name, sizeOf(path.join(dist, name))])),
    extensionHasMermaid: containsMermaid(path.join(dist, 'extension.js')),
  };
}

/** The shipped bundles, from the unpacked VSIX (cli.js from the production build; it is not packaged). */
export function shippedBundles(vsix) {
  const dist = path.join(vsix.extensionDir, 'dist');
  const sizes = Object.fromEntries(BUNDLES.map((name) => [name, sizeOf(path.join(dist, name))]));
  const inVsix = Object.fromEntries(BUNDLES.map((name) => [name, sizes[name] !== undefined]));
  sizes['cli.js'] ??= vsix.cliBytes;
  return {
    sizes,
    inVsix,
    extensionHasMermaid: containsMermaid(path.join(dist, 'extension.js')),
    webviewHasMermaid: containsMermaid(path.join(dist, 'webview.js')),
  };
}

/** `node_modules/@scope/name/...` → `@scope/name`; our own sources by folder. */
function owner(input) {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (match) return match[1];
  if (input.startsWith('client/src/')) return 'client/src (ours)';
  if (input.startsWith('server/src/')) return 'server/src (ours, shared with the client)';
  return input;
}

/**
 * Bytes of the production extension.js per package, from an in-memory esbuild build with esbuild.mjs's
 * production options for that entry (nothing is written). `bundleBytes` lets the caller check that this build
 * matches the shipped file, i.e. that the options here still mirror esbuild.mjs.
 */
export async function extensionComposition(root) {
  const esbuild = require(require.resolve('esbuild', { paths: [root] }));
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/extension.js',
    bundle: true,
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint === 'client/src/extension.ts');
  const byOwner = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) byOwner.set(owner(input), (byOwner.get(owner(input)) ?? 0) + bytesInOutput);
  return { bundleBytes: output.bytes, parts: [...byOwner].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes) };
}

const yesNo = (value) => (value === undefined ? 'n/a' : value ? 'yes' : 'no');

export function footprintSection({ development, shipped, vsix, composition }) {
  const lines = [
    '## Footprint',
    '',
    'Bundle sizes in KiB: "development" as `npm run build` leaves dist/ (unminified, source maps beside), "shipped" as the VSIX holds them (`scripts/package.mjs`: production build, minified). dist/cli.js is the npm CLI and not in the VSIX; its shipped figure is the production build.',
    '',
    '| bundle | development | shipped | in the VSIX |',
    '|---|---|---|---|',
    ...BUNDLES.map((name) => `| dist/${name} | ${kib(development.sizes[name])} | ${kib(shipped.sizes[name])} | ${yesNo(shipped.inVsix[name])} |`),
    '',
    `Mermaid in dist/extension.js (markers ${MERMAID_MARKERS.map((m) => `\`${m}\``).join(', ')}): development ${yesNo(development.extensionHasMermaid)}, shipped ${yesNo(shipped.extensionHasMermaid)}; the same markers in the shipped dist/webview.js: ${yesNo(shipped.webviewHasMermaid)}.`,
    '',
    `VSIX (\`scripts/package.mjs --check\`, vsce --no-dependencies): ${kib(vsix.bytes)} KiB, ${vsix.files} files${vsix.failures.length ? `; the package check failed: ${vsix.failures.join('; ')}` : '; the package check passed'}.`,
  ];
  if (composition) {
    const total = composition.bundleBytes;
    // Every package of at least 2%, and our own code whatever its share.
    const shown = composition.parts.filter((p) => p.bytes >= 0.02 * total || p.name.includes('(ours'));
    const rest = composition.parts.filter((p) => !shown.includes(p)).reduce((n, p) => n + p.bytes, 0);
    const size = (bytes) => (bytes < 1024 ? `${bytes} B` : `${kib(bytes)} KiB`);
    const parts = [
      ...shown.map((p) => `${p.name} ${size(p.bytes)} (${((100 * p.bytes) / total).toFixed(0)}%)`),
      ...(rest > 0 ? [`everything else (smaller packages, bundler glue) ${size(rest)}`] : []),
    ];
    const drift = shipped.sizes['extension.js'] !== undefined && Math.abs(total - shipped.sizes['extension.js']) > 0.02 * total;
    lines.push(
      '',
      `The shipped dist/extension.js by source (esbuild metafile of a production build, ${kib(total)} KiB): ${parts.join(', ')}.${drift ? ` This build differs from the shipped file by more than 2%: bench/footprint.mjs no longer mirrors esbuild.mjs.` : ''}`,
    );
  }
  lines.push('');
  return lines;
}
