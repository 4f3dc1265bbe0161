#!/usr/bin/env node
// Writes the TextMate grammars in syntaxes/ from their sources in syntaxes/src/.
//   node syntaxes/src/build.mjs          regenerate the JSON files
//   node syntaxes/src/build.mjs --check  exit 1 if a JSON file is missing or stale (used by the
//                                        grammar tests, so the committed JSON always matches)
// The JSON files are what package.json contributes; they are committed so that packaging needs no
// build step. Keys are written in a stable order with two-space indentation.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as yamlService from './yaml-service-injection.mjs';
import * as mermaid from './mermaid.mjs';
import * as markdownMermaid from './markdown-mermaid-injection.mjs';

const syntaxesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const outputs = [
  { file: 'kubernetes-service.injection.tmLanguage.json', grammar: yamlService.grammar },
  { file: 'mermaid.tmLanguage.json', grammar: mermaid.grammar },
  { file: 'mermaid-markdown.injection.tmLanguage.json', grammar: markdownMermaid.grammar },
];

export function render(grammarFn) {
  return JSON.stringify(grammarFn(), null, 2) + '\n';
}

function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { file, grammar } of outputs) {
    const target = path.join(syntaxesDir, file);
    const text = render(grammar);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === text) {
      console.log(`up to date  syntaxes/${file}`);
    } else if (check) {
      stale++;
      console.log(`STALE       syntaxes/${file} (run \`node syntaxes/src/build.mjs\`)`);
    } else {
      writeFileSync(target, text);
      console.log(`wrote       syntaxes/${file}`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
