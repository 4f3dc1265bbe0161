// The layers of server/src, lowest first, and the rules that keep imports pointing down them.
// Folders on one line are side by side: neither imports the other. Each folder under features/ is one
// feature, and features never import each other. protocol/ is the leaf the client shares: it imports
// nothing outside itself. ARCHITECTURE.md explains what each layer holds.
import * as path from 'node:path';
import { importVisitors, isInside, resolveImport } from './imports.mjs';

export const LAYERS = [
  ['protocol'],
  ['document'],
  ['kubernetes'],
  ['analysis'],
  ['rules'],
  ['rendered'],
  ['features', 'node'],
  ['service'],
  ['lsp', 'cli'],
  ['server.ts'],
];

const ORDER = LAYERS.map((rank) => rank.join(', ')).join(' < ');
const RANK = new Map(LAYERS.flatMap((rank, index) => rank.map((name) => [name, index])));
const display = (layer) => (layer.endsWith('.ts') ? layer : `${layer}/`);

/**
 * The layer of a path relative to server/src, and for features/ the feature (its sub-folder, or its own
 * name for a file placed directly in features/). Undefined for a path in no layer.
 */
function locate(relative) {
  const [layer, second] = relative.split(path.sep);
  if (!RANK.has(layer)) return undefined;
  return { layer, rank: RANK.get(layer), feature: layer === 'features' ? second : undefined };
}

/** Why `from` may not import `to`, or undefined when it may. */
function violation(from, to) {
  if (from.layer === to.layer) {
    if (from.feature !== undefined && to.feature !== undefined && from.feature !== to.feature) {
      return `features/${from.feature}/ must not import features/${to.feature}/: features never import each other; move what both need down a layer (see ARCHITECTURE.md)`;
    }
    return undefined;
  }
  if (to.rank > from.rank) {
    return `${display(from.layer)} must not import ${display(to.layer)}: layers import only downward (${ORDER}); see ARCHITECTURE.md`;
  }
  if (to.rank === from.rank) {
    return `${display(from.layer)} must not import ${display(to.layer)}: they sit side by side on one layer and stay independent (${ORDER}); see ARCHITECTURE.md`;
  }
  return undefined;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'server/src imports only downward through its layers; features never import each other' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, required: ['root'], additionalProperties: false }],
  },
  create(context) {
    const root = context.options[0].root;
    const file = context.filename;
    if (!isInside(file, root)) return {};
    const relative = path.relative(root, file);
    const from = locate(relative);
    if (!from) {
      return {
        Program: (node) =>
          context.report({
            node,
            message: `server/src/${relative.split(path.sep).join('/')} is in no layer: move it into one of the layer folders (${ORDER}) or add a layer to lint/layers.mjs and ARCHITECTURE.md`,
          }),
      };
    }
    return importVisitors((node, specifier) => {
      const target = specifier.startsWith('.') ? (resolveImport(file, specifier) ?? path.resolve(path.dirname(file), specifier)) : undefined;
      if (from.layer === 'protocol') {
        if (target === undefined || !isInside(target, path.join(root, 'protocol'))) {
          context.report({
            node,
            message: `protocol/ must not import '${specifier}': it is the leaf shared by client and server and imports nothing outside protocol/ (see ARCHITECTURE.md)`,
          });
        }
        return;
      }
      if (target === undefined || !isInside(target, root)) return;
      const to = locate(path.relative(root, target));
      const message = to && violation(from, to);
      if (message) context.report({ node, message });
    });
  },
};

export const serverImportsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'code outside the server (the extension, the preview) imports only server/src/protocol/ from it' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, required: ['root'], additionalProperties: false }],
  },
  create(context) {
    const root = context.options[0].root;
    const file = context.filename;
    if (isInside(file, root)) return {};
    return importVisitors((node, specifier) => {
      if (!specifier.startsWith('.')) return;
      const target = resolveImport(file, specifier) ?? path.resolve(path.dirname(file), specifier);
      if (isInside(target, root) && !isInside(target, path.join(root, 'protocol'))) {
        context.report({
          node,
          message: `The client may import only server/src/protocol/ from the server, not '${specifier}': the extension bundle must not pull in the language server (see ARCHITECTURE.md)`,
        });
      }
    });
  },
};
