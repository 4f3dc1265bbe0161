import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PublishDiagnosticsParams, SymbolInformation } from 'vscode-languageserver/node';
import { LspTestClient, fileUri } from '../helpers/lspClient';

const service = (name: string, nodePort: number, app = name) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: NodePort
  selector:
    app: ${app}
  ports:
    - port: 80
      targetPort: 8080
      nodePort: ${nodePort}
`;

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: ${name}
          image: nginx
          ports:
            - containerPort: 8080
`;

const FILE_CHANGED = { Created: 1, Changed: 2, Deleted: 3 } as const;
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

/** Polls until `done` holds (every wait is bounded), returning the last value seen. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) assert.fail(`${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('.gitignore and files.exclude keep files out of the index, on disk events and after the rules change; an open file is checked anyway', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ksl-ignore-'));
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  };
  write('.gitignore', 'rendered/\n');
  write('services/web.yaml', service('web', 30080));
  write('apps/web.yaml', deployment('web'));
  // Each of these would collide with web's node port 30080 if it were indexed.
  write('rendered/copy.yaml', service('rendered', 30080));
  write('vendored/copy.yaml', service('vendored', 30080));
  write('team/.gitignore', '*.local.yaml\n!keep.local.yaml\n');
  write('team/dev.local.yaml', service('local', 30080));
  write('team/keep.local.yaml', deployment('kept'));

  const configuration: Record<string, unknown> = {
    kubeServiceLens: { severity: { 'nodeport-hand-picked': 'off' } },
    'files.exclude': { '**/vendored': true, '**/.git': true, '**/*.bak': false },
  };
  const client = new LspTestClient({ workspaceFolders: [dir], configuration });
  const logs: string[] = [];
  client.connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
    logs.push(message);
  });
  t.after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });
  await client.initialize();

  const indexed = async () => {
    const symbols = await client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: '' });
    return [...new Set(symbols.map((symbol) => path.relative(dir, fileURLToPath(symbol.location.uri)).split(path.sep).join('/')))].sort();
  };
  const webUri = fileUri(path.join(dir, 'services', 'web.yaml'));
  let webVersion = 1;
  client.open(webUri, service('web', 30080));
  /** web.yaml's diagnostics against the index as it is now: an edit makes the server check it again. */
  const webCodes = async () => {
    webVersion++;
    client.change(webUri, webVersion, [{ text: service('web', 30080) + `# ${webVersion}\n` }]);
    return codes(await client.waitForDiagnostics(webUri, (p) => p.version === webVersion));
  };

  await until(async () => logs.find((line) => line.startsWith('Indexed')), Boolean, 'the startup scan ends');
  assert.ok(logs.includes('Indexed 3 YAML files in 1 workspace folder(s).'), logs.join('\n'));
  assert.deepEqual(await indexed(), ['apps/web.yaml', 'services/web.yaml', 'team/keep.local.yaml']);
  assert.deepEqual(await webCodes(), [], 'no collision with the ignored and excluded Services, and the selector matches');

  // A file created in an ignored folder stays out; one created elsewhere in the same batch comes in.
  write('rendered/new.yaml', service('new', 30080));
  write('vendored/new.yaml', service('new', 30080));
  write('apps/extra.yaml', deployment('extra'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: ['rendered/new.yaml', 'vendored/new.yaml', 'apps/extra.yaml'].map((name) => ({ uri: fileUri(path.join(dir, name)), type: FILE_CHANGED.Created })),
  });
  assert.deepEqual(await until(indexed, (files) => files.includes('apps/extra.yaml'), 'apps/extra.yaml is indexed'), [
    'apps/extra.yaml',
    'apps/web.yaml',
    'services/web.yaml',
    'team/keep.local.yaml',
  ]);

  // An ignored file the user opens is checked on its own, and its ignored neighbours stay out of its cross-file checks.
  write('rendered/neighbour.yaml', service('neighbour', 30099));
  const copyUri = fileUri(path.join(dir, 'rendered', 'copy.yaml'));
  client.open(copyUri, service('rendered', 30099, 'web').replace('port: 80', 'port: 70000'));
  const opened = await client.waitForDiagnostics(copyUri);
  assert.deepEqual(codes(opened), ['port-out-of-range'], 'its selector sees the indexed Deployment; no collision with the neighbour');
  client.close(copyUri);
  await until(indexed, (files) => !files.includes('rendered/copy.yaml'), 'the closed ignored file leaves the index');

  // Editing .gitignore applies at once: the folder's files come in, and go again when the line is back.
  write('.gitignore', '# nothing ignored\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: fileUri(path.join(dir, '.gitignore')), type: FILE_CHANGED.Changed }],
  });
  await until(indexed, (files) => files.includes('rendered/new.yaml'), 'rendered/ is indexed once .gitignore lets it through');
  assert.deepEqual(
    (await indexed()).filter((file) => file.startsWith('rendered/')),
    ['rendered/copy.yaml', 'rendered/neighbour.yaml', 'rendered/new.yaml'],
  );
  assert.ok((await webCodes()).includes('nodeport-collision'));
  write('.gitignore', 'rendered/\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: fileUri(path.join(dir, '.gitignore')), type: FILE_CHANGED.Changed }],
  });
  await until(indexed, (files) => !files.some((file) => file.startsWith('rendered/')), 'rendered/ leaves the index again');
  assert.deepEqual(await webCodes(), []);

  // files.exclude is read again when the configuration changes.
  configuration['files.exclude'] = { '**/.git': true };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await until(indexed, (files) => files.includes('vendored/copy.yaml'), 'vendored/ is indexed once files.exclude lets it through');
  assert.ok((await webCodes()).includes('nodeport-collision'));
  assert.equal((await indexed()).includes('team/dev.local.yaml'), false, 'the nested .gitignore still applies');
});
