#!/usr/bin/env node
// `npm run bench`: our server vs yaml-language-server vs the raw `yaml` parse, over stdio as an editor
// drives them. Writes bench/results.md. Figures are ratios measured in one run on one machine.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { BenchClient } from './lsp-client.mjs';
import { generateManifest, interestingOffsets } from './generate.mjs';
import { ensureYamlLanguageServer } from './peers.mjs';
import { measureBurst, burstSection } from './burst.mjs';
import { buildVsix } from './vsix.mjs';
import { developmentBundles, shippedBundles, extensionComposition, footprintSection } from './footprint.mjs';
import { measureActivation, activationSection } from './activation.mjs';
import { measureCoreInChild, coreSection } from './core.mjs';
import { measureHelm, helmSection } from './helm.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const SERVER = path.join(root, 'dist', 'server.js');
const ARGO = path.join(root, 'test', 'corpus', 'real-world', 'argoproj__argo-cd__manifests_install.yaml');
const quick = process.argv.includes('--quick');
const skipPeer = process.argv.includes('--no-peer');
// `--no-activation` skips the footprint and activation sections (building the VSIX takes a while).
const skipActivation = process.argv.includes('--no-activation');
// `--sizes=10000` measures only the given document counts (e.g. the navigation figures on the largest file).
const sizesArg = process.argv.find((arg) => arg.startsWith('--sizes='));
const SIZES = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : quick ? [10, 1000] : [10, 100, 1000, 10000];
// `--requests=completion,definition` measures only those requests.
const requestsArg = process.argv.find((arg) => arg.startsWith('--requests='));
const REQUESTS = requestsArg ? new Set(requestsArg.slice('--requests='.length).split(',')) : undefined;
const EDITS = 7;
// A typist's pace: each timed edit waits this long after the previous one's diagnostics, so "edit" is keystroke →
// diagnostics with the server idle in between, not a throughput figure.
const TYPING_PAUSE_MS = 120;
const ACTIVATION_DOCS = 10;
const OPEN_QUIET_MS = 1000;
const PROBES = quick ? 50 : 300;

const ms = (n) => (n === undefined ? 'n/a' : n < 10 ? n.toFixed(2) : n.toFixed(0));
const mb = (n) => (n === undefined ? 'n/a' : (n / 1024 / 1024).toFixed(0));
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? 'n/a' : `${(a / b).toFixed(a / b < 0.1 ? 3 : 2)}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

function positionAt(text, offset) {
  let line = 0;
  let last = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i + 1;
  }
  return { line, character: offset - last };
}

/** A one-character edit in the middle of the file that keeps it valid: a letter appended to a name. */
function middleEdit(text, round) {
  const re = /^  name: ([^\n]*)$/gm;
  re.lastIndex = Math.floor(text.length / 2);
  const match = re.exec(text) ?? re.exec(text.slice(0));
  const offset = match ? match.index + match[0].length : Math.floor(text.length / 2);
  const position = positionAt(text, offset);
  const insert = String.fromCharCode(97 + (round % 26));
  return { range: { start: position, end: position }, text: insert, newText: text.slice(0, offset) + insert + text.slice(offset) };
}

/** Offsets for navigation probes: named targetPorts and selector labels (definition), container ports (references). */
function navigationOffsets(text) {
  const after = (re) => [...text.matchAll(re)].map((m) => m.index + m[0].length);
  return {
    definition: [...after(/targetPort: (?=[a-z])/g), ...after(/\n {2}selector:\n {4}(?=\S)/g)].sort((x, y) => x - y),
    references: after(/containerPort: /g),
  };
}

/** Up to `count` positions spread evenly over `offsets`. */
function spread(text, offsets, count) {
  const n = Math.min(count, offsets.length);
  return Array.from({ length: n }, (_, i) => positionAt(text, offsets[Math.floor((i * offsets.length) / n)]));
}

/**
 * The parsing floor as a server meets it: the first `parseAllDocuments` of the text in a fresh process
 * (cold JIT), median of three processes. A warm in-process figure would flatter the floor.
 */
function floorParse(text) {
  const file = path.join(tmpdir(), `ksl-floor-${process.pid}.yaml`);
  writeFileSync(file, text);
  const script = `const t=performance.now();require(${JSON.stringify(require.resolve('yaml'))}).parseAllDocuments(require('fs').readFileSync(${JSON.stringify(file)},'utf8'));process.stdout.write(String(performance.now()-t))`;
  const times = [0, 1, 2].map(() => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  rmSync(file);
  return median(times);
}

async function measureServer(kind, command, args, text, uri, configuration) {
  const client = new BenchClient(command, args, { configuration });
  await client.initialize([]);
  if (kind === 'yls') await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: configuration });
  await new Promise((r) => setTimeout(r, 300));
  const idleRss = client.currentRss();
  const result = { kind };
  let t = performance.now();
  // A server may publish more than once for the opened version (ours sends the first screen's own findings while the
  // rest is still parsed): "first" is the first publish, "open" the last one once the server has settled, i.e. the
  // complete diagnostics.
  const openPublishes = [];
  const stopListening = client.onDiagnostics((p) => p.uri === uri && openPublishes.push(performance.now()));
  let published = client.waitForDiagnostics((p) => p.uri === uri);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await published;
  // Settled: no publish for OPEN_QUIET_MS and the server idle (under 3 ticks of CPU in the last 300 ms), so a long
  // silent parse after a first publish is not mistaken for the end.
  const ticks = [];
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    ticks.push(client.cpuTicks());
    const idle = ticks.length >= 4 && ticks.at(-1) - ticks.at(-4) < 3;
    if (idle && performance.now() - openPublishes.at(-1) >= OPEN_QUIET_MS) break;
  }
  stopListening();
  result.openFirst = openPublishes[0] - t;
  result.open = openPublishes.at(-1) - t;
  result.rssAfterOpen = client.currentRss() - idleRss;

  const edits = [];
  let current = text;
  for (let round = 0; round < EDITS; round++) {
    const version = round + 2;
    const edit = middleEdit(current, round);
    await new Promise((r) => setTimeout(r, TYPING_PAUSE_MS));
    published = client.waitForDiagnostics((p) => p.uri === uri && (p.version === undefined || p.version === version));
    t = performance.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: edit.range, text: edit.text }],
    });
    await published;
    edits.push(performance.now() - t);
    current = edit.newText;
  }
  result.edit = median(edits.slice(1));
  if (kind === 'ours') {
    result.burst = await measureBurst(client, uri, current, EDITS + 1, (text, i) => middleEdit(text, EDITS + i));
    current = result.burst.text;
    delete result.burst.text;
  }

  const offsets = interestingOffsets(current);
  const probes = spread(current, offsets, PROBES);
  const nav = navigationOffsets(current);
  const textDocument = { uri };
  // Completion at the same value positions as hovers (port, targetPort, nodePort, type); the navigation requests
  // are ours only: yaml-language-server has no cross-resource definition, references or inlay hints to compare.
  const requests = [
    ['hover', 'textDocument/hover', probes, (position) => ({ textDocument, position }), 'hoverProvider'],
    [
      'codeAction',
      'textDocument/codeAction',
      probes,
      (position) => ({ textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }),
      'codeActionProvider',
    ],
    ['completion', 'textDocument/completion', probes, (position) => ({ textDocument, position }), 'completionProvider'],
  ];
  if (kind === 'ours') {
    requests.push(
      ['definition', 'textDocument/definition', spread(current, nav.definition, PROBES), (position) => ({ textDocument, position }), 'definitionProvider'],
      [
        'references',
        'textDocument/references',
        spread(current, nav.references, PROBES),
        (position) => ({ textDocument, position, context: { includeDeclaration: true } }),
        'referencesProvider',
      ],
      // One screen (60 lines) from each probe, as an editor asks for the visible range.
      [
        'inlay',
        'textDocument/inlayHint',
        probes,
        (position) => ({ textDocument, range: { start: position, end: { line: position.line + 60, character: 0 } } }),
        'inlayHintProvider',
      ],
      ['symbols', 'textDocument/documentSymbol', probes.slice(0, 20), () => ({ textDocument }), 'documentSymbolProvider'],
    );
  }
  for (const [name, method, positions, params, capability] of requests) {
    if (!client.capabilities[capability] || positions.length === 0 || (REQUESTS && !REQUESTS.has(name))) continue;
    const times = [];
    for (const position of positions) {
      t = performance.now();
      await client.connection.sendRequest(method, params(position));
      times.push(performance.now() - t);
    }
    result[`${name}P50`] = percentile(times, 50);
    result[`${name}P99`] = percentile(times, 99);
  }
  result.peakRss = client.peakRss();
  await client.stop();
  return result;
}

async function measureIndexing(files) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-index-'));
  const pair = generateManifest(2);
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, `team-${i % 50}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `app-${i}.yaml`), pair.replaceAll('app-0', `app-${i}`));
  }
  const client = new BenchClient(process.execPath, [SERVER, '--stdio']);
  const t = performance.now();
  const done = new Promise((resolve) => {
    const timer = setInterval(() => {
      if (client.logs.some((m) => /^Indexed \d+ YAML files/.test(m))) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  await client.initialize([{ uri: pathToFileURL(dir).href, name: 'bench' }]);
  await done;
  const elapsed = performance.now() - t;
  const peak = client.peakRss();
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
  return { elapsed, peak };
}

/** Footprint and activation of the shipped VSIX; first, as building it rebuilds dist/ (see vsix.mjs). */
async function measureShipped() {
  const development = developmentBundles(root);
  console.log('building the VSIX (scripts/package.mjs --check) ...');
  const vsix = buildVsix(root);
  try {
    const shipped = shippedBundles(vsix);
    const composition = await extensionComposition(root);
    const activation = await measureActivation({ extensionDir: vsix.extensionDir, text: generateManifest(ACTIVATION_DOCS) });
    console.log(
      '  activation',
      JSON.stringify(activation, (k, v) => (typeof v === 'number' ? Number(v.toFixed(2)) : v)),
    );
    return [...activationSection(activation, ACTIVATION_DOCS), ...footprintSection({ development, shipped, vsix, composition })];
  } finally {
    vsix.cleanup();
  }
}

/** Bytes per document at each generated size, and how far bytes/doc drifts between the sizes of ≥ 1,000 documents. */
function memoryGrowthLine(rows) {
  const generated = rows
    .filter(({ input }) => input.label.startsWith('generated'))
    .map(({ input, ours }) => ({ docs: input.docs, perDoc: ours.rssAfterOpen / input.docs }));
  const figures = generated
    .map(({ docs, perDoc }) => `${docs.toLocaleString('en-US')} documents ${Math.round(perDoc).toLocaleString('en-US')} B/doc`)
    .join(', ');
  const large = generated.filter(({ docs }) => docs >= 1000).sort((a, b) => a.docs - b.docs);
  const drift =
    large.length >= 2
      ? `bytes/doc at ${large.at(-1).docs.toLocaleString('en-US')} documents is ${(large.at(-1).perDoc / large[0].perDoc).toFixed(2)}× that at ${large[0].docs.toLocaleString('en-US')} (1.00 would be exactly linear growth)`
      : 'fewer than two sizes of ≥ 1,000 documents were measured, so no ratio';
  return `Memory growth (ours, RSS after open minus idle RSS, generated inputs): ${figures}; ${drift}.`;
}

async function main() {
  console.log('core in-process (bench/core.mjs) ...');
  const core = measureCoreInChild();
  console.log(coreSection(core).join('\n'));
  console.log('helm: save of a values file → diagnostics (bench/helm.mjs) ...');
  const helm = await measureHelm();
  console.log(helmSection(helm).join('\n'));
  const shippedLines = skipActivation ? [] : await measureShipped();
  const yls = skipPeer ? undefined : ensureYamlLanguageServer(path.join(root, '.cache', 'bench'));
  const schemaUri = pathToFileURL(path.join(here, 'service.schema.json')).href;
  const ylsConfig = {
    yaml: {
      validate: true,
      hover: true,
      completion: true,
      format: { enable: false },
      schemaStore: { enable: false },
      schemas: { [schemaUri]: '*.yaml' },
      maxItemsComputed: 5000,
    },
  };
  const inputs = SIZES.map((n) => ({ label: `generated ${n}`, docs: n, text: generateManifest(n) }));
  inputs.push({ label: 'argo-cd install.yaml', docs: 59, text: readFileSync(ARGO, 'utf8') });

  const rows = [];
  for (const input of inputs) {
    const uri = pathToFileURL(path.join(tmpdir(), `bench-${input.docs}.yaml`)).href;
    const floor = floorParse(input.text);
    console.log(`${input.label}: ${(input.text.length / 1024).toFixed(0)} KiB, parse floor ${ms(floor)} ms`);
    const ours = await measureServer('ours', process.execPath, [SERVER, '--stdio'], input.text, uri, {});
    console.log(
      '  ours',
      JSON.stringify(ours, (k, v) => (typeof v === 'number' ? Number(v.toFixed(2)) : v)),
    );
    const peer = yls ? await measureServer('yls', process.execPath, [yls, '--stdio'], input.text, uri, ylsConfig) : undefined;
    if (peer)
      console.log(
        '  yls ',
        JSON.stringify(peer, (k, v) => (typeof v === 'number' ? Number(v.toFixed(2)) : v)),
      );
    rows.push({ input, floor, ours, peer });
  }
  const indexing = await measureIndexing(quick ? 500 : 5000);
  console.log(`indexing ${quick ? 500 : 5000} files: ${ms(indexing.elapsed)} ms, peak RSS ${mb(indexing.peak)} MB`);

  const lines = [
    '# Benchmark results',
    '',
    `Run: ${new Date().toISOString()}, Node ${process.version}, ${process.platform} ${process.arch}. Times in ms (edit: one-character edits, each sent ${TYPING_PAUSE_MS} ms after the previous edit's diagnostics arrived, as a person types, for both servers; median of the last ${EDITS - 1} of ${EDITS}; hover/code action over up to ${PROBES} positions), memory in MB. "peer" is yaml-language-server ${yls ? '2.0.0 with validation on and a strict Service JSON schema (bench/service.schema.json)' : '(not run)'}; "floor" is the first \`yaml.parseAllDocuments\` of the same text in a fresh Node process (median of 3).`,
    '',
    '| input | size KiB | floor parse | open ours: first / complete | open peer | open ours/peer (complete) | open ours/floor: first / complete | edit ours | edit peer | edit ours/peer | hover p50/p99 | code action p50/p99 | peak RSS ours | peak RSS peer | RSS ours/peer | RSS bytes/doc |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { input, floor, ours, peer } of rows) {
    lines.push(
      `| ${input.label} | ${(input.text.length / 1024).toFixed(0)} | ${ms(floor)} | ${ms(ours.openFirst)} / ${ms(ours.open)} | ${ms(peer?.open)} | ${ratio(ours.open, peer?.open)} | ${ratio(ours.openFirst, floor)} / ${ratio(ours.open, floor)} | ${ms(ours.edit)} | ${ms(peer?.edit)} | ${ratio(ours.edit, peer?.edit)} | ${ms(ours.hoverP50)}/${ms(ours.hoverP99)} | ${ms(ours.codeActionP50)}/${ms(ours.codeActionP99)} | ${mb(ours.peakRss)} | ${mb(peer?.peakRss)} | ${ratio(ours.peakRss, peer?.peakRss)} | ${(ours.rssAfterOpen / input.docs).toFixed(0)} |`,
    );
  }
  lines.push('', memoryGrowthLine(rows), '', ...burstSection(rows));
  lines.push(
    '## Completion and navigation (ours)',
    '',
    `Latency in ms, p50/p99 over up to ${PROBES} positions per request after the edits above: completion at the same value positions as hovers, definition on named targetPorts and selector labels, references on container ports (declaration included), inlay hints for 60 lines from each position, the document outline 20 times. "peer" completion is yaml-language-server's schema completion at the same positions.`,
    '',
    '| input | completion ours | completion peer | definition | references | inlay hints | document symbols |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(({ input, ours, peer }) => {
      const pair = (r, name) => (r?.[`${name}P50`] === undefined ? 'n/a' : `${ms(r[`${name}P50`])}/${ms(r[`${name}P99`])}`);
      return `| ${input.label} | ${pair(ours, 'completion')} | ${pair(peer, 'completion')} | ${pair(ours, 'definition')} | ${pair(ours, 'references')} | ${pair(ours, 'inlay')} | ${pair(ours, 'symbols')} |`;
    }),
  );
  lines.push(
    '',
    `Workspace indexing of ${quick ? 500 : 5000} files (a Service and a Deployment each) in one folder tree: ${ms(indexing.elapsed)} ms from initialize to "indexed", peak RSS ${mb(indexing.peak)} MB.`,
    '',
    ...shippedLines,
    '',
    ...coreSection(core),
    ...helmSection(helm),
  );
  writeFileSync(path.join(here, 'results.md'), lines.join('\n'));
  console.log(lines.join('\n'));
  const missed = core.filter((figure) => !figure.met);
  if (missed.length > 0) {
    console.error(`\n${missed.length} core target(s) missed: ${missed.map((figure) => figure.what).join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
