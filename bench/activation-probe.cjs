// Runs in a fresh Node process: loads an extension bundle against the `vscode` stub and times
// require() and activate(). Usage: node activation-probe.cjs <extension.js>. Prints one JSON line.
//
// The clock stops when the language client spawns the server. vscode-languageclient is bundled inside
// extension.js, so its LanguageClient.start cannot be replaced from outside without editing the bundle; the
// first seam outside the bundle is the `child_process` builtin. Its fork/spawn are replaced by a function
// that notes the time and throws, so everything up to the spawn is the shipped code and nothing after it runs.
'use strict';
const Module = require('node:module');
const path = require('node:path');
const { createVscodeStub } = require('./vscode-stub.cjs');

const SPAWN_STUBBED = 'bench: server spawn stubbed';
const extensionJs = path.resolve(process.argv[2]);
const extensionDir = path.dirname(path.dirname(extensionJs));
const missing = new Set();
const stub = createVscodeStub({ workspaceDir: extensionDir, missing });
let spawnAt;

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return stub;
  const loaded = load.call(this, request, ...rest);
  if (request === 'child_process' || request === 'node:child_process') {
    const stop = () => {
      spawnAt ??= performance.now();
      throw new Error(SPAWN_STUBBED);
    };
    return { ...loaded, fork: stop, spawn: stop };
  }
  return loaded;
};

function causeChain(error) {
  const messages = [];
  for (let e = error; e && messages.length < 5; e = e.cause) messages.push(String(e.message ?? e));
  return messages.join(' <- ');
}

async function main() {
  const t0 = performance.now();
  const extension = require(extensionJs);
  const t1 = performance.now();
  const context = {
    subscriptions: [],
    extensionPath: extensionDir,
    extensionUri: { scheme: 'file', fsPath: extensionDir, path: extensionDir },
    asAbsolutePath: (relative) => path.join(extensionDir, relative),
  };
  let returnedAt;
  let error;
  try {
    await Promise.race([
      extension.activate(context),
      new Promise((_, reject) => setTimeout(() => reject(new Error('activate did not settle within 10 s')), 10_000)),
    ]);
    returnedAt = performance.now();
  } catch (e) {
    if (spawnAt === undefined || !causeChain(e).includes(SPAWN_STUBBED)) error = `activate failed: ${causeChain(e)}`;
  }
  if (missing.size > 0) error = `the vscode stub lacks ${[...missing].join(', ')} (add them to bench/vscode-stub.cjs)`;
  const end = spawnAt ?? returnedAt;
  const result = error ? { error } : { requireMs: t1 - t0, activateMs: end - t1, endedAt: spawnAt !== undefined ? 'spawn' : 'return' };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

main();
