import * as vscode from 'vscode';

export const REDHAT_YAML = 'redhat.vscode-yaml';

/** How long our start waits for Red Hat's language client; a Red Hat that never gets ready must not keep us down. */
const READY_TIMEOUT_MS = 15_000;

/**
 * Red Hat's YAML extension as it runs in this window: whether it is enabled, whether it reports YAML syntax errors,
 * and when either changes.
 *
 * Its language server pulls the `yaml` section without a `scopeUri` (yaml-language-server,
 * src/languageserver/handlers/settingsHandlers.ts, `doPullConfiguration`), so it sees the window's value of
 * `yaml.validate`: a folder's own `.vscode/settings.json` in a multi-root workspace and a `[yaml]` override do not
 * reach it. We read the same unscoped value, so we stay silent exactly where it reports.
 */
export class RedHatYaml implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when Red Hat is enabled or disabled, or its `yaml.validate` changes. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private state: string;

  constructor() {
    this.state = this.describe();
    this.subscriptions = [
      this.changed,
      // Fires when an extension is installed, uninstalled, enabled or disabled in this extension host.
      vscode.extensions.onDidChange(() => this.recheck()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('yaml.validate')) this.recheck();
      }),
    ];
  }

  /** Enabled in this window: a disabled extension is not in `vscode.extensions` at all. */
  get enabled(): boolean {
    return vscode.extensions.getExtension(REDHAT_YAML) !== undefined;
  }

  /**
   * Red Hat reports syntax errors of every YAML document it validates, and `yaml.validate: false` turns all its
   * validation off, syntax errors included (yaml-language-server, src/languageservice/services/yamlValidation.ts,
   * `doValidation` returns nothing when validation is disabled).
   */
  get reportsSyntaxErrors(): boolean {
    return this.enabled && vscode.workspace.getConfiguration('yaml').get<boolean>('validate', true) !== false;
  }

  /** Whether Red Hat offers completions at all (`yaml.completion`, read unscoped like `yaml.validate`). */
  get completes(): boolean {
    return this.enabled && vscode.workspace.getConfiguration('yaml').get<boolean>('completion', true) !== false;
  }

  /**
   * Resolves once Red Hat's language client has registered its providers, or at once when Red Hat is not enabled.
   * VS Code lists hovers, outline groups and code actions of equally specific providers newest first, so
   * registering ours after Red Hat's puts our hover above its schema text. Red Hat's `activate` returns before its
   * client is ready (vscode-yaml, src/extension.ts, `startClient` does not await `client.start()`), so this waits
   * on that client's `onReady()` (vscode-languageclient 7), reached through the API object `activate` returns; an
   * API of another shape, an error or a timeout just ends the wait.
   */
  async ready(): Promise<void> {
    const extension = vscode.extensions.getExtension(REDHAT_YAML);
    if (!extension) return;
    const wait = (async () => {
      const api: unknown = await extension.activate();
      const client = (api as { _yamlClient?: { onReady?: () => Promise<void> } } | undefined)?._yamlClient;
      if (typeof client?.onReady === 'function') await client.onReady();
    })().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, READY_TIMEOUT_MS)));
    await Promise.race([wait, timeout]);
    clearTimeout(timer);
  }

  private describe(): string {
    return JSON.stringify([this.enabled, this.reportsSyntaxErrors]);
  }

  private recheck(): void {
    const state = this.describe();
    if (state === this.state) return;
    this.state = state;
    this.changed.fire();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
