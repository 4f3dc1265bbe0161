#!/usr/bin/env node
// Grammar tests (`npm run test:grammar`): the TextMate grammars in syntaxes/ against the YAML and
// Markdown grammars they live in, with vscode-tmgrammar-test.
//
//   node test/grammar/run.mjs            run everything
//   node test/grammar/run.mjs --update   also (re)write the snapshot files (review the git diff!)
//   node test/grammar/run.mjs --verbose  print the tools' output for passing runs too
//
// What runs (each line below is counted as one test, the assertion files per asserted line):
//  1. syntaxes/*.tmLanguage.json are what syntaxes/src/build.mjs generates (no stale JSON).
//  2. package.json contributes the languages/grammars of test/grammar/contributes.json.
//  3. Assertion files (vscode-tmgrammar-test), test/grammar/cases/**:
//       yaml/      against VS Code's YAML grammar (>= 1.95) AND the textmate YAML grammar
//                  (Red Hat YAML extension, VS Code <= 1.94): the injection must work with both;
//       mermaid/   the Mermaid grammar (YAML grammar loaded for front matter);
//       markdown/  ```mermaid fences injected into VS Code's Markdown grammar.
//     The xunit report of the tool gives one test per asserted source line.
//  4. Snapshot files (vscode-tmgrammar-snap), test/grammar/snap/**: every token's full scope list.
//     YAML fixtures are snapshotted against both YAML grammars (snap/yaml/*.snap and
//     snap/yaml-textmate/*.snap). A missing snapshot fails unless --update is given.
//  5. Non-interference: every YAML fixture is tokenised with and without the injection; outside
//     the tokens the injection scopes, every character must keep the same (non-meta) scopes.
//
// Base grammars come from test/grammar/base/ (see NOTICE.md there), passed with -g; our grammars
// are wired through a generated --config file built from test/grammar/contributes.json, so the
// injections (`injectTo`) are registered exactly as package.json declares them.
// Exits 1 on any failure; the last line is `N passed, N failed`.

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const args = new Set(process.argv.slice(2));
const update = args.has('--update') || args.has('-u');
const verbose = args.has('--verbose');
for (const a of args) {
  if (!['--update', '-u', '--verbose'].includes(a)) {
    console.error(`unknown argument ${a}\nusage: node test/grammar/run.mjs [--update] [--verbose]`);
    process.exit(2);
  }
}

const require = createRequire(import.meta.url);
let toolPkgJson;
try {
  toolPkgJson = require.resolve('vscode-tmgrammar-test/package.json');
} catch (err) {
  console.error(`vscode-tmgrammar-test is not installed (npm ci): ${err.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const toolPkg = JSON.parse(readFileSync(toolPkgJson, 'utf8'));
const unitBin = path.join(path.dirname(toolPkgJson), toolPkg.bin['vscode-tmgrammar-test']);
const snapBin = path.join(path.dirname(toolPkgJson), toolPkg.bin['vscode-tmgrammar-snap']);
// vscode-textmate / vscode-oniguruma exactly as the tool uses them (for the non-interference check).
const toolRequire = createRequire(toolPkgJson);

const rel = (p) => path.relative(repoRoot, p) || '.';
const abs = (...p) => path.join(here, ...p);
const listFiles = (dir, pred) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter(pred)
        .sort()
        .map((f) => path.join(dir, f))
    : [];

// ---------------------------------------------------------------------------------------------
// Base grammars

const BASES = {
  'yaml-vscode': listFiles(abs('base', 'yaml-vscode'), (f) => f.endsWith('.tmLanguage.json')),
  'yaml-textmate': [abs('base', 'yaml-textmate', 'yaml.tmLanguage.json')],
  'markdown-vscode': [abs('base', 'markdown-vscode', 'markdown.tmLanguage.json')],
};
const BASE_LABEL = {
  'yaml-vscode': "VS Code's YAML grammar (>= 1.95)",
  'yaml-textmate': 'textmate YAML grammar (Red Hat YAML, VS Code <= 1.94)',
  'markdown-vscode': "VS Code's Markdown grammar",
};
const gArgs = (bases) => bases.flatMap((b) => BASES[b].flatMap((f) => ['-g', f]));

// ---------------------------------------------------------------------------------------------
// Suites

const ASSERTION_SUITES = [
  { name: 'yaml', dir: 'cases/yaml', ext: '.test.yaml', bases: ['yaml-vscode'] },
  { name: 'yaml', dir: 'cases/yaml', ext: '.test.yaml', bases: ['yaml-textmate'] },
  { name: 'mermaid', dir: 'cases/mermaid', ext: '.test.mmd', bases: ['yaml-vscode'] },
  { name: 'markdown', dir: 'cases/markdown', ext: '.test.md', bases: ['markdown-vscode', 'yaml-vscode'] },
];

const SNAPSHOT_SUITES = [
  { name: 'yaml', dir: 'snap/yaml', snapDir: 'snap/yaml', ext: '.yaml', scope: 'source.yaml', bases: ['yaml-vscode'] },
  { name: 'yaml', dir: 'snap/yaml', snapDir: 'snap/yaml-textmate', ext: '.yaml', scope: 'source.yaml', bases: ['yaml-textmate'] },
  { name: 'mermaid', dir: 'snap/mermaid', snapDir: 'snap/mermaid', ext: '.mmd', scope: 'source.mermaid.kube-service-lens', bases: ['yaml-vscode'] },
  { name: 'markdown', dir: 'snap/markdown', snapDir: 'snap/markdown', ext: '.md', scope: 'text.html.markdown', bases: ['markdown-vscode', 'yaml-vscode'] },
];

// ---------------------------------------------------------------------------------------------
// Result bookkeeping

let passed = 0;
let failed = 0;
function record(ok, name, details = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  if (details && (!ok || verbose)) console.log(indent(details));
}
const indent = (s) =>
  s
    .replace(/\s+$/, '')
    .split('\n')
    .map((l) => `     ${l}`)
    .join('\n');

// Runs one tool process. A run that takes longer than this is killed and fails (a pathological
// regular expression must fail the suite, not hang CI).
const RUN_TIMEOUT_MS = 120_000;
function run(script, argv) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...argv], {
      cwd: repoRoot,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      out += `\n(killed after ${RUN_TIMEOUT_MS / 1000} s)`;
      child.kill('SIGKILL');
    }, RUN_TIMEOUT_MS);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      // The Markdown grammar embeds dozens of languages we do not load: drop that noise.
      out = out.replace(/^grammar not found for "[^"]*"\n/gm, '');
      resolve({ code: code ?? -1, out });
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: -1, out: String(err) });
    });
  });
}

// A small pool: the machine has few cores and every run loads oniguruma.
async function pool(jobs, width = Math.max(1, Math.min(4, os.availableParallelism?.() ?? 2))) {
  const results = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]();
      }
    }),
  );
  return results;
}

// ---------------------------------------------------------------------------------------------
// 1. Generated grammars are up to date

async function checkGenerated() {
  const build = await import(pathToFileURL(path.join(repoRoot, 'syntaxes', 'src', 'build.mjs')).href);
  for (const { file, grammar } of build.outputs) {
    const target = path.join(repoRoot, 'syntaxes', file);
    const expected = build.render(grammar);
    const actual = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    record(
      actual === expected,
      `generated   syntaxes/${file} matches syntaxes/src`,
      actual === undefined ? 'missing: run `node syntaxes/src/build.mjs`' : 'stale: run `node syntaxes/src/build.mjs`',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// 2. package.json contributes what the tests use

function checkContributes(contributes) {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const problems = [];
  for (const key of ['languages', 'grammars']) {
    const have = pkg.contributes?.[key] ?? [];
    for (const entry of contributes[key]) {
      if (!have.some((h) => isDeepStrictEqual(h, entry))) {
        problems.push(`package.json contributes.${key} lacks ${JSON.stringify(entry)}`);
      }
    }
  }
  for (const g of contributes.grammars) {
    if (!existsSync(path.join(repoRoot, g.path))) problems.push(`missing ${g.path}`);
  }
  for (const l of contributes.languages) {
    if (!l.configuration) continue;
    try {
      JSON.parse(readFileSync(path.join(repoRoot, l.configuration), 'utf8'));
    } catch (err) {
      problems.push(`${l.configuration}: ${err.message}`);
    }
  }
  record(
    problems.length === 0,
    'manifest    package.json contributes test/grammar/contributes.json',
    problems.join('\n') + '\n(copy the entries of test/grammar/contributes.json into package.json "contributes")',
  );
}

// The --config file for vscode-tmgrammar-test: our grammars (paths relative to the config file,
// which the tool joins with the config's folder) with their injectTo/embeddedLanguages.
function writeToolConfig(tmp, contributes) {
  const file = path.join(tmp, 'grammar-test.package.json');
  const grammars = contributes.grammars.map((g) => ({
    ...g,
    path: path.relative(tmp, path.join(repoRoot, g.path)),
  }));
  writeFileSync(file, JSON.stringify({ contributes: { languages: contributes.languages, grammars } }, null, 2));
  return file;
}

// ---------------------------------------------------------------------------------------------
// 3. Assertion files

function parseXunit(xml) {
  const cases = [];
  for (const m of xml.matchAll(/<testcase\s+name="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    cases.push({ name: m[1], ok: !/<(failure|error)\b/.test(m[2] ?? '') });
  }
  return cases;
}

async function assertionSuite(suite, config, tmp) {
  const files = listFiles(abs(suite.dir), (f) => f.endsWith(suite.ext));
  const label = `assert      ${suite.dir}/*${suite.ext} [${suite.bases.map((b) => BASE_LABEL[b] ?? b).join(', ')}]`;
  if (files.length === 0) {
    record(false, label, 'no test files');
    return;
  }
  return files.map((file) => async () => {
    const report = mkdtempSync(path.join(tmp, 'xunit-'));
    const { code, out } = await run(unitBin, ['--config', config, ...gArgs(suite.bases), '--xunit-report', report, file]);
    const cases = readdirSync(report).flatMap((f) => parseXunit(readFileSync(path.join(report, f), 'utf8')));
    return { file, code, out, cases, bases: suite.bases };
  });
}

function reportAssertions(results) {
  let assertedLines = 0;
  for (const { file, code, out, cases, bases } of results) {
    const name = `${rel(file)} [${bases.map((b) => BASE_LABEL[b] ?? b).join(', ')}]`;
    if (cases.length === 0) {
      record(false, `assert      ${name}: no assertions ran (exit ${code})`, out);
      continue;
    }
    const bad = cases.filter((c) => !c.ok);
    assertedLines += cases.length;
    // One test per asserted source line; the tool's own output explains failures.
    passed += cases.length - bad.length;
    failed += bad.length;
    const ok = bad.length === 0 && code === 0;
    if (!ok && bad.length === 0) failed++; // tool failed without a failing case: count it
    console.log(`${ok ? 'ok  ' : 'FAIL'} assert      ${name}: ${cases.length - bad.length}/${cases.length} lines`);
    if (!ok || verbose) console.log(indent(out));
  }
  return assertedLines;
}

// ---------------------------------------------------------------------------------------------
// 4. Snapshots

function snapshotJobs(suite, config, tmp) {
  const sources = listFiles(abs(suite.dir), (f) => f.endsWith(suite.ext));
  const snapDir = abs(suite.snapDir);
  const jobs = sources.map((src) => async () => {
    const base = path.basename(src);
    const stored = path.join(snapDir, `${base}.snap`);
    const name = `snapshot    ${rel(src)} [${suite.bases.map((b) => BASE_LABEL[b] ?? b).join(', ')}] -> ${rel(stored)}`;
    if (!update && !existsSync(stored)) {
      return () => record(false, name, 'no snapshot: run `node test/grammar/run.mjs --update` and review it');
    }
    // The tool keeps `<file>.snap` next to `<file>`; work on a copy so one source can have one
    // snapshot per base grammar.
    const work = mkdtempSync(path.join(tmp, 'snap-'));
    const copy = path.join(work, base);
    copyFileSync(src, copy);
    if (existsSync(stored)) copyFileSync(stored, `${copy}.snap`);
    const { code, out } = await run(snapBin, ['--config', config, ...gArgs(suite.bases), '-s', suite.scope, ...(update ? ['-u'] : []), copy]);
    if (update && code === 0) {
      mkdirSync(snapDir, { recursive: true });
      const before = existsSync(stored) ? readFileSync(stored, 'utf8') : undefined;
      const after = readFileSync(`${copy}.snap`, 'utf8');
      if (before !== after) writeFileSync(stored, after);
      return () => record(true, `${name}${before === after ? '' : ' (updated)'}`, out);
    }
    return () => record(code === 0, name, out.replaceAll(work + path.sep, ''));
  });
  // Snapshots without a source are left-overs of renamed fixtures.
  const orphans = listFiles(snapDir, (f) => f.endsWith('.snap')).filter((s) => !sources.some((src) => path.basename(src) === path.basename(s, '.snap')));
  for (const o of orphans) {
    jobs.push(async () => {
      if (update) {
        rmSync(o);
        return () => record(true, `snapshot    removed orphan ${rel(o)}`);
      }
      return () => record(false, `snapshot    orphan ${rel(o)} (no source; --update removes it)`);
    });
  }
  return jobs;
}

// ---------------------------------------------------------------------------------------------
// 5. Non-interference of the YAML injection

async function makeRegistry(grammarFiles, injections) {
  const tm = toolRequire('vscode-textmate');
  const onig = toolRequire('vscode-oniguruma');
  const wasm = readFileSync(toolRequire.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  const index = {};
  for (const f of grammarFiles) {
    const raw = tm.parseRawGrammar(readFileSync(f, 'utf8'), f);
    index[raw.scopeName] = raw;
  }
  return new tm.Registry({
    onigLib: onig.loadWASM(wasm).then(() => ({
      createOnigScanner: (p) => new onig.OnigScanner(p),
      createOnigString: (s) => new onig.OnigString(s),
    })),
    loadGrammar: async (scope) => index[scope] ?? null,
    getInjections: (scope) => injections[scope] ?? [],
  });
}

// Per character: the scope list of the token covering it.
async function charScopes(registry, text) {
  const tm = toolRequire('vscode-textmate');
  const grammar = await registry.loadGrammar('source.yaml');
  let stack = tm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    const chars = [];
    for (const t of r.tokens) for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) chars[i] = t.scopes;
    return { line, chars };
  });
}

async function nonInterference(contributes) {
  const injection = contributes.grammars.find((g) => g.injectTo?.includes('source.yaml'));
  const fixtures = [...listFiles(abs('snap', 'yaml'), (f) => f.endsWith('.yaml')), ...listFiles(abs('cases', 'yaml'), (f) => f.endsWith('.test.yaml'))];
  const ours = (s) => s.endsWith('.kubernetes');
  const plain = (scopes) => scopes.filter((s) => !s.startsWith('meta.')).join(' ');
  for (const base of ['yaml-vscode', 'yaml-textmate']) {
    const without = await makeRegistry(BASES[base], {});
    const withInj = await makeRegistry([...BASES[base], path.join(repoRoot, injection.path)], {
      'source.yaml': [injection.scopeName],
    });
    for (const file of fixtures) {
      // Assertion lines of the test files are not part of the YAML the tool tokenises.
      const text = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => !/^#\s*(?:\^|<~*-+)/.test(l))
        .join('\n');
      const a = await charScopes(without, text);
      const b = await charScopes(withInj, text);
      const diffs = [];
      let scoped = 0;
      for (let n = 0; n < a.length; n++) {
        for (let i = 0; i < a[n].line.length; i++) {
          const sb = b[n].chars[i] ?? [];
          if (sb.some(ours)) {
            scoped++;
            continue;
          }
          // White space has no visible colour; around a value we consume, the base grammars put
          // it in slightly different rules (e.g. trailing blanks inside the plain scalar).
          if (/\s/.test(a[n].line[i])) continue;
          const pa = plain(a[n].chars[i] ?? []);
          const pb = plain(sb);
          if (pa !== pb && diffs.length < 5) diffs.push(`${n + 1}:${i + 1} ${JSON.stringify(a[n].line)}\n  without: ${pa}\n  with:    ${pb}`);
        }
      }
      record(
        diffs.length === 0,
        `unchanged   ${rel(file)} [${BASE_LABEL[base]}]: outside the ${scoped} characters we scope, YAML keeps its scopes`,
        diffs.join('\n'),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const t0 = Date.now();
  const contributes = JSON.parse(readFileSync(abs('contributes.json'), 'utf8'));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ksl-grammar-'));
  try {
    await checkGenerated();
    checkContributes(contributes);
    const config = writeToolConfig(tmp, contributes);

    const assertionJobs = [];
    for (const suite of ASSERTION_SUITES) assertionJobs.push(...((await assertionSuite(suite, config, tmp)) ?? []));
    const snapJobs = SNAPSHOT_SUITES.flatMap((s) => snapshotJobs(s, config, tmp));
    const results = await pool([...assertionJobs, ...snapJobs]);
    const assertionResults = results.slice(0, assertionJobs.length);
    const snapReporters = results.slice(assertionJobs.length);
    const assertedLines = reportAssertions(assertionResults);
    for (const report of snapReporters) report();
    await nonInterference(contributes);
    console.log(`(${assertedLines} asserted lines in ${assertionResults.length} assertion runs; ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failed++;
    console.error(`ERROR ${err?.stack ?? err}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main();
