#!/usr/bin/env node
// Regenerates the README's rule table from the compiled rule list, so the README cannot drift from the rules.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ALL_RULES } = require('../out/server/src/rules/index.js');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const rows = ALL_RULES.map((rule) => `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.defaultSeverity} | ${rule.description.replace(/\|/g, '\\|')} |`);
const table = [start, '| Rule | Default severity | What it catches |', '|---|---|---|', ...rows, end].join('\n');
const readme = readFileSync('README.md', 'utf8');
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from === -1 || to === -1) throw new Error('README.md has no rules markers');
writeFileSync('README.md', readme.slice(0, from) + table + readme.slice(to + end.length));
console.log(`README: ${rows.length} rules`);
