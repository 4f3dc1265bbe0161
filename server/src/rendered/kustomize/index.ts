/**
 * Kustomize overlays as a rendered source: a folder with a kustomization is built once (`kustomize build <dir>` or
 * `kubectl kustomize <dir>`, the runner's choice), its output is checked like plain manifests, and findings are moved
 * to the patch, base or kustomization line that produced the field (origin.ts).
 */
import * as nodePath from 'node:path';
import { parseFile } from '../../kubernetes/manifest';
import { renderedUri, type SourceKind } from '../source';
import { KUSTOMIZATION_NAMES } from './kustomization';
import { originMap } from './origin';
import { errorText, problemOrigin } from './problem';
import { loadBuild } from './tree';

export const kustomizeSource: SourceKind = {
  tool: 'kustomize',

  isRootFile: isKustomizationFile,

  variants(rootDir, names) {
    if (!names.some(isKustomizationFile)) return [];
    return [{ id: 'build', label: `overlay ${overlayName(rootDir)}`, command: { tool: 'kustomize', args: [rootDir], cwd: rootDir } }];
  },

  interpret(rootDir, variant, stdout, io) {
    const file = parseFile(renderedUri(rootDir, variant), stdout);
    // The build is read once per render: the files it reads are the render's cache key, so they cannot have changed.
    let origins: ReturnType<typeof originMap> | undefined;
    return {
      variant,
      file,
      originOf: async (start, end, signal) => {
        if (signal.aborted) return undefined;
        origins ??= originMap(file, loadBuild(rootDir, io.read), variant.label);
        return origins(start, end);
      },
    };
  },

  problem(rootDir, variant, failure, read) {
    const message = errorText(failure.message);
    return { variant, reason: failure.reason, message, origin: problemOrigin(rootDir, message, read, variant.label) };
  },

  inputs(rootDir, read) {
    return [...loadBuild(rootDir, read, false).inputs];
  },
};

function isKustomizationFile(baseName: string): boolean {
  return (KUSTOMIZATION_NAMES as readonly string[]).includes(baseName);
}

/**
 * How messages name an overlay: its folder with the one above (`overlays/prod`, `k8s/base`), which tells overlays of one
 * repository apart without the absolute path.
 */
export function overlayName(rootDir: string): string {
  const parts = rootDir.split(/[\\/]+/).filter((part) => part !== '');
  return parts.slice(-2).join('/') || nodePath.basename(rootDir);
}
