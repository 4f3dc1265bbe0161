import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';
import type { RendererTool } from '../../rendered/source';

/** The binary a renderer runs, and how: Kustomize is either `kustomize build` or `kubectl kustomize`. */
export interface FoundBinary {
  path: string;
  /** The arguments before the variant's own: `['template']` is the kind's business, these are the runner's. */
  leadingArgs: readonly string[];
}

export type BinaryLookup = { found: FoundBinary } | { missing: string };

/** The user's choices, from machine-scoped settings or CLI flags: a repository never picks the binary we run. */
export interface BinarySettings {
  helmPath?: string;
  kustomizePath?: string;
}

const EXE = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` on PATH, as a shell would find it (without running a shell). */
export function onPath(name: string, envPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue; // a relative PATH entry would resolve against the workspace
    for (const ext of EXE) {
      const candidate = path.join(dir, name + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * Where the binary for `tool` is: the setting when given (and then only there: a wrong setting is said, not papered
 * over with another binary), else PATH; for Kustomize, `kustomize`, then `kubectl`, which embeds it since 1.14.
 */
export function findBinary(tool: RendererTool, settings: BinarySettings, envPath?: string): BinaryLookup {
  const configured = tool === 'helm' ? settings.helmPath : settings.kustomizePath;
  const settingName = tool === 'helm' ? 'kubeServiceLens.helm.path' : 'kubeServiceLens.kustomize.path';
  if (configured) {
    if (!path.isAbsolute(configured) || !isExecutable(configured)) {
      return { missing: `${settingName} is "${configured}", which is not the absolute path of an executable file.` };
    }
    return { found: { path: configured, leadingArgs: leadingArgs(tool, configured) } };
  }
  if (tool === 'helm') {
    const helm = onPath('helm', envPath);
    if (helm) return { found: { path: helm, leadingArgs: [] } };
    return { missing: `helm was not found on PATH: install Helm (https://helm.sh/docs/intro/install/) or set ${settingName} to its binary.` };
  }
  const kustomize = onPath('kustomize', envPath);
  if (kustomize) return { found: { path: kustomize, leadingArgs: ['build'] } };
  const kubectl = onPath('kubectl', envPath);
  if (kubectl) return { found: { path: kubectl, leadingArgs: ['kustomize'] } };
  return {
    missing:
      `Neither kustomize nor kubectl was found on PATH: install one (https://kubectl.docs.kubernetes.io/installation/kustomize/) ` +
      `or set ${settingName} to its binary.`,
  };
}

/** A configured Kustomize binary named kubectl is run as `kubectl kustomize`, any other as `kustomize build`. */
function leadingArgs(tool: RendererTool, file: string): readonly string[] {
  if (tool === 'helm') return [];
  return /^kubectl(\.exe)?$/i.test(path.basename(file)) ? ['kustomize'] : ['build'];
}
