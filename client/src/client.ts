import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/protocol/index';
import { SETTINGS_SECTION, SHOW_SERVICE_TYPES_COMMAND, SHOW_TRAFFIC_PREVIEW_COMMAND, WORKSPACE_TRUSTED_NOTIFICATION } from '../../server/src/protocol/index';
import { redHatMiddleware } from './redHatMiddleware';
import { RedHatYaml } from './redHatYaml';
const MAX_RESTARTS = 4;

/**
 * The one owner of the language client's lifecycle: start, restart (by command or after a crash),
 * status, and disposal. Everything else asks it for the client.
 */
export class LensClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly output = vscode.window.createOutputChannel('Kubernetes Service Lens', { log: true });
  private readonly status = vscode.languages.createLanguageStatusItem('kubeServiceLens.status', { language: 'yaml' });
  private crashes: number[] = [];
  /** Red Hat's YAML extension reports syntax errors and schema problems itself; we follow what it does. */
  private readonly redHat = new RedHatYaml();
  private redHatEnabled = this.redHat.enabled;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.status.name = 'Kubernetes Service Lens';
    this.status.command = { title: 'Show Output', command: 'kubeServiceLens.showOutput' };
    this.redHat.onDidChange(() => void this.followRedHat());
    // Trust is granted once and never revoked while the window lives: a restart after revoking starts untrusted.
    context.subscriptions.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.client?.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION).catch(() => undefined)),
    );
  }

  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  async start(): Promise<void> {
    // Our providers registered after Red Hat's are listed first: our hover above its schema text.
    await this.redHat.ready();
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6029'] } },
    };
    const initializationOptions: InitializationOptions = {
      reportYamlSyntaxErrors: !this.redHat.reportsSyntaxErrors,
      trafficPreviewCommand: true,
      // The server renders charts and overlays (running helm, kustomize) only in a trusted workspace.
      workspaceTrusted: vscode.workspace.isTrusted,
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'untitled', language: 'yaml' },
        // Virtual workspaces (GitHub repositories opened remotely): open documents are analysed, nothing is indexed.
        { scheme: 'vscode-vfs', language: 'yaml' },
      ],
      synchronize: { configurationSection: SETTINGS_SECTION },
      initializationOptions,
      middleware: redHatMiddleware(this.redHat),
      // Hovers link to the traffic preview and the Service types page; trust exactly those commands, nothing else a
      // manifest could name.
      markdown: { isTrusted: { enabledCommands: [SHOW_TRAFFIC_PREVIEW_COMMAND, SHOW_SERVICE_TYPES_COMMAND] } },
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => this.onServerClosed(),
      },
    };
    this.client = new LanguageClient('kubeServiceLens', 'Kubernetes Service Lens', serverOptions, clientOptions);
    this.client.onDidChangeState(({ newState }) => this.showState(newState));
    this.showState(State.Starting);
    await this.client.start();
  }

  async restart(): Promise<void> {
    this.crashes = [];
    if (this.client) {
      await this.client.stop().catch(() => undefined);
      this.client = undefined;
    }
    await this.start();
  }

  /**
   * Red Hat enabled later registers its providers above ours: a restart puts ours back on top. Any other change
   * (disabled, `yaml.validate` toggled) only changes whether we report syntax errors: the server asks again.
   */
  private async followRedHat(): Promise<void> {
    const newlyEnabled = this.redHat.enabled && !this.redHatEnabled;
    this.redHatEnabled = this.redHat.enabled;
    if (newlyEnabled && this.client) {
      await this.restart();
      return;
    }
    await this.client?.sendNotification(DidChangeConfigurationNotification.type, { settings: null }).catch(() => undefined);
  }

  showOutput(): void {
    this.output.show(true);
  }

  /** Restarts after a crash, but gives up (visibly) when the server keeps dying. */
  private onServerClosed(): { action: CloseAction; message?: string } {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < 3 * 60_000), now];
    if (this.crashes.length > MAX_RESTARTS) {
      this.status.severity = vscode.LanguageStatusSeverity.Error;
      this.status.text = 'Service Lens stopped';
      this.status.detail = 'The language server crashed repeatedly; run "Restart Language Server" after checking the output.';
      return {
        action: CloseAction.DoNotRestart,
        message: 'Kubernetes Service Lens: the language server crashed 5 times in 3 minutes and will not be restarted. See the output for details.',
      };
    }
    this.status.severity = vscode.LanguageStatusSeverity.Warning;
    this.status.text = 'Service Lens restarting';
    return { action: CloseAction.Restart, message: 'Kubernetes Service Lens: the language server stopped unexpectedly and is being restarted.' };
  }

  private showState(state: State): void {
    if (state === State.Running) {
      this.status.severity = vscode.LanguageStatusSeverity.Information;
      this.status.text = 'Service Lens';
      this.status.detail = 'Checking Kubernetes Services';
      this.status.busy = false;
    } else if (state === State.Starting) {
      this.status.text = 'Service Lens starting';
      this.status.busy = true;
    } else {
      this.status.busy = false;
    }
  }

  async dispose(): Promise<void> {
    await this.client?.stop().catch(() => undefined);
    this.redHat.dispose();
    this.status.dispose();
    this.output.dispose();
  }
}
