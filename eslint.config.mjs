// ESLint for the whole repository (`npm run lint`, part of `npm test`). TypeScript gets typescript-eslint's
// type-aware recommended rules through the tsconfig projects; plain .mjs/.cjs/.js scripts get the syntax rules.
// The project's own rules (lint/) keep server/src layered and every import graph free of cycles.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import * as path from 'node:path';
import tseslint from 'typescript-eslint';
import ksl from './lint/plugin.mjs';

const serverSrc = path.join(import.meta.dirname, 'server', 'src');

export default defineConfig(
  globalIgnores([
    'dist/',
    'out/',
    '.cache/',
    'test-results/',
    // Inputs, not code: their text and positions are what the tests assert.
    'test/fixtures/',
    'test/corpus/',
    'test/grammar/cases/',
    'test/grammar/snap/',
    // Deliberate violations that test/lint/ expects the project's rules to report.
    'test/lint/fixtures/',
  ]),
  {
    files: ['**/*.{ts,mjs,cjs,js}'],
    extends: [js.configs.recommended],
    rules: {
      eqeqeq: ['error', 'always'],
      // `catch {}` is how a best-effort clean-up says that failing is fine.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Regexes over YAML spell indentation the way the YAML does: `/^  name:/`, not `/^ {2}name:/`.
      'no-regex-spaces': 'off',
    },
  },
  {
    files: ['**/*.{mjs,cjs,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs', 'test/e2e/driver/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      // Passing on a caught value as it came is not the mistake this rule is after (only-throw-error agrees).
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // A promise returned from inside try without await escapes its catch and finally.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // YAML scalar values are typed unknown, or {} once null is ruled out; String() on a scalar never meets an object.
      '@typescript-eslint/no-base-to-string': 'off',
      // Hygiene, not a bug: an assertion that restates the type changes nothing at run time.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // `async` without await is how a method meets a Thenable interface and turns a throw into a rejection.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read JSON (CLI output, LSP replies) and assert on it at once: an `any` there cannot hide a bug in
    // shipped code, and typing every parse would only restate the assertions.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['server/src/**/*.ts'],
    plugins: { ksl },
    rules: { 'ksl/layers': ['error', { root: serverSrc }] },
  },
  {
    files: ['client/**/*.ts'],
    plugins: { ksl },
    rules: { 'ksl/server-imports': ['error', { root: serverSrc }] },
  },
  {
    files: ['**/*.{ts,mjs}'],
    plugins: { ksl },
    rules: { 'ksl/no-cycle': 'error' },
  },
);
