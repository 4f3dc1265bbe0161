import * as vscode from 'vscode';
import { LensClient } from './client';
import { TrafficPreviewManager } from './preview/manager';
import { registerServiceTypesPage } from './serviceTypesPage';

let lens: LensClient | undefined;

/** What the extension returns from `activate`, so end-to-end tests can wait for the server. */
export interface KubeServiceLensApi {
  readonly client: LensClient;
  /** Traffic previews; `onDidRender` fires when a preview has drawn a diagram. */
  readonly preview: TrafficPreviewManager;
}

export async function activate(context: vscode.ExtensionContext): Promise<KubeServiceLensApi> {
  lens = new LensClient(context);
  // Registered before the server starts: VS Code restores preview panels through the serializer right away.
  const preview = new TrafficPreviewManager(context.extensionUri, () => lens?.languageClient);
  context.subscriptions.push(
    vscode.commands.registerCommand('kubeServiceLens.restartServer', () => lens?.restart()),
    vscode.commands.registerCommand('kubeServiceLens.showOutput', () => lens?.showOutput()),
    registerServiceTypesPage(context.extensionUri),
    preview,
    ...preview.register(),
  );
  await lens.start();
  return { client: lens, preview };
}

export async function deactivate(): Promise<void> {
  await lens?.dispose();
  lens = undefined;
}
