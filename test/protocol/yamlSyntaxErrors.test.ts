import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { fileUri, LspTestClient } from '../helpers/lspClient';

// The VS Code client starts the server saying Red Hat's YAML extension reports syntax errors, then answers every
// configuration request with whether it still does (Red Hat disabled, `yaml.validate` turned off), and sends
// `workspace/didChangeConfiguration` when that changes. Each folder follows its own answer, at once.

const BROKEN = 'apiVersion: v1\nkind: Service\nmetadata: {name: web\nspec:\n  ports:\n    - port: 80\n';
const syntaxErrors = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'yaml-syntax');

test('syntax errors follow the per-folder reportYamlSyntaxErrors answer, and its changes without a restart', async (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'ksl-yaml-syntax-'));
  const [a, b] = ['a', 'b'].map((name) => {
    const dir = path.join(root, name);
    mkdirSync(dir);
    return dir;
  });
  const workspace: Record<string, unknown> = { kubeServiceLens: {} };
  const folderA: Record<string, unknown> = { kubeServiceLens: { reportYamlSyntaxErrors: false } };
  const folderB: Record<string, unknown> = { kubeServiceLens: { reportYamlSyntaxErrors: true } };
  const client = new LspTestClient({
    workspaceFolders: [a, b],
    configuration: workspace,
    scopedConfiguration: { [fileUri(a)]: folderA, [fileUri(b)]: folderB },
    initializationOptions: { reportYamlSyntaxErrors: false },
  });
  t.after(async () => {
    await client.shutdown();
    rmSync(root, { recursive: true, force: true });
  });
  await client.initialize();

  const inA = fileUri(path.join(a, 'svc.yaml'));
  const inB = fileUri(path.join(b, 'svc.yaml'));
  client.open(inA, BROKEN);
  client.open(inB, BROKEN);
  const reported = await client.waitForDiagnostics(inB, (p) => syntaxErrors(p).length > 0);
  assert.ok(
    reported.diagnostics.every((d) => d.code === 'yaml-syntax'),
    JSON.stringify(reported.diagnostics),
  );
  // Folder a's answer and the initialization option agree: silence, and nothing else is judged in broken YAML.
  assert.deepEqual((await client.waitForDiagnostics(inA)).diagnostics, []);

  // Red Hat's validation turned off: the client flips folder a's answer and says the configuration changed.
  folderA.kubeServiceLens = { reportYamlSyntaxErrors: true };
  folderB.kubeServiceLens = { reportYamlSyntaxErrors: false };
  void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.waitForDiagnostics(inA, (p) => syntaxErrors(p).length > 0);
  assert.deepEqual((await client.waitForDiagnostics(inB, (p) => p.diagnostics.length === 0)).diagnostics, []);
});
