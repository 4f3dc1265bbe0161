import * as vscode from 'vscode';
import { LensClient } from './client';

let lens: LensClient | undefined;

/** What the extension returns from `activate`, so end-to-end tests can wait for the server. */
export interface KubeServiceLensApi {
  readonly client: LensClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<KubeServiceLensApi> {
  lens = new LensClient(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('kubeServiceLens.restartServer', () => lens?.restart()),
    vscode.commands.registerCommand('kubeServiceLens.showOutput', () => lens?.showOutput()),
  );
  await lens.start();
  return { client: lens };
}

export async function deactivate(): Promise<void> {
  await lens?.dispose();
  lens = undefined;
}
