import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { formatStats, runServerCampaign } from '../fuzz/campaign';
import { bigBundle } from '../fuzz/hostile';
import { ServerFuzzer } from '../fuzz/serverCheck';
import { fileUri, LspTestClient, REPO_ROOT, SERVER_JS, withTimeout } from '../helpers/lspClient';

const FIXTURE_DIRS = ['regressions', 'hostile'].map((dir) => path.join(REPO_ROOT, 'test', 'fixtures', dir));

test('fuzz over stdio (short, fixed seed): the server answers every request in bounded time and stays alive', async () => {
  const { stats, failure } = await runServerCampaign({ seed: 20240611, runs: 120, seconds: 10, slack: 3 });
  console.log(formatStats('server fuzz', stats));
  assert.equal(failure, undefined, failure?.report);
  assert.ok(stats.inputs >= 30, `only ${stats.inputs} inputs ran`);
});

test('every regression and hostile fixture: diagnostics, hovers, code actions and lenses answered in bounded time, valid', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  // One document edited from fixture to fixture, with every fuzz invariant checked at its start, middle and end.
  const fuzzer = new ServerFuzzer(client, await client.initialize(), 3);
  for (const dir of FIXTURE_DIRS) {
    for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      await fuzzer.check({ source: name, text, probes: [0, Math.floor(text.length / 2), text.length] });
    }
  }
});

test('a burst of 100 edits is analysed once for its last version, not 100 times', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  await client.initialize();
  const uri = 'file:///virtual/burst.yaml';
  const base = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: burst\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30000\n';
  client.open(uri, base, 1);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const published: number[] = [];
  const last = client.waitForDiagnostics(uri, (p) => {
    if (p.version !== 1) published.push(p.version as number);
    return p.version === 101;
  });
  // Typing "30000" → "30001" ... one keystroke per notification, all sent before the server reads any of them.
  for (let version = 2; version <= 101; version++) {
    client.change(uri, version, [{ range: { start: { line: 8, character: 16 }, end: { line: 8, character: 21 } }, text: String(30000 + version - 1) }]);
  }
  const final = await last;
  assert.deepEqual(
    final.diagnostics.filter((d) => d.code === 'nodeport-out-of-range'),
    [],
  );
  // Anything analysed in between is wasted work the user never sees; at most the first edit of the burst may be.
  const intermediate = new Set(published.filter((v) => v !== 101));
  assert.ok(intermediate.size <= 1, `intermediate versions analysed: ${[...intermediate].join(', ')}`);
});

test('requests cancelled while they wait behind slow work are answered at once, without running', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  await client.initialize();
  const uri = 'file:///virtual/slow.yaml';
  // Opening a few MB keeps the server busy long enough for every request below to arrive while it waits.
  client.open(uri, bigBundle(4 * 1024 * 1024));
  const pending = Array.from({ length: 20 }, (_, i) => {
    const source = new CancellationTokenSource();
    const request = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 7 + i, character: 2 } }, source.token);
    source.cancel();
    return request.then(
      () => 'answered',
      (error: unknown) => (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled ? 'cancelled' : `failed: ${String(error)}`),
    );
  });
  const outcomes = await withTimeout(Promise.all(pending), 30_000);
  // A hover read in one chunk of stdin and its cancellation in the next may start before the cancellation is seen.
  assert.ok(outcomes.filter((o) => o === 'cancelled').length >= 15, outcomes.join(', '));
  // The server is not stuck: a request that is not cancelled is answered normally.
  await withTimeout(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 25, character: 5 } }), 30_000);
});

test('a hostile .kube-service-lens.yaml in the workspace: the server still starts, applies editor settings and says what is wrong', async (t) => {
  for (const name of readdirSync(path.join(FIXTURE_DIRS[0], 'project-config'))) {
    const folder = mkdtempSync(path.join(tmpdir(), 'ksl-config-'));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    copyFileSync(path.join(FIXTURE_DIRS[0], 'project-config', name), path.join(folder, '.kube-service-lens.yaml'));
    const client = new LspTestClient({ workspaceFolders: [folder], configuration: { kubeServiceLens: { nodePortRange: '1-100' } } });
    const messages: string[] = [];
    client.connection.onNotification('window/showMessage', (params: { message: string }) => void messages.push(params.message));
    const failures: string[] = [];
    client.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === 1) failures.push(params.message);
    });
    await client.initialize();
    const uri = fileUri(path.join(folder, 'web.yaml'));
    client.open(
      uri,
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n    - port: 80\n      nodePort: 90\n',
    );
    // The editor's range 1-100 applies (the default range would reject 90): settings were read despite the file.
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 15_000);
    assert.deepEqual(published.diagnostics, [], name);
    assert.ok(
      messages.some((m) => m.includes('.kube-service-lens.yaml: not valid YAML')),
      `${name}: ${messages.join('; ')}`,
    );
    assert.deepEqual(failures, [], name);
    await client.shutdown();
  }
});

/** Peak resident memory of a process (Linux); undefined where /proc is not available. */
function peakRss(pid: number): number | undefined {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return undefined;
  const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(status, 'utf8'))?.[1];
  return kb === undefined ? undefined : Number(kb) * 1024;
}

test('a 50 MB file: analysed up to maxFileSize, one Information notice, memory bounded by a multiple of the size', async (t) => {
  const client = new LspTestClient();
  t.after(() => client.shutdown());
  await client.initialize();
  const uri = 'file:///virtual/bundle.yaml';
  const text = bigBundle(50 * 1024 * 1024);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const before = peakRss(client.pid as number);
  client.open(uri, text);
  const published = await client.waitForDiagnostics(uri, () => true, 120_000);
  const notices = published.diagnostics.filter((d) => d.code === 'file-too-large');
  assert.equal(notices.length, 1);
  assert.equal(notices[0].severity, 3);
  assert.equal(notices[0].range.start.line, 0);
  assert.match(
    String(notices[0].message),
    /^This file \(50 MB\) is larger than kubeServiceLens\.maxFileSize \(5 MB\): only lines 1-\d+ \(the first \d+ documents\) were checked\.\nRaise kubeServiceLens\.maxFileSize/,
  );
  const checkedUpTo = Number(/lines 1-(\d+)/.exec(String(notices[0].message))?.[1]);
  // The first document is checked as usual; nothing is reported past the limit.
  assert.ok(published.diagnostics.some((d) => d.code === 'nodeport-out-of-range'));
  assert.ok(published.diagnostics.every((d) => d.range.start.line < checkedUpTo));
  const after = peakRss(client.pid as number);
  if (before !== undefined && after !== undefined) {
    const ratio = (after - before) / text.length;
    console.log(`50 MB file: peak RSS ${(before / 2 ** 20).toFixed(0)} → ${(after / 2 ** 20).toFixed(0)} MB (${ratio.toFixed(1)} × the file size)`);
    // Receiving the text costs ~3-4× (the message buffer, the decoded JSON, the document); parsing all of it would add far more.
    assert.ok(ratio < 8, `peak RSS grew by ${ratio.toFixed(1)} × the file size`);
  }
  const hover = await withTimeout(
    client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: checkedUpTo + 100, character: 2 } }),
    30_000,
  );
  assert.equal(hover, null);
  client.close(uri);
  assert.equal(client.exited, false);
});

test('a killed server is noticed at once, and a new one re-checks the open document the same way', async (t) => {
  const uri = 'file:///virtual/killed.yaml';
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 80\n';
  const first = new LspTestClient();
  await first.initialize();
  first.open(uri, text);
  const before = await first.waitForDiagnostics(uri);
  process.kill(first.pid as number, 'SIGKILL');
  const started = Date.now();
  while (!first.exited && Date.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(first.exited, true);
  first.connection.dispose();

  // What the VS Code client does on a crash: start a server and re-send the open documents.
  const second = new LspTestClient();
  t.after(() => second.shutdown());
  await second.initialize();
  second.open(uri, text);
  const after = await second.waitForDiagnostics(uri);
  assert.deepEqual(after.diagnostics, before.diagnostics);
});

/** A raw server process, without any LSP client library: for how it behaves when its client vanishes. */
function rawServer() {
  const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const send = (message: object) => {
    const json = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
  };
  return { child, exited, send };
}

test('the server exits by itself when its client goes away: stdin closed, or the client process dies', async () => {
  const orphan = rawServer();
  orphan.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  orphan.child.stdin.end();
  assert.equal(await withTimeout(orphan.exited, 10_000), 1, 'no shutdown was requested, so the exit code says so');

  // The editor process (initialize.processId) dies without closing the pipe: the server's watchdog notices.
  const editor = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  const watched = rawServer();
  watched.send({ id: 1, method: 'initialize', params: { processId: editor.pid, rootUri: null, capabilities: {} } });
  await new Promise((resolve) => setTimeout(resolve, 500));
  editor.kill('SIGKILL');
  const code = await withTimeout(watched.exited, 15_000).catch((error) => {
    watched.child.kill('SIGKILL');
    throw error;
  });
  assert.notEqual(code, null);
});
