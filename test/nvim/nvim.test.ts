import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * The language server in a real non-VS Code client: Neovim's built-in LSP, headless, configured exactly as the
 * README tells Neovim users to. Neovim reports diagnostic columns in bytes, so a multi-byte character checks
 * that our UTF-16 positions survive the client's conversion.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');
const WAIT_MS = 15_000;

const FIXTURE = `apiVersion: v1
kind: Service
metadata:
  name: café
spec:
  type: NodePort
  selector: {app: web}
  ports:
    - port: 80
      nodePort: 80
`;

/** A Lua long string: no escaping rules to get wrong for paths. */
function lua(text: string): string {
  assert.ok(!text.includes(']==]'), text);
  return `[==[${text}]==]`;
}

/**
 * The README's configuration (cmd pointing at this checkout), for the installed Neovim: `vim.lsp.start` from 0.8,
 * `vim.lsp.start_client` + `buf_attach_client` on 0.7 (Debian bookworm). 0.7 neither pulls settings with
 * workspace/configuration nor pushes them by itself, hence the on_init notification.
 */
function serverConfig(): string {
  return `
local config = {
  name = 'kube-service-lens',
  cmd = { ${lua(process.execPath)}, ${lua(SERVER_JS)}, '--stdio' },
  root_dir = vim.fn.getcwd(),
  settings = { kubeServiceLens = { nodePortRange = '30000-30100' } },
  on_init = function(client)
    client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  end,
}
local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'yaml',
  callback = function(args)
    if vim.lsp.start then
      vim.lsp.start(config)
    else
      if not (client_id and vim.lsp.get_client_by_id(client_id)) then client_id = vim.lsp.start_client(config) end
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})
`;
}

/** Test harness: once the settings have reached the server (the range shows in the message), dump and quit. */
function harness(outFile: string): string {
  return `
vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local buf = vim.api.nvim_get_current_buf()
    local function settled()
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        if d.code == 'nodeport-out-of-range' and d.message:find('30000-30100', 1, true) then return true end
      end
      return false
    end
    local ok = vim.wait(${WAIT_MS}, settled, 50)
    local out = { settled = ok, version = vim.inspect(vim.version()), filetype = vim.bo[buf].filetype, diagnostics = {} }
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(out.diagnostics, { code = d.code, source = d.source, severity = d.severity, message = d.message,
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col })
    end
    local file = assert(io.open(${lua(outFile)}, 'w'))
    file:write(vim.fn.json_encode(out))
    file:close()
    vim.cmd('qall!')
  end,
})
`;
}

interface NvimDiagnostic {
  code: string;
  source: string;
  severity: number;
  message: string;
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
}

test("Neovim's built-in LSP client shows our diagnostics at the right places", (t) => {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    t.skip(`nvim not installed: ${probe.error.message} (Debian/Ubuntu: apt-get install neovim; .ci/run installs it)`);
    return;
  }
  assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run "npm run build" first`);

  const dir = mkdtempSync(path.join(tmpdir(), 'ksl-nvim-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const project = path.join(dir, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'service.yaml'), FIXTURE);
  const outFile = path.join(dir, 'diagnostics.json');
  const init = path.join(dir, 'init.lua');
  writeFileSync(init, serverConfig() + harness(outFile));

  // Private XDG folders: no user config, plugins or shada leak in, and the LSP log stays readable here.
  const xdg = Object.fromEntries(['CONFIG', 'DATA', 'STATE', 'CACHE'].map((kind) => [`XDG_${kind}_HOME`, path.join(dir, kind.toLowerCase())]));
  const run = spawnSync('nvim', ['--headless', '--clean', '-u', init, 'service.yaml'], {
    cwd: project,
    env: { ...process.env, ...xdg },
    encoding: 'utf8',
    timeout: WAIT_MS + 15_000,
    killSignal: 'SIGKILL',
  });
  const logFile = path.join(xdg.XDG_CACHE_HOME, 'nvim', 'lsp.log');
  const context = () =>
    `nvim exit ${run.status} signal ${run.signal}\nstderr: ${run.stderr}\nlsp.log: ${existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-3000) : '(none)'}`;
  assert.ok(existsSync(outFile), `Neovim wrote no result\n${context()}`);
  const result = JSON.parse(readFileSync(outFile, 'utf8')) as { settled: boolean; version: string; filetype: string; diagnostics: NvimDiagnostic[] };
  t.diagnostic(`Neovim ${result.version.replace(/\s+/g, ' ')}`);
  assert.equal(result.filetype, 'yaml');
  assert.ok(result.settled, `no nodePort diagnostic with the configured range within ${WAIT_MS} ms: ${JSON.stringify(result.diagnostics)}\n${context()}`);

  const byCode = new Map(result.diagnostics.map((d) => [d.code, d]));
  const nodePort = byCode.get('nodeport-out-of-range');
  assert.deepEqual(
    nodePort && {
      source: nodePort.source,
      severity: nodePort.severity,
      lnum: nodePort.lnum,
      col: nodePort.col,
      end_lnum: nodePort.end_lnum,
      end_col: nodePort.end_col,
    },
    { source: 'kube-service-lens', severity: 1, lnum: 9, col: 16, end_lnum: 9, end_col: 18 },
  );
  assert.equal(
    nodePort?.message.split('\n')[0],
    'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-30100',
  );
  // `café` is 4 UTF-16 code units but 5 bytes: the server says character 12, Neovim must show byte 13.
  const name = byCode.get('service-name-invalid');
  assert.deepEqual(name && [name.lnum, name.col, name.end_lnum, name.end_col], [3, 8, 3, 13], JSON.stringify(result.diagnostics));
  assert.match(String(name?.message), /^metadata\.name: Invalid value: "café": a DNS-1035 label must consist of lower case alphanumeric characters/);
});
