import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  PublishDiagnosticsNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');

export interface ClientOptions {
  workspaceFolders?: string[];
  /** Answers `workspace/configuration`; omit to behave like a client without configuration support. */
  configuration?: Record<string, unknown>;
  /**
   * Per workspace folder (by URI), sections that replace `configuration`'s for items asked with that `scopeUri`, as a
   * folder's own settings do in VS Code.
   */
  scopedConfiguration?: Record<string, Record<string, unknown>>;
  initializationOptions?: Record<string, unknown>;
  /** The server's environment (default: this process's), e.g. a PATH without helm. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Drives the shipped server (`node dist/server.js --stdio`) exactly as an editor does, for protocol tests
 * and benchmarks. Every wait is bounded.
 */
export class LspTestClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: Array<{ uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  stderr = '';

  constructor(private readonly options: ClientOptions = {}) {
    this.child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: 'pipe', env: options.env ?? process.env });
    this.child.stderr.on('data', (chunk) => (this.stderr += String(chunk)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.test(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string; scopeUri?: string }> }) =>
      params.items.map((item) => {
        if (!item.section) return null;
        const scoped = item.scopeUri === undefined ? undefined : this.options.scopedConfiguration?.[item.scopeUri]?.[item.section];
        return scoped ?? this.options.configuration?.[item.section] ?? null;
      }),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const folders = this.options.workspaceFolders ?? [];
    const params: InitializeParams = {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: folders.map((folder) => ({ uri: fileUri(folder), name: path.basename(folder) })),
      capabilities: {
        workspace: { configuration: this.options.configuration !== undefined, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
        window: { workDoneProgress: true },
      },
      initializationOptions: this.options.initializationOptions,
    };
    const result = await this.connection.sendRequest<InitializeResult>('initialize', params);
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  change(
    uri: string,
    version: number,
    changes: Array<{ range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }>,
  ): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the first publishDiagnostics for `uri` (already received or future) that passes `test`. */
  waitForDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const existing = this.diagnostics.get(uri);
    if (existing && test(existing)) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter = { uri, test, resolve: (p: PublishDiagnosticsParams) => (clearTimeout(timer), resolve(p)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(
          new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(uri))}; stderr: ${this.stderr}`),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Forgets what was received for `uri`, so the next wait sees only new notifications. */
  forget(uri: string): void {
    this.diagnostics.delete(uri);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  async shutdown(): Promise<void> {
    if (this.exited) return;
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 5000);
      await this.connection.sendNotification('exit');
    } catch {
      // fall through to kill
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const timer = setTimeout(() => (this.child.kill('SIGKILL'), resolve()), 3000);
      this.child.once('exit', () => (clearTimeout(timer), resolve()));
    });
    this.connection.dispose();
  }
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
