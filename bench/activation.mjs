// Activation cost of the shipped extension, in three parts, each the median over fresh Node processes:
// (a) require(extension.js) + activate() against a `vscode` stub, until the language client spawns the server;
// (b) spawning the server until its initialize answer; (c) spawning it until the first diagnostics of a small file.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { BenchClient } from './lsp-client.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

function measureExtensionHost(extensionJs, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const result = JSON.parse(execFileSync(process.execPath, [path.join(here, 'activation-probe.cjs'), extensionJs], { encoding: 'utf8' }));
    if (result.error) return { error: result.error };
    samples.push(result);
  }
  return {
    require: spread(samples.map((s) => s.requireMs)),
    activate: spread(samples.map((s) => s.activateMs)),
    total: spread(samples.map((s) => s.requireMs + s.activateMs)),
    // 'spawn': activate starts the language client (and in VS Code waits for it); 'return': it returned first.
    endedAt: samples[0].endedAt,
  };
}

async function measureServerStart(serverJs, text, runs) {
  const uri = pathToFileURL(path.join(tmpdir(), 'bench-activation.yaml')).href;
  const initialize = [];
  const firstDiagnostics = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const client = new BenchClient(process.execPath, [serverJs, '--stdio']);
    await client.initialize([]);
    initialize.push(client.initializeAnsweredAt - started);
    const published = client.waitForDiagnostics((p) => p.uri === uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await published;
    firstDiagnostics.push(performance.now() - started);
    await client.stop();
  }
  return { initialize: spread(initialize), firstDiagnostics: spread(firstDiagnostics) };
}

/** `extensionDir` holds dist/extension.js and dist/server.js (the unpacked VSIX); `text` is the small file for (c). */
export async function measureActivation({ extensionDir, text, runs = 5 }) {
  const extensionHost = measureExtensionHost(path.join(extensionDir, 'dist', 'extension.js'), runs);
  const server = await measureServerStart(path.join(extensionDir, 'dist', 'server.js'), text, runs);
  return { runs, extensionHost, server };
}

const ms = (n) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const row = (label, s) => `| ${label} | ${ms(s.median)} | ${ms(s.min)}–${ms(s.max)} |`;

export function activationSection({ runs, extensionHost: host, server }, docs) {
  const lines = [
    '## Activation',
    '',
    `The shipped bundles from the VSIX, in ms, median (and range) of ${runs} fresh Node processes each. (a) runs in a plain Node process with a stub \`vscode\` module (bench/vscode-stub.cjs, only what activate touches): Node's own start-up is excluded, as the extension host is already running. vscode-languageclient is bundled into extension.js, so its start() cannot be stubbed from outside; instead the stub \`child_process\` throws when the client forks the server, and the clock stops there.`,
    '',
    '| part | median | range |',
    '|---|---|---|',
  ];
  if (host.error) lines.push(`| (a) extension host | ${host.error} | |`);
  else {
    const until = host.endedAt === 'spawn' ? 'until the language client forks the server' : 'until it returns';
    lines.push(row('(a) `require(dist/extension.js)`', host.require), row(`(a) \`activate()\` ${until}`, host.activate), row('(a) together', host.total));
  }
  lines.push(
    row('(b) spawn `node dist/server.js --stdio` → initialize answered', server.initialize),
    row(`(c) spawn → initialize → initialized → didOpen of ${docs} documents → first publishDiagnostics`, server.firstDiagnostics),
  );
  if (!host.error && host.endedAt === 'spawn') {
    lines.push(
      '',
      "activate() awaits the language client's start(), which in VS Code resolves only once the server has answered initialize: the activation time VS Code shows is roughly (a) + (b), plus the extension host's own work (VS Code forks the server with the IPC transport where (b) uses stdio; the server starts the same way).",
    );
  }
  lines.push('');
  return lines;
}
