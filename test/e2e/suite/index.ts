// Entry of the end-to-end suite, loaded inside a running VS Code extension host by either launcher:
// - test/e2e/launch-code-server.mjs (offline, code-server + Chromium): its driver extension calls
//   run() and writes `results` to a JSON file;
// - test/e2e/run-electron.ts (@vscode/test-electron): VS Code calls run() and only looks at
//   whether the promise rejects.
// Runs every compiled `*.test.js` next to this file with Mocha's TDD interface (suite/test).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface TestResult {
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  /** Epoch ms when the test started; the launcher reports "launch -> first test" from it. */
  startedAt: number;
  durationMs?: number;
  error?: { message: string; stack?: string };
}

/** Filled while run() executes; read by the code-server driver after run() settles. */
export const results: TestResult[] = [];

export function run(): Promise<void> {
  return runSuiteIn(__dirname);
}

/** Runs every `*.test.js` of `dir`; another suite folder (`pair/`) reuses this runner and `results`. */
export function runSuiteIn(dir: string): Promise<void> {
  results.length = 0;
  // Generous per-test budget: the first test also pays for the language server's start-up.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000 });
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${dir}`));
  for (const f of files) mocha.addFile(path.join(dir, f));

  return new Promise((resolve, reject) => {
    const started = new Map<Mocha.Runnable, number>();
    const record = (t: Mocha.Runnable, state: TestResult['state'], err?: Error) => {
      const startedAt = started.get(t) ?? Date.now();
      results.push({
        // A failing hook (suiteSetup etc.) is reported under the hook's title, e.g. '"before all" hook'.
        title: t.title,
        fullTitle: t.fullTitle(),
        state,
        startedAt,
        durationMs: t.duration ?? Date.now() - startedAt,
        error: err ? { message: String(err.message ?? err), stack: err.stack } : undefined,
      });
    };
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err); // e.g. a test file that throws while loading
      return;
    }
    runner.on('test', (t) => started.set(t, Date.now()));
    runner.on('hook', (h) => started.set(h, Date.now()));
    runner.on('pass', (t) => record(t, 'passed'));
    runner.on('fail', (t, err) => record(t, 'failed', err));
    runner.on('pending', (t) => record(t, 'pending'));
    // Keep a readable trace in the extension host log / test-electron's stdout as well.
    runner.on('test end', (t) => console.log(`[e2e] ${t.state ?? 'pending'}: ${t.fullTitle()}`));
  });
}
