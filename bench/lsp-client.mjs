// A minimal LSP client for any stdio server, measuring what an editor user waits for.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver/node');

export class BenchClient {
  constructor(command, args, { configuration = {}, onLog } = {}) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    // KSL_BENCH_STDERR=1 shows the server's stderr (crashes, traces) while measuring.
    this.child.stderr.on('data', (d) => process.env.KSL_BENCH_STDERR && process.stderr.write(d));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.waiters = [];
    this.diagnosticListeners = new Set();
    this.logs = [];
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      for (const listener of this.diagnosticListeners) listener(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.test(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (params) => {
      this.logs.push(params.message);
      onLog?.(params.message);
    });
    this.connection.onRequest('workspace/configuration', (params) => params.items.map((item) => configuration[item.section] ?? null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('$/progress', (params) => {
      if (params.value?.kind === 'end') this.progressEnded = (this.progressEnded ?? 0) + 1;
    });
    this.connection.listen();
  }

  async initialize(workspaceFolders = [], initializationOptions) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: workspaceFolders[0]?.uri ?? null,
      workspaceFolders,
      initializationOptions,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
        },
        textDocument: {
          synchronization: { dynamicRegistration: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } }, dataSupport: true },
        },
        window: { workDoneProgress: true },
      },
    });
    // Before `initialized` is sent: the moment the server's answer arrived (server start-up time).
    this.initializeAnsweredAt = performance.now();
    this.capabilities = result.capabilities;
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  waitForDiagnostics(test, timeoutMs = 120_000) {
    return new Promise((resolve, reject) => {
      const waiter = { test, resolve: (p) => (clearTimeout(timer), resolve(p)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no diagnostics within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Calls `listener` with every publishDiagnostics until the returned function is called. */
  onDiagnostics(listener) {
    this.diagnosticListeners.add(listener);
    return () => this.diagnosticListeners.delete(listener);
  }

  /** Peak resident set size of the server process (VmHWM), in bytes. */
  peakRss() {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  }

  /** CPU time the server process has used so far (user + system), in clock ticks (usually 10 ms). */
  cpuTicks() {
    const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  }

  currentRss() {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // killed below
    }
    setTimeout(() => this.child.kill('SIGKILL'), 1000).unref();
    this.connection.dispose();
  }
}
