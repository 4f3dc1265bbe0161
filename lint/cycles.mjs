// No import cycles, type imports included: a cycle through types still ties the modules into one unit that
// can only be understood, tested and moved together, and it is how upward dependencies creep back in.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { importVisitors, resolveImport } from './imports.mjs';

// Other files' imports, read with TypeScript's pre-processor (every import form, no full parse). Keyed by
// path and checked against mtime and size, so an editor's long-running ESLint sees files change.
const depsCache = new Map();

function readDeps(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return [];
  const cached = depsCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.deps;
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const deps = [...new Set(importedFiles.map((imported) => resolveImport(file, imported.fileName)).filter((dep) => dep !== undefined))];
  depsCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, deps });
  return deps;
}

/** The shortest import path from `start` back to `goal` (both ends included), or undefined. */
function pathBack(start, goal, depsOf) {
  const cameFrom = new Map([[start, undefined]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i];
    for (const dep of depsOf(current)) {
      if (cameFrom.has(dep)) continue;
      cameFrom.set(dep, current);
      if (dep === goal) {
        const chain = [];
        for (let at = dep; at !== undefined; at = cameFrom.get(at)) chain.unshift(at);
        return chain;
      }
      queue.push(dep);
    }
  }
  return undefined;
}

export const noCycleRule = {
  meta: {
    type: 'problem',
    docs: { description: 'no import cycles, type imports included' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    // One lint of one file reads each other file's imports once, however many paths lead through it.
    const seen = new Map();
    const depsOf = (other) => {
      if (!seen.has(other)) seen.set(other, readDeps(other));
      return seen.get(other);
    };
    const reported = new Set();
    const show = (chain) => chain.map((step) => path.relative(context.cwd, step).split(path.sep).join('/')).join(' -> ');
    return importVisitors((node, specifier) => {
      const target = resolveImport(file, specifier);
      if (target === undefined || reported.has(target)) return;
      const back = target === file ? [file] : pathBack(target, file, depsOf);
      if (!back) return;
      reported.add(target);
      context.report({
        node,
        message: `Import cycle: ${show([file, ...back])}. Type imports count too: move what the modules share into a module below both (see ARCHITECTURE.md)`,
      });
    });
  },
};
