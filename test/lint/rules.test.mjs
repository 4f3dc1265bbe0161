// The project's own lint rules (lint/) report every kind of layering break and import cycle, type imports
// included, and stay quiet on the imports the layering allows; eslint.config.mjs applies them to the real tree.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import ksl from '../../lint/plugin.mjs';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const fixtures = path.join(import.meta.dirname, 'fixtures');
const ORDER = 'protocol < document < kubernetes < analysis < rules < rendered < features, node < service < lsp, cli < server.ts';
const DOWNWARD = `layers import only downward (${ORDER}); see ARCHITECTURE.md`;
const SIDE_BY_SIDE = `they sit side by side on one layer and stay independent (${ORDER}); see ARCHITECTURE.md`;
const LEAF = 'it is the leaf shared by client and server and imports nothing outside protocol/ (see ARCHITECTURE.md)';
const CYCLE = 'Type imports count too: move what the modules share into a module below both (see ARCHITECTURE.md)';

const problems = (results) =>
  results
    .flatMap((result) => result.messages.map((m) => `${path.relative(fixtures, result.filePath).split(path.sep).join('/')}:${m.line} ${m.ruleId} ${m.message}`))
    .sort();

test('the fixture tree breaks each rule exactly where expected, and nowhere else', async () => {
  const root = path.join(fixtures, 'server', 'src');
  const eslint = new ESLint({
    cwd: fixtures,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { ksl }, rules: { 'ksl/no-cycle': 'error' } },
      { files: ['server/src/**/*.ts'], rules: { 'ksl/layers': ['error', { root }] } },
      { files: ['client/**/*.ts'], rules: { 'ksl/server-imports': ['error', { root }] } },
    ],
  });
  const expected = [
    `client/src/extension.ts:2 ksl/server-imports The client may import only server/src/protocol/ from the server, not '../../server/src/kubernetes/model': the extension bundle must not pull in the language server (see ARCHITECTURE.md)`,
    `server/src/analysis/a.ts:1 ksl/no-cycle Import cycle: server/src/analysis/a.ts -> server/src/analysis/b.ts -> server/src/analysis/c.ts -> server/src/analysis/a.ts. ${CYCLE}`,
    `server/src/analysis/b.ts:1 ksl/no-cycle Import cycle: server/src/analysis/b.ts -> server/src/analysis/c.ts -> server/src/analysis/a.ts -> server/src/analysis/b.ts. ${CYCLE}`,
    `server/src/analysis/c.ts:1 ksl/no-cycle Import cycle: server/src/analysis/c.ts -> server/src/analysis/a.ts -> server/src/analysis/b.ts -> server/src/analysis/c.ts. ${CYCLE}`,
    `server/src/document/legacy.ts:1 ksl/layers document/ must not import kubernetes/: ${DOWNWARD}`,
    `server/src/features/completion/disk.ts:1 ksl/layers features/ must not import node/: ${SIDE_BY_SIDE}`,
    `server/src/features/hover/hover.ts:1 ksl/layers features/hover/ must not import features/completion/: features never import each other; move what both need down a layer (see ARCHITECTURE.md)`,
    `server/src/helpers.ts:1 ksl/layers server/src/helpers.ts is in no layer: move it into one of the layer folders (${ORDER}) or add a layer to lint/layers.mjs and ARCHITECTURE.md`,
    `server/src/kubernetes/model.ts:1 ksl/layers kubernetes/ must not import analysis/: ${DOWNWARD}`,
    `server/src/kubernetes/model.ts:5 ksl/layers kubernetes/ must not import lsp/: ${DOWNWARD}`,
    `server/src/lsp/handlers.ts:4 ksl/layers lsp/ must not import cli/: ${SIDE_BY_SIDE}`,
    `server/src/protocol/index.ts:1 ksl/layers protocol/ must not import '../document/text': ${LEAF}`,
    `server/src/protocol/index.ts:2 ksl/layers protocol/ must not import 'node:fs': ${LEAF}`,
  ];
  assert.deepEqual(problems(await eslint.lintFiles(['.'])), expected);
});

test('the cycle rule reads the text being linted, not the file on disk', async () => {
  const eslint = new ESLint({
    cwd: fixtures,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { ksl }, rules: { 'ksl/no-cycle': 'error' } }],
  });
  const lint = async (text) => {
    const [result] = await eslint.lintText(text, { filePath: path.join(fixtures, 'server/src/analysis/c.ts') });
    return result.messages.map((m) => m.message);
  };
  // As in an editor with unsaved changes: once c.ts stops importing a.ts, c.ts is in no cycle.
  assert.deepEqual(await lint("import { type A } from './a';\nexport interface C { a?: A }\n"), [
    `Import cycle: server/src/analysis/c.ts -> server/src/analysis/a.ts -> server/src/analysis/b.ts -> server/src/analysis/c.ts. ${CYCLE}`,
  ]);
  assert.deepEqual(await lint('export interface C { a?: unknown }\n'), []);
});

// The repository's own config, on files that do not exist, with type-aware rules off (they need the file in a
// tsconfig project): proves the rules are wired to server/src and client/ of the real tree.
test('eslint.config.mjs applies the layer rules to the real server/src and client/', async () => {
  const eslint = new ESLint({ cwd: repoRoot, overrideConfig: [{ ...tseslint.configs.disableTypeChecked, files: ['**/*.ts'] }] });
  const lint = async (file, text) => {
    const [result] = await eslint.lintText(text, { filePath: path.join(repoRoot, file) });
    return result.messages.map((m) => `${m.ruleId} ${m.message}`);
  };
  assert.deepEqual(await lint('server/src/kubernetes/lintProbe.ts', "import type { Rule } from '../analysis/rule';\nexport type R = Rule;\n"), [
    `ksl/layers kubernetes/ must not import analysis/: ${DOWNWARD}`,
  ]);
  assert.deepEqual(await lint('server/src/protocol/lintProbe.ts', "export type { Connection } from 'vscode-languageserver';\n"), [
    `ksl/layers protocol/ must not import 'vscode-languageserver': ${LEAF}`,
  ]);
  assert.deepEqual(
    await lint('client/src/lintProbe.ts', "import type { FileModel } from '../../server/src/kubernetes/manifest';\nexport type F = FileModel;\n"),
    [
      `ksl/server-imports The client may import only server/src/protocol/ from the server, not '../../server/src/kubernetes/manifest': the extension bundle must not pull in the language server (see ARCHITECTURE.md)`,
    ],
  );
  assert.deepEqual(await lint('client/src/lintProbe.ts', "export { SETTINGS_SECTION } from '../../server/src/protocol/index';\n"), []);
  for (const file of ['server/src/kubernetes/manifest.ts', 'client/src/client.ts', 'client/webview/main.ts', 'test/helpers/core.ts']) {
    const config = await eslint.calculateConfigForFile(path.join(repoRoot, file));
    assert.deepEqual(config.rules['ksl/no-cycle'], [2], `${file} is checked for import cycles`);
  }
});
