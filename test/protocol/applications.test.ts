import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Location, LocationLink, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { LspTestClient, fileUri, withTimeout } from '../helpers/lspClient';
import type { TrafficGraphResult } from '../../server/src/protocol/index';

/** The Service of an example: port 80 goes to `target`, port 81 to 9999, which no example declares. */
const service = (name: string, target: number) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: ${target}
    - name: admin
      port: 81
      targetPort: 9999
`;

/** Each example's Deployment carries the same pod labels as the other's, as copied examples do. */
const deployment = (name: string, replicas: number, port: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          image: nginx
          ports:
            - containerPort: ${port}
`;

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

test('over stdio: two example folders in one workspace, each Service judged, linked and counted with its own Deployment', async (t) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ksl-applications-'));
  const file = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
    return fileUri(path.join(folder, name));
  };
  const serviceA = file('examples/a/service.yaml', service('web-a', 8080));
  file('examples/a/deploy.yaml', deployment('web-a', 2, 8080));
  const serviceB = file('examples/b/service.yaml', service('web-b', 9090));
  const deployB = file('examples/b/deploy.yaml', deployment('web-b', 3, 9090));
  // CodeLenses run the preview command, so only a client that has it (VS Code's) gets them.
  const client = new LspTestClient({ workspaceFolders: [folder], initializationOptions: { trafficPreviewCommand: true } });
  const indexed = new Promise<void>((resolve) =>
    client.connection.onNotification('window/logMessage', (params: { message: string }) => {
      if (/^Indexed \d+ YAML files/.test(params.message)) resolve();
    }),
  );
  t.after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });
  await client.initialize();
  await withTimeout(indexed, 10_000);
  const request = <T>(method: string, params: object) => withTimeout(client.connection.sendRequest<T>(method, params), 10_000);
  const where = (target: Location | LocationLink) => {
    const uri = 'targetUri' in target ? target.targetUri : target.uri;
    const range = 'targetSelectionRange' in target ? target.targetSelectionRange : target.range;
    return `${path.relative(folder, new URL(uri).pathname)}:${range.start.line}`;
  };

  // Flat, each Service would select both Deployments: port 80 would be undeclared in the other example's pods.
  for (const [uri, own, port] of [
    [serviceA, 'Deployment `web-a` (examples/a/deploy.yaml:2)', 8080],
    [serviceB, 'Deployment `web-b` (examples/b/deploy.yaml:2)', 9090],
  ] as const) {
    client.open(uri, uri === serviceA ? service('web-a', 8080) : service('web-b', 9090));
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(codes(published), ['target-port-undeclared'], `${uri}: only port 81 is undeclared`);
    assert.equal(published.diagnostics[0].range.start.line, 13);
    const message = String(published.diagnostics[0].message);
    assert.match(message, new RegExp(`${own.replace(/[.()]/g, '\\$&')} declares only ${port}\\.`));
    assert.doesNotMatch(message, uri === serviceA ? /examples\/b/ : /examples\/a/);
  }

  // Go to definition from a's selector: a's pod labels only.
  const definition = await request<LocationLink[] | Location[] | null>('textDocument/definition', {
    textDocument: { uri: serviceA },
    position: { line: 6, character: 5 },
  });
  assert.deepEqual(definition?.map(where), ['examples/a/deploy.yaml:12']);

  // References from b's Deployment: b's Service only.
  const references = await request<Location[] | null>('textDocument/references', {
    textDocument: { uri: deployB },
    position: { line: 1, character: 8 },
    context: { includeDeclaration: false },
  });
  assert.deepEqual(references?.map(where), ['examples/b/service.yaml:5']);

  // The traffic preview draws a's own Deployment behind a's Service.
  const graph = await request<TrafficGraphResult>('kubeServiceLens/trafficGraph', { textDocument: { uri: serviceA } });
  assert.deepEqual(
    graph.services.flatMap((s) => s.workloads.map((w) => `${w.name} x${w.replicas}`)),
    ['web-a x2'],
  );

  // The CodeLens counts the example's own replicas.
  const lenses = await request<Array<{ command?: { title: string } }>>('textDocument/codeLens', { textDocument: { uri: serviceB } });
  assert.ok(
    lenses.some((lens) => lens.command?.title === '1 workload, 3 replicas'),
    JSON.stringify(lenses.map((l) => l.command?.title)),
  );
  assert.equal(client.exited, false);
});
