// What the project's own lint rules share: every way a file can name another module, and how a relative
// specifier maps to a file on disk the way TypeScript (module node16) and esbuild resolve it.
import { statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * ESLint visitors that call `onImport(node, specifier)` for each module a file names: import and export-from
 * declarations (type-only ones too), `import()` expressions, `import('x').T` types, `import x = require('x')`
 * and `require('x')`. A layer rule that skipped type imports would let a type drag its module's layer along.
 */
export function importVisitors(onImport) {
  const literal = (node, source) => {
    if (source && source.type === 'Literal' && typeof source.value === 'string') onImport(node, source.value);
  };
  return {
    ImportDeclaration: (node) => literal(node, node.source),
    ExportNamedDeclaration: (node) => literal(node, node.source),
    ExportAllDeclaration: (node) => literal(node, node.source),
    ImportExpression: (node) => literal(node, node.source),
    // typescript-eslint 8 keeps the specifier in `argument` (a literal type); newer versions call it `source`.
    TSImportType: (node) => literal(node, node.source ?? node.argument?.literal),
    TSImportEqualsDeclaration: (node) => {
      if (node.moduleReference.type === 'TSExternalModuleReference') literal(node, node.moduleReference.expression);
    },
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) literal(node, node.arguments[0]);
    },
  };
}

const isFile = (file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true;

/**
 * The file a relative specifier names, or undefined for a package or a file that does not exist.
 * `./x` may be `./x.ts` or `./x/index.ts`; `./x.js` may be `./x.ts` (node16 resolution of compiled output).
 */
export function resolveImport(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const jsStem = /\.[cm]?js$/.test(base) ? base.replace(/\.([cm]?)js$/, '.$1ts') : undefined;
  const candidates = [jsStem, base, `${base}.ts`, `${base}.tsx`, `${base}.d.ts`, path.join(base, 'index.ts')];
  return candidates.find((candidate) => candidate !== undefined && isFile(candidate));
}

/** `true` when `file` is `dir` itself or lies below it. */
export function isInside(file, dir) {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
