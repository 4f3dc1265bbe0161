// The server crashing under a user: the client must notice, start a new server on its own and get the
// diagnostics back, without the user doing anything. The crash is a SIGKILL of the real server process.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { KubeServiceLensApi } from '../../../client/src/extension';
import { codeOf, openFixture, waitForDiagnostics } from './helpers';

const EXTENSION_ID = 'kube-service-lens.kube-service-lens';

async function languageClient(): Promise<LanguageClient> {
  const extension = vscode.extensions.getExtension<KubeServiceLensApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  const client = (await extension.activate()).client.languageClient;
  assert.ok(client, 'the language client has not started');
  return client;
}

/** Resolves when `test` holds, checking now and on every state change of the client; bounded. */
function untilState(client: LanguageClient, test: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (test()) return resolve();
    const timer = setTimeout(
      () => (sub.dispose(), reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (state ${State[client.state]})`))),
      timeoutMs,
    );
    const sub = client.onDidChangeState(() => {
      if (!test()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

const nodePortError = (value: string) => (ds: vscode.Diagnostic[]) =>
  ds.some((d) => codeOf(d) === 'nodeport-out-of-range' && d.message.includes(`Invalid value: ${value}:`));

suite('resilience', () => {
  test('a killed server is restarted by the client and the diagnostics come back, following new edits', async () => {
    const doc = await openFixture('bad-nodeport.yaml');
    await waitForDiagnostics(doc.uri, nodePortError('80'));
    const client = await languageClient();
    await untilState(client, () => client.state === State.Running, 'the server to run');
    const first = client.serverProcess?.pid;
    assert.ok(first, 'no server process id');

    process.kill(first, 'SIGKILL');
    await untilState(
      client,
      () => client.state === State.Running && client.serverProcess?.pid !== undefined && client.serverProcess.pid !== first,
      'a new server process',
    );

    // The new server knows the open document (the client re-sends it) and answers edits of it.
    const editor = await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('nodePort: 80') + 'nodePort: '.length;
    await editor.edit((edit) => edit.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 2)), '81'));
    const diagnostics = await waitForDiagnostics(doc.uri, nodePortError('81'), 45_000);
    assert.ok(
      diagnostics.every((d) => !d.message.includes('Invalid value: 80:')),
      'diagnostics of the killed server are gone',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
