// Test-driver extension, installed next to the extension under test by launch-code-server.mjs.
//
// Why it exists: code-server 4.139 ignores extension-development/test mode, so nothing would call
// our mocha suite. This extension activates on startup (after the extension under test, which it
// depends on), requires the compiled suite named in E2E_SUITE_ENTRY, calls its run(), and writes
// the results as JSON to E2E_RESULTS_FILE, which the launcher polls. The code-server process
// environment reaches the extension host, so env vars are the channel.
'use strict';
const fs = require('fs');
const path = require('path');

exports.activate = function activate() {
  // Do not hold up activation: VS Code would report us as "activating" for the whole run.
  setImmediate(() => {
    drive().catch((err) => console.error('[e2e-driver] could not write results', err));
  });
};

exports.deactivate = function deactivate() {};

async function drive() {
  const resultsFile = mustEnv('E2E_RESULTS_FILE');
  const out = { activatedAt: Date.now(), finishedAt: 0, results: [], error: undefined };
  try {
    // The extension host resolves modules from this extension's folder, which has no
    // node_modules. Loading mocha by absolute path from the repo puts it in the require cache,
    // so the suite's own `require('mocha')` gets this same instance, and a missing install
    // fails here with a readable message instead of deep inside the suite.
    require(path.join(mustEnv('E2E_REPO_ROOT'), 'node_modules', 'mocha'));
    const suite = require(mustEnv('E2E_SUITE_ENTRY'));
    try {
      await suite.run();
    } finally {
      out.results = Array.isArray(suite.results) ? suite.results : [];
    }
  } catch (err) {
    out.error = err && err.stack ? String(err.stack) : String(err);
  }
  out.finishedAt = Date.now();
  // Write-then-rename so the launcher never reads half a file.
  fs.writeFileSync(resultsFile + '.tmp', JSON.stringify(out, null, 2));
  fs.renameSync(resultsFile + '.tmp', resultsFile);
}

function mustEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`[e2e-driver] ${name} is not set; start VS Code through test/e2e/launch-code-server.mjs`);
  return value;
}
